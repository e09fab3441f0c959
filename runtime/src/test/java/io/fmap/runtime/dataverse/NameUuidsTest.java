package io.fmap.runtime.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameUuidsTest {

  /** Row ids must not change between fmap versions: a rerun has to address the rows it wrote before. */
  @Test
  void theIdsAreTheOnesUuidNameUuidFromBytesGives() {
    String[] names = {"", "fmap:account:fmap_sourceid='A1'", "fmap:contact:fmap_sourceid='Zo%C3%AB'", "ö€𝄞", "x".repeat(1000)};
    for (String name : names) {
      assertEquals(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), NameUuids.of(name), name);
    }
    for (int i = 0; i < 1_000; i++) {
      String name = "fmap:lead:" + i;
      assertEquals(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), NameUuids.of(name), name);
    }
  }
}
