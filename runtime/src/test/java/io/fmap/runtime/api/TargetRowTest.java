package io.fmap.runtime.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TargetRowTest {

  private static final SourceRef CONTACT_7 = new SourceRef("Contact", "7");
  private static final TargetRef ACME = new TargetRef("account", "parentcustomerid_account",
      TargetKey.alternate("fmap_sourceid", "C-1"));

  @Test
  void aBuiltRowCannotBeChangedThroughItsBuilderOrItsMaps() {
    TargetRow.Builder builder = TargetRow.builder("m", "contact", CONTACT_7).set("lastname", "Doe").lookup("parentcustomerid", ACME);
    TargetRow row = builder.build();

    assertThrows(IllegalStateException.class, () -> builder.set("lastname", "Roe"));
    assertThrows(IllegalStateException.class, () -> builder.lookup("parentcustomerid", ACME));
    assertThrows(IllegalStateException.class, builder::build);
    assertThrows(UnsupportedOperationException.class, () -> row.columns().put("lastname", "Roe"));
    assertThrows(UnsupportedOperationException.class, () -> row.lookups().clear());
    assertThrows(UnsupportedOperationException.class,
        () -> ((TargetKey.ByAlternateKey) TargetKey.alternate("fmap_sourceid", "7")).values().put("x", "y"));
    assertEquals("Doe", row.columns().get("lastname"));
  }

  @Test
  void columnsAndLookupsComeOutSortedWhateverTheAssignmentOrder() {
    TargetRow row = TargetRow.builder("Contact->contact", "contact", CONTACT_7)
        .key(TargetKey.alternate("fmap_sourceid", "7"))
        .set("lastname", "Doe").set("firstname", "Jane").set("address1_city", null)
        .lookup("parentcustomerid", ACME)
        .build();

    assertEquals(List.of("address1_city", "firstname", "lastname"), List.copyOf(row.columns().keySet()));
    assertTrue(row.columns().containsKey("address1_city"), "an explicit null clears the column");
  }

  @Test
  void aBuilderWithDeclaredColumnsBuildsTheSameRowAsOneWithout() {
    assertSlottedRowsEqualSortedOnes(List.of("telephone1", "firstname", "lastname", "emailaddress1", "birthdate", "z", "a"), 12);
  }

  @Test
  void aBuilderWithMoreThanSixtyFourDeclaredColumnsBuildsTheSameRowAsOneWithout() {
    // The builder marks the columns set in one word of bits up to 64 and in more words beyond.
    List<String> names = java.util.stream.IntStream.range(0, 150).mapToObj(i -> "c" + (i * 37 % 150)).toList();
    assertSlottedRowsEqualSortedOnes(names, 200);
  }

  private static void assertSlottedRowsEqualSortedOnes(List<String> names, int maxSets) {
    RowColumns declared = RowColumns.of(names.toArray(String[]::new));
    java.util.Random random = new java.util.Random(3);
    for (int n = 0; n < 2_000; n++) {
      TargetRow.Builder sorted = TargetRow.builder("m", "contact", CONTACT_7);
      TargetRow.Builder slotted = TargetRow.builder("m", "contact", CONTACT_7, declared);
      // Half the rows set the columns in the declared order, skipping some (a branch not taken), as
      // generated code does; the others in any order, with repeats.
      boolean inTurn = n % 2 == 0;
      int sets = inTurn ? names.size() : random.nextInt(maxSets);
      for (int i = 0; i < sets; i++) {
        if (inTurn && random.nextInt(4) == 0) continue;
        String column = inTurn ? names.get(i) : names.get(random.nextInt(names.size()));
        Object value = random.nextInt(4) == 0 ? null : "v" + i;
        if (random.nextBoolean()) {
          sorted.set(column, value);
          slotted.set(column, value);
        } else {
          sorted.setIfPresent(column, value);
          slotted.setIfPresent(column, value);
        }
      }
      TargetRow expected = sorted.build();
      TargetRow actual = slotted.build();
      assertEquals(expected, actual);
      assertEquals(expected.columns().toString(), actual.columns().toString());
      assertEquals(List.copyOf(expected.columns().keySet()), List.copyOf(actual.columns().keySet()));
    }
  }

  @Test
  void lookupsComeOutSortedANullOneIsLeftOutAndTheLastBindingOfAColumnWins() {
    // The builder holds a row's first lookup in fields and makes a map for a second: both shapes.
    TargetRef other = new TargetRef("account", "parentcustomerid_account", TargetKey.alternate("fmap_sourceid", "C-2"));
    TargetRow none = TargetRow.builder("m", "contact", CONTACT_7).lookup("parentcustomerid", null).build();
    TargetRow one = TargetRow.builder("m", "contact", CONTACT_7).lookup("parentcustomerid", ACME).lookup("x", null).build();
    TargetRow rebound = TargetRow.builder("m", "contact", CONTACT_7).lookup("parentcustomerid", ACME).lookup("parentcustomerid", other).build();
    TargetRow three = TargetRow.builder("m", "contact", CONTACT_7)
        .lookup("parentcustomerid", ACME).lookup("accountid", other).lookup("masterid", ACME).lookup("accountid", ACME).build();

    assertTrue(none.lookups().isEmpty());
    assertEquals(java.util.Map.of("parentcustomerid", ACME), one.lookups());
    assertEquals(java.util.Map.of("parentcustomerid", other), rebound.lookups());
    assertEquals(List.of("accountid", "masterid", "parentcustomerid"), List.copyOf(three.lookups().keySet()));
    assertEquals(ACME, three.lookups().get("accountid"));
    assertThrows(NullPointerException.class, () -> TargetRow.builder("m", "contact", CONTACT_7).lookup(null, ACME));
  }

  @Test
  void aDeclaredColumnNamedByAnEqualStringOfItsOwnStillFindsItsSlot() {
    RowColumns declared = RowColumns.of("lastname", "firstname");
    TargetRow row = TargetRow.builder("m", "contact", CONTACT_7, declared)
        .set(new String("lastname"), "Doe").set(new String("firstname"), "Jane").build();
    assertEquals(java.util.Map.of("firstname", "Jane", "lastname", "Doe"), row.columns());
    assertEquals(List.of("firstname", "lastname"), declared.names(), "the names come out sorted whatever order they were given in");
  }

  @Test
  void aBuilderWithDeclaredColumnsRefusesAnotherColumnAndAfterBuilding() {
    TargetRow.Builder builder = TargetRow.builder("m", "contact", CONTACT_7, RowColumns.of("lastname", "firstname"));
    IllegalArgumentException undeclared = assertThrows(IllegalArgumentException.class, () -> builder.set("jobtitle", "CEO"));
    assertEquals("jobtitle is not one of the columns declared for this row [firstname, lastname]", undeclared.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RowColumns.of("lastname", "lastname"));
    TargetRow row = builder.set("lastname", "Doe").build();
    assertEquals(java.util.Map.of("lastname", "Doe"), row.columns());
    assertThrows(IllegalStateException.class, () -> builder.set("lastname", "Roe"));
    assertThrows(IllegalStateException.class, () -> builder.setIfPresent("lastname", null));
  }

  @Test
  void equalAssignmentsInAnyOrderGiveEqualRows() {
    TargetRow a = TargetRow.builder("m", "contact", CONTACT_7).set("b", 1L).set("a", "x").build();
    TargetRow b = TargetRow.builder("m", "contact", CONTACT_7).set("a", "x").set("b", 1L).build();
    assertEquals(a, b);
  }

  @Test
  void setIfPresentLeavesANullValueOut() {
    TargetRow row = TargetRow.builder("m", "contact", CONTACT_7).setIfPresent("telephone1", null).build();
    assertTrue(row.columns().isEmpty());
  }

  @Test
  void aRowWithoutKeyGetsTheSameDerivedIdEveryTime() {
    TargetRow first = TargetRow.builder("m", "task", CONTACT_7).build();
    TargetRow again = TargetRow.builder("m", "task", CONTACT_7).build();
    TargetRow otherTable = TargetRow.builder("m", "phonecall", CONTACT_7).build();

    assertEquals(first.key(), again.key());
    assertNotEquals(first.key(), otherTable.key());
    assertEquals(3, ((TargetKey.ById) first.key()).id().version(), "name-based UUID");
  }

  @Test
  void twoPassSplitsTheDeferredLookupFromTheRest() {
    TargetRef parent = new TargetRef("account", "parentaccountid", TargetKey.id(new UUID(0, 9)));
    TargetRow row = TargetRow.builder("Company->account", "account", new SourceRef("Company", "1"))
        .key(TargetKey.alternate("fmap_sourceid", "1"))
        .set("name", "Acme").lookup("parentaccountid", parent).lookup("primarycontactid", ACME)
        .owner(ACME.via("ownerid"))
        .build();

    TargetRow first = row.withoutLookups(Set.of("parentaccountid"));
    TargetRow second = row.onlyLookups(Set.of("parentaccountid"));

    assertEquals(Set.of("primarycontactid"), first.lookups().keySet());
    assertEquals("Acme", first.columns().get("name"));
    assertEquals(Set.of("parentaccountid"), second.lookups().keySet());
    assertTrue(second.columns().isEmpty());
    assertEquals(null, second.owner(), "the second pass only touches the deferred lookup");
    assertEquals(row.key(), second.key());
  }

  @Test
  void aValueOfATypeTheConnectorCannotWriteIsRejected() {
    TargetRow.Builder builder = TargetRow.builder("m", "contact", CONTACT_7).set("weird", new Object());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("weird"), e.getMessage());
  }

  @Test
  void supportedValueTypesAreAccepted() {
    TargetRow row = TargetRow.builder("m", "contact", CONTACT_7)
        .set("a", "s").set("b", 1L).set("c", 2).set("d", new BigDecimal("1.50")).set("e", true)
        .set("f", java.time.LocalDate.of(2024, 1, 2)).set("g", java.time.Instant.EPOCH)
        .set("h", List.of(1, 2))
        .build();
    assertEquals(8, row.columns().size());
  }

  @Test
  void alternateKeyNeedsAtLeastOneNonNullValue() {
    assertThrows(IllegalArgumentException.class, () -> TargetKey.alternate(java.util.Map.of()));
    assertThrows(NullPointerException.class, () -> TargetKey.alternate(new java.util.HashMap<>() {{ put("k", null); }}));
  }

  @Test
  void anActivityPartyNeedsAPartyOrAnAddress() {
    assertThrows(IllegalArgumentException.class,
        () -> new ActivityParty(ActivityParty.Role.TO_RECIPIENT, null, " "));
    assertEquals(2, new ActivityParty(ActivityParty.Role.TO_RECIPIENT, null, "a@b.c").role().mask());
  }
}
