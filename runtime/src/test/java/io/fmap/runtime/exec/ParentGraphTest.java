package io.fmap.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which link of a parent loop the second pass leaves out; rows are named by their source ids here. */
class ParentGraphTest {

  private static ParentGraph written(String... childParent) {
    ParentGraph graph = new ParentGraph();
    for (int i = 0; i < childParent.length; i += 2) graph.written(childParent[i], childParent[i + 1], childParent[i]);
    return graph;
  }

  private static List<String> report(ParentGraph graph) {
    return graph.loops().stream().map(l -> l.path() + " without " + l.leftOut()).toList();
  }

  @Test
  void twoRowsThatAreEachOthersParentLoseTheLinkOfTheSmallerId() {
    assertEquals(List.of("cmp-2 -> cmp-3 -> cmp-2 without cmp-2"), report(written("cmp-3", "cmp-2", "cmp-2", "cmp-3")));
  }

  @Test
  void aLoopOfThreeIsReportedFromItsSmallestIdAndLosesOneLink() {
    assertEquals(List.of("a -> b -> c -> a without a"), report(written("b", "c", "c", "a", "a", "b")));
  }

  @Test
  void aRowThatIsItsOwnParentLosesThatLink() {
    assertEquals(List.of("a -> a without a"), report(written("a", "a")));
  }

  @Test
  void aChainIsNotALoopAndKeepsEveryLink() {
    assertEquals(List.of(), report(written("a", "b", "b", "c", "c", "d")));
  }

  @Test
  void aChainHangingOffALoopKeepsItsLinksAndTheLoopLosesOne() {
    assertEquals(List.of("b -> c -> b without b"), report(written("a", "b", "b", "c", "c", "b", "z", "a")));
  }

  @Test
  void everyLoopOfARunLosesItsOwnLink() {
    ParentGraph graph = written("x", "y", "y", "x", "a", "a", "m", "n", "n", "o", "o", "m", "p", "q");
    assertEquals(List.of("a -> a without a", "m -> n -> o -> m without m", "x -> y -> x without x"), report(graph));
  }

  @Test
  void aLaterRunWhoseLinkClosesALoopWithLinksTheTargetHoldsLosesItsOwnLink() {
    ParentGraph graph = new ParentGraph();
    graph.held("a", "b", "a");
    graph.held("b", "c", "b");
    graph.written("c", "a", "c");
    assertEquals(List.of("a -> b -> c -> a without c"), report(graph),
        "the target's links stay; only this run's link can be left out, though a has the smaller id");
  }

  @Test
  void aLinkTheTargetHoldsAlreadyIsNotTheOneLeftOut() {
    // A resumed run: its first attempt wrote b -> a before it stopped.
    ParentGraph graph = new ParentGraph();
    graph.held("b", "a", "b");
    graph.written("a", "b", "a");
    graph.written("b", "a", "b");
    assertEquals(List.of("a -> b -> a without a"), report(graph));
    ParentGraph other = new ParentGraph();
    other.held("a", "b", "a");
    other.written("a", "b", "a");
    other.written("b", "a", "b");
    assertEquals(List.of("a -> b -> a without b"), report(other), "a -> b is there: b's link is left out instead");
  }

  @Test
  void aLinkOfThisRunReplacesTheOneTheTargetHolds() {
    ParentGraph graph = new ParentGraph();
    graph.held("a", "b", "a");
    graph.held("b", "a", "b"); // a loop let in before (by hand, or an org without the check)...
    graph.written("a", "c", "a"); // ...that this run's new parent for a opens
    assertEquals(List.of(), report(graph));
  }

  @Test
  void aLoopTheTargetHoldsWithoutAnyLinkOfThisRunIsNotThisRunsToBreak() {
    ParentGraph graph = new ParentGraph();
    graph.held("a", "b", "a");
    graph.held("b", "a", "b");
    graph.written("c", "a", "c");
    assertEquals(List.of(), report(graph));
  }
}
