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

  /** The graph with links the target holds already, as child, parent pairs. */
  private static ParentGraph held(ParentGraph graph, String... childParent) {
    for (int i = 0; i < childParent.length; i += 2) graph.held(childParent[i], childParent[i + 1], childParent[i]);
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
    assertEquals(List.of("a -> b -> c -> a without c"), report(held(written("c", "a"), "a", "b", "b", "c")),
        "the target's links stay; only this run's link can be left out, though a has the smaller id");
  }

  @Test
  void aLinkTheTargetHoldsAlreadyIsNotTheOneLeftOut() {
    // A resumed run: its first attempt wrote b -> a before it stopped.
    assertEquals(List.of("a -> b -> a without a"), report(held(written("a", "b", "b", "a"), "b", "a")));
    assertEquals(List.of("a -> b -> a without b"), report(held(written("a", "b", "b", "a"), "a", "b")),
        "a -> b is there: b's link is left out instead");
  }

  @Test
  void aLinkOfThisRunReplacesTheOneTheTargetHolds() {
    // A loop let in before (by hand, or an org without the check) that this run's new parent for a opens.
    assertEquals(List.of(), report(held(written("a", "c"), "a", "b", "b", "a")));
  }

  @Test
  void aLoopTheTargetHoldsWithoutAnyLinkOfThisRunIsNotThisRunsToBreak() {
    assertEquals(List.of(), report(held(written("c", "a"), "a", "b", "b", "a")));
  }
}
