package io.fmap.compiler.stdlib;

import static io.fmap.compiler.stdlib.StandardSet.made;
import static io.fmap.compiler.stdlib.StandardSet.record;
import static io.fmap.compiler.stdlib.StandardSet.records;
import static io.fmap.compiler.stdlib.StandardSet.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows 2 and 3: Spark Contact → contact, or → lead while a prospect or idle past the threshold. */
class ContactRowTest {

  /**
   * Extra companies: each element of company_ids (the primary company too) is one link of the
   * account-contact N:N, made from the contact row after both sides load.
   */
  @Test
  void everyCompanyOfAContactIsLinkedThroughTheAccountContactRelationship() {
    assertEquals(java.util.List.of(new io.fmap.runtime.api.Association("fmap_account_contact", "Contact", "contact",
        "fmap_account_contact", "company_ids", "Company", "account",
        new io.fmap.runtime.api.FmapLocation("mappings/contact.fmap", 45))), StandardSet.plan().associations().stream()
        .filter(a -> a.sourceObject().equals("Contact")).toList());
    assertTrue(records("Contact").stream().anyMatch(c -> c.get("company_ids") instanceof java.util.List<?> l && l.size() > 1),
        "the sample has contacts with extra companies");
  }

  @Test
  void aRecentlyActiveQualifiedContactBecomesAContactOfItsPrimaryCompany() {
    // contact 5: qualified, active 56 days before the clock, two companies (cmp-4 is primary)
    TargetRow row = row(record("Contact", "con-0000005"));
    assertEquals("contact", row.table());
    assertEquals(TargetKey.alternate("fmap_sourceid", "con-0000005"), row.key());
    assertEquals(new TargetRef("account", "parentcustomerid_account", TargetKey.alternate("fmap_sourceid", "cmp-0000004")),
        row.lookups().get("parentcustomerid"));
    assertEquals("mehmet.smith5@client6.example", row.columns().get("emailaddress1"));
    assertEquals("Smith", row.columns().get("lastname"));
  }

  @Test
  void customContactFieldsLandInTheirTypedColumns() {
    TargetRow row = row(record("Contact", "con-0000005"));
    assertEquals(new BigDecimal("72.94"), row.columns().get("fmap_leadscore"));
    assertEquals(Boolean.TRUE, row.columns().get("fmap_newsletter"));
    assertTrue(row.columns().get("fmap_preferredlanguage") instanceof Integer, row.columns().toString());
  }

  @Test
  void aContactWithoutCompanyHasNoParentCustomerAndAMissingLastNameGetsThePlaceholder() {
    TargetRow row = row(made("Contact", "con-x", Map.of("status", "customer",
        "last_activity_at", "2026-05-30T00:00:00Z", "first_name", "Ada")));
    assertEquals("contact", row.table());
    assertFalse(row.lookups().containsKey("parentcustomerid"));
    assertEquals("(unknown)", row.columns().get("lastname"));
  }

  @Test
  void newAndUnqualifiedContactsBecomeLeadsWhateverTheirActivity() {
    // contact 7 is new, active two months ago, and has no company
    TargetRow lead = row(record("Contact", "con-0000007"));
    assertEquals("lead", lead.table());
    assertFalse(lead.lookups().containsKey("parentaccountid"));
    assertEquals("lead", row(record("Contact", "con-0000009")).table(), "unqualified, active in January");
  }

  @Test
  void aQualifiedContactIdleLongerThanTheThresholdGoesBackToBeingALead() {
    // contact 13: qualified, last active 2026-01-24, 128 days before the clock
    assertEquals("lead", row(record("Contact", "con-0000013")).table());
    assertEquals("contact", row(record("Contact", "con-0000013"), new StandardSet.Context(Map.of("lead_idle_days", 200L))).table(),
        "the team raised the threshold past its idle time");
  }

  @Test
  void aQualifiedContactWithNoActivityOnRecordStaysAContact() {
    assertEquals("contact", row(made("Contact", "con-y", Map.of("status", "qualified", "last_name", "Lovelace"))).table());
  }

  @Test
  void aLeadCarriesItsCompanyNameAndATraceableSubject() {
    TargetRow lead = row(record("Contact", "con-0000003"));
    assertEquals("lead", lead.table());
    assertEquals("Imported: (unknown)", lead.columns().get("subject"), "contact 3 has no last name");
    assertEquals(new TargetRef("account", "parentaccountid", TargetKey.alternate("fmap_sourceid", "cmp-0000003")),
        lead.lookups().get("parentaccountid"));
    assertEquals(record("Company", "cmp-0000003").get("name"), lead.columns().get("companyname"));
  }

  @Test
  void everySampleContactMapsWithoutError() {
    long leads = records("Contact").stream().map(StandardSet::row).filter(r -> r.table().equals("lead")).count();
    assertTrue(leads > 0 && leads < records("Contact").size(), "both targets are used: " + leads);
  }
}
