package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A stored row's maps: the TreeMap they replace, in what callers see (order, lookups, immutability). */
class SortedArrayMapTest {

  @Test
  void readsAndIteratesLikeTheTreeMapItReplaces() {
    Map<String, String> source = new HashMap<>();
    for (String k : List.of("telephone1", "name", "accountid", "ownerid", "address1_city", "Zeta", "createdon")) {
      source.put(k, k.toUpperCase());
    }
    source.put("emailaddress1", null);
    Map<String, String> map = SortedArrayMap.copyOf(source);
    TreeMap<String, String> tree = new TreeMap<>(source);
    assertEquals(new ArrayList<>(tree.keySet()), new ArrayList<>(map.keySet()));
    assertEquals(new ArrayList<>(tree.values()), new ArrayList<>(map.values()));
    assertEquals(tree, map);
    assertEquals(tree.hashCode(), map.hashCode());
    assertEquals("NAME", map.get("name"));
    assertNull(map.get("Name"));
    assertTrue(map.containsKey("emailaddress1"));
    assertFalse(map.containsKey("fax"));
    assertNull(map.get(42));
  }

  @Test
  void refusesChangesAndNullNames() {
    Map<String, Integer> map = SortedArrayMap.copyOf(Map.of("a", 1));
    assertThrows(UnsupportedOperationException.class, () -> map.put("b", 2));
    assertThrows(UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue(3));
    Map<String, Integer> withNull = new HashMap<>();
    withNull.put(null, 1);
    assertThrows(NullPointerException.class, () -> SortedArrayMap.copyOf(withNull));
    assertEquals(Map.of(), SortedArrayMap.copyOf(Map.of()));
  }
}
