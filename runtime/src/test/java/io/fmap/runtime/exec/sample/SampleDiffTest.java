package io.fmap.runtime.exec.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.runtime.api.SourceRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleDiffTest {
  private static final String ID = "340451f1-5f90-3c0f-99f2-1385ce76336c";

  private static SampleDiff diff() {
    RecordDiff contact = new RecordDiff(new SourceRef("Contact", "c2"), "Contact->contact", "contact", ID, List.of(
        new FieldDiff("firstname", "first_name", "Ann", "Ann", "Ann", FieldStatus.EQUAL),
        new FieldDiff("lastname", "last_name", "Smith", "Smith", "Smyth", FieldStatus.DIFFERS)), null);
    RecordDiff account = new RecordDiff(new SourceRef("Company", "k1"), "Company->account", "account", null,
        List.of(), "not landed");
    RecordDiff other = new RecordDiff(new SourceRef("Contact", "c1"), "Contact->contact", "contact", ID, List.of(
        new FieldDiff("parentcustomerid", "Company/k9", "k9", ID, ID, FieldStatus.TRANSFORMED)), null);
    return new SampleDiff(7, List.of(contact, account, other));
  }

  @Test
  void theTextCountsPerTableThenListsEachDifferingFieldAndProblemInASortedOrder() {
    assertEquals("""
        sample diff of run 7
        table                     records    equal  transformed  differs problems
        account                         1        0            0        0        1
        contact                         2        1            1        1        0
        account - (Company/k1): not landed
        contact 340451f1-5f90-3c0f-99f2-1385ce76336c (Contact/c2) lastname: expected 'Smith', read 'Smyth'
        """, diff().toText());
    List<RecordDiff> reversed = new java.util.ArrayList<>(diff().records());
    java.util.Collections.reverse(reversed);
    assertEquals(diff().toText(), new SampleDiff(7, reversed).toText());
  }

  @Test
  void theJsonCarriesCountsAndEveryFieldWithItsStatusLabel() {
    JsonNode json = diff().toJson();
    assertEquals(1, json.at("/tables/contact/differs").asInt());
    assertEquals(1, json.at("/tables/contact/transformed as mapped").asInt());
    assertEquals("Contact/c1", json.at("/records/1/source").asText());
    assertEquals("transformed as mapped", json.at("/records/1/fields/0/status").asText());
    assertTrue(diff().hasDifferences());
    assertFalse(new SampleDiff(1, List.of(diff().records().get(1))).hasDifferences());
  }
}
