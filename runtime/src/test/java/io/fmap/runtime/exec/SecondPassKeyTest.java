package io.fmap.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fmap.runtime.cutover.Delta;
import org.junit.jupiter.api.Test;

class SecondPassKeyTest {

  /** A delta takes the executor's second-pass writes for its own; otherwise it sees false conflicts. */
  @Test
  void deltaNamesTheSecondPassKeysAsTheExecutorWritesThem() {
    assertEquals(BatchWriter.LOOKUPS_SUFFIX, Delta.SECOND_PASS_SUFFIX);
  }

  /** Every later pass rewrites the row (and its modifiedon): a delta must know all their keys. */
  @Test
  void deltaNamesEveryLaterPassAsTheExecutorWritesThem() {
    assertEquals(java.util.List.of(BatchWriter.LOOKUPS_SUFFIX, BatchWriter.STATE_SUFFIX, BatchWriter.FILES_SUFFIX),
        Delta.LATER_PASS_SUFFIXES);
  }
}
