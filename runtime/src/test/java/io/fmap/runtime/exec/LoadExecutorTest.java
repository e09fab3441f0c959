package io.fmap.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.emulator.dataverse.Limits;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.ledger.MemoryTempDir;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadExecutorTest {
  @TempDir(factory = MemoryTempDir.class) static Path dir;
  private LoadFixture fixture;
  private RunSummary first;

  @BeforeAll
  void loadOnce() throws Exception {
    fixture = new LoadFixture(dir, 300, Limits.none());
    first = fixture.load(LoadExecutor.Options.full("test").withBatchSize(40));
    System.out.println(first.toText());
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  private static UUID idOf(String table, String object, String sourceId) {
    return ((TargetKey.ById) TargetKey.derivedId(table, new SourceRef(object, sourceId))).id();
  }

  @Test
  void everyRecordReadIsCreatedOrAccountedForAsFailedOrQuarantined() {
    for (ObjectSummary o : first.objects()) {
      assertEquals(0, o.inDoubt(), o.toString());
      if (o.sourceObject().endsWith(BatchWriter.LOOKUPS_SUFFIX)) continue; // updates of rows counted above
      assertEquals(o.read(), o.created() + o.updated() + o.skipped() + o.failed() + o.quarantined(), o.toString());
    }
    assertEquals(first.total(ObjectSummary::created), fixture.dataverse.count("account")
        + fixture.dataverse.count("contact"), "the target holds exactly the rows the ledger says it created");
  }

  @Test
  void contactsPointAtTheAccountOfTheirPrimaryCompany() {
    Map<UUID, ObjectNode> accounts = byId("account", "accountid");
    long bound = fixture.dataverse.rows("contact").stream()
        .filter(c -> c.hasNonNull("_parentcustomerid_value"))
        .peek(c -> assertTrue(accounts.containsKey(UUID.fromString(c.get("_parentcustomerid_value").asText())), c.toString()))
        .count();
    assertTrue(bound > 0, "some contacts have a company");
  }

  @Test
  void parentAccountsAreSetInTheSecondPass() {
    List<ObjectNode> withParent = fixture.dataverse.rows("account").stream()
        .filter(a -> a.hasNonNull("_parentaccountid_value")).toList();
    assertFalse(withParent.isEmpty(), "the generated companies include parents");
    ObjectSummary lookups = first.objects().stream()
        .filter(o -> o.sourceObject().equals("Company" + BatchWriter.LOOKUPS_SUFFIX)).findFirst().orElseThrow();
    assertEquals(withParent.size(), lookups.updated());
    assertEquals(1, lookups.quarantined(), "the generated companies 2 and 3 are each other's parent: one link is left out");
    var broken = first.errors().stream().filter(g -> g.code().equals(ParentLoops.CODE)).findFirst().orElseThrow();
    assertEquals("Company~lookups", broken.examples().get(0).key().sourceObject());
    assertTrue(broken.examples().get(0).message().contains("Company cmp-0000002 -> cmp-0000003 -> cmp-0000002 is a loop"),
        broken.examples().toString());
  }

  @Test
  void aRecordWithoutARequiredValueIsQuarantinedWithItsReason() {
    long missingLastName = fixture.dataverse.rows("contact").stream().filter(c -> !c.hasNonNull("lastname")).count();
    assertEquals(0, missingLastName, "no contact lands without its required last name");
    var group = first.errors().stream().filter(g -> g.code().equals("MISSING_VALUE")).findFirst().orElseThrow();
    long quarantinedRecords = first.objects().stream().filter(o -> !o.sourceObject().contains("~"))
        .mapToLong(ObjectSummary::quarantined).sum();
    assertEquals(group.count(), quarantinedRecords, "the generated data's contacts without a last name");
    assertTrue(group.examples().get(0).message().startsWith("contacts.fmap:3: MISSING_VALUE: last_name is empty"),
        group.examples().toString());
  }

  @Test
  void aRowTheTargetRejectsIsFailedWithTheTargetsReasonAndTheRunCompletes() {
    var tooLong = first.errors().stream().filter(g -> g.code().equals("0x80044331")).findFirst().orElseThrow();
    assertTrue(tooLong.examples().get(0).message().contains("exceeded the maximum allowed length"), tooLong.toString());
    assertTrue(first.objects().stream().allMatch(o -> o.inDoubt() == 0));
  }

  @Test
  void aSecondRunOfTheSamePlanSkipsEveryUnchangedRowAndDuplicatesNothing() {
    int accounts = fixture.dataverse.count("account");
    int contacts = fixture.dataverse.count("contact");
    RunSummary again = fixture.load(LoadExecutor.Options.full("test").withBatchSize(40));
    assertFalse(again.resumed());
    assertEquals(0, again.total(ObjectSummary::created), again.toText());
    assertEquals(0, again.total(ObjectSummary::updated), again.toText());
    assertEquals(first.total(ObjectSummary::created) + first.total(ObjectSummary::updated),
        again.total(ObjectSummary::skipped), again.toText());
    assertEquals(accounts, fixture.dataverse.count("account"));
    assertEquals(contacts, fixture.dataverse.count("contact"));
  }

  private Map<UUID, ObjectNode> byId(String table, String idColumn) {
    return fixture.dataverse.rows(table).stream()
        .collect(Collectors.toMap(r -> UUID.fromString(r.get(idColumn).asText()), r -> r));
  }
}
