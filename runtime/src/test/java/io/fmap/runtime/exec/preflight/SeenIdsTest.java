package io.fmap.runtime.exec.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeenIdsTest {

  @Test
  void findsEveryIdAddedAndNoneOfTheOthers() {
    SeenIds ids = new SeenIds();
    for (int i = 0; i < 5000; i++) ids.add("cmp-" + String.format("%07d", i));
    ids.seal();
    for (int i = 0; i < 5000; i++) assertTrue(ids.contains("cmp-" + String.format("%07d", i)));
    assertFalse(ids.contains("cmp-0005000"));
    assertFalse(ids.contains("con-0000001"));
    assertFalse(ids.contains(""));
  }

  @Test
  void similarIdsGetDifferentHashes() {
    Set<Long> hashes = new HashSet<>();
    for (int i = 0; i < 50_000; i++) hashes.add(SeenIds.hash("con-" + i));
    assertEquals(50_000, hashes.size());
  }

  @Test
  void isReadOnlyWhenSealedAndLookedUpOnlyThen() {
    SeenIds ids = new SeenIds();
    ids.add("a");
    assertThrows(IllegalStateException.class, () -> ids.contains("a"));
    ids.seal();
    assertThrows(IllegalStateException.class, () -> ids.add("b"));
  }
}
