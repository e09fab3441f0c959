package io.fmap.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A source record's fields answer exactly as the LinkedHashMap they replaced, whatever the shapes. */
class RecordFieldsTest {

  private static final List<String> NAMES = List.of("id", "name", "email", "Aa", "BB", "é", "owner_email", "x", "");

  @Test
  void answersLikeALinkedHashMapForRecordsOfChangingShapesAndNullValues() {
    Random random = new Random(11);
    for (int n = 0; n < 3_000; n++) {
      // Few distinct shapes in a row (the cache's usual case) mixed with changed orders and sizes.
      Map<String, Object> expected = new LinkedHashMap<>();
      int fields = random.nextInt(4) == 0 ? random.nextInt(NAMES.size() + 1) : NAMES.size();
      List<String> names = new ArrayList<>(NAMES);
      if (random.nextInt(3) == 0) java.util.Collections.shuffle(names, random);
      for (String name : names.subList(0, fields)) {
        // A copy of the name, not the literal: lookups must not depend on reference equality.
        expected.put(new String(name), random.nextInt(3) == 0 ? null : (Object) Integer.valueOf(random.nextInt(100)));
      }
      String object = random.nextBoolean() ? "Contact" : "Company";
      Map<String, Object> actual = new SourceRecord(object, "1", expected).fields();
      assertEquals(expected, actual);
      assertEquals(actual, expected);
      assertEquals(expected.hashCode(), actual.hashCode());
      assertEquals(expected.toString(), actual.toString());
      assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
      for (String name : List.of("id", "name", "email", "Aa", "BB", "é", "owner_email", "x", "", "missing", "EMAIL")) {
        assertEquals(expected.get(name), actual.get(name), name);
        assertEquals(expected.containsKey(name), actual.containsKey(name), name);
      }
      Map<String, Object> visited = new LinkedHashMap<>();
      actual.forEach(visited::put);
      assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(visited.entrySet()));
    }
  }

  @Test
  void aSourceFieldReadsWhatTheNameReadsWhateverShapeEachRecordHas() {
    // One SourceField per name, shared by every record as a generated class shares it: it remembers
    // where it was in the last shape, so records alternating between shapes must still read right.
    List<String> asked = List.of("id", "name", "email", "Aa", "BB", "é", "owner_email", "x", "", "missing", "EMAIL");
    List<SourceField> fields = asked.stream().map(SourceField::of).toList();
    Random random = new Random(5);
    for (int n = 0; n < 3_000; n++) {
      Map<String, Object> values = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(NAMES);
      if (random.nextInt(3) == 0) java.util.Collections.shuffle(names, random);
      int count = random.nextInt(4) == 0 ? random.nextInt(NAMES.size() + 1) : NAMES.size();
      for (String name : names.subList(0, count)) values.put(name, random.nextInt(3) == 0 ? null : "v" + random.nextInt(100));
      SourceRecord record = new SourceRecord(random.nextBoolean() ? "Contact" : "Company", "1", values);
      for (int i = 0; i < asked.size(); i++) {
        assertEquals(values.get(asked.get(i)), record.get(fields.get(i)), asked.get(i));
      }
    }
    assertEquals("email", SourceField.of("email").toString());
    assertThrows(NullPointerException.class, () -> SourceField.of(null));
  }

  @Test
  void aLargeRecordFindsEveryFieldAndNoneItDoesNotHave() {
    Map<String, Object> expected = new HashMap<>();
    for (int i = 0; i < 500; i++) expected.put("custom_field_" + i, (long) i);
    Map<String, Object> actual = new SourceRecord("Wide", "1", expected).fields();
    for (int i = 0; i < 600; i++) assertEquals(expected.get("custom_field_" + i), actual.get("custom_field_" + i));
  }

  @Test
  void cannotBeChangedAndRefusesANullName() {
    Map<String, Object> fields = new SourceRecord("Contact", "1", Map.of("a", 1, "b", 2)).fields();
    assertThrows(UnsupportedOperationException.class, () -> fields.put("c", 3));
    assertThrows(UnsupportedOperationException.class, () -> fields.remove("a"));
    assertThrows(UnsupportedOperationException.class, () -> fields.entrySet().iterator().next().setValue(5));
    assertThrows(UnsupportedOperationException.class, fields::clear);
    Map<String, Object> withNullName = new HashMap<>();
    withNullName.put(null, 1);
    assertThrows(NullPointerException.class, () -> new SourceRecord("Contact", "1", withNullName));
  }
}
