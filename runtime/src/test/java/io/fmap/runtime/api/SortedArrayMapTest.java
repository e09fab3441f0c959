package io.fmap.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The row's column map answers exactly as the TreeMap it replaced. */
class SortedArrayMapTest {

  private static final List<String> NAMES = List.of("a", "b", "bb", "c", "name", "ownerid", "z", "Z", "é");

  @Test
  void answersLikeATreeMapFilledWithTheSamePutsIncludingRepeatsAndNulls() {
    Random random = new Random(5);
    for (int n = 0; n < 2_000; n++) {
      TreeMap<String, Object> expected = new TreeMap<>();
      SortedArrayMap.Builder<Object> builder = new SortedArrayMap.Builder<>(2);
      int puts = random.nextInt(20);
      for (int i = 0; i < puts; i++) {
        String key = NAMES.get(random.nextInt(NAMES.size()));
        Object value = random.nextInt(4) == 0 ? null : (Object) Integer.valueOf(i);
        expected.put(key, value);
        builder.put(key, value);
      }
      SortedArrayMap<Object> actual = builder.build();
      assertEquals(expected, actual);
      assertEquals(expected.hashCode(), actual.hashCode());
      assertEquals(expected.toString(), actual.toString());
      assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
      for (String name : NAMES) {
        assertEquals(expected.get(name), actual.get(name), name);
        assertEquals(expected.containsKey(name), actual.containsKey(name), name);
        assertEquals(expected.headMap(name), actual.headMap(name), name);
        assertEquals(expected.tailMap(name), actual.tailMap(name), name);
        assertEquals(expected.subMap("b", name.compareTo("b") < 0 ? "b" : name), actual.subMap("b", name.compareTo("b") < 0 ? "b" : name));
      }
      if (!expected.isEmpty()) {
        assertEquals(expected.firstKey(), actual.firstKey());
        assertEquals(expected.lastKey(), actual.lastKey());
      }
    }
  }

  @Test
  void cannotBeChangedAndRefusesANullName() {
    SortedArrayMap<Object> map = SortedArrayMap.copyOf(Map.of("a", 1, "b", 2));
    assertThrows(UnsupportedOperationException.class, () -> map.put("c", 3));
    assertThrows(UnsupportedOperationException.class, () -> map.remove("a"));
    assertThrows(UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue(5));
    assertThrows(UnsupportedOperationException.class, map::clear);
    assertThrows(NullPointerException.class, () -> new SortedArrayMap.Builder<>(1).put(null, 1));
  }

  @Test
  void aRowsColumnsAreSortedWhateverOrderTheMapSetThem() {
    TargetRow row = TargetRow.builder("m", "contact", new SourceRef("Contact", "1"))
        .set("lastname", "Doe").set("firstname", "Jane").set("lastname", "Roe").build();
    SortedMap<String, Object> columns = row.columns();
    assertEquals(List.of("firstname", "lastname"), new ArrayList<>(columns.keySet()));
    assertEquals("Roe", columns.get("lastname"));
  }
}
