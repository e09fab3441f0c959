package io.fmap.runtime.exec.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParentCyclesTest {

  @Test
  void eachLoopIsListedOnceFromItsSmallestIdAndChainsWithoutALoopAreNot() {
    ParentCycles cycles = new ParentCycles();
    cycles.link("Company", "c", "a");
    cycles.link("Company", "a", "b");
    cycles.link("Company", "b", "c");
    cycles.link("Company", "d", "a"); // leads into the loop, is not part of it
    cycles.link("Company", "x", "y"); // a plain chain
    cycles.link("Company", "s", "s"); // its own parent
    assertEquals(List.of("Company: a -> b -> c -> a", "Company: s -> s"), cycles.cycles());
  }
}
