package io.fmap.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.dataverse.Limits;
import io.fmap.runtime.api.PartyCandidate;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.owner.DirectorySnapshotTest;
import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Activity parties found by email in the Dataverse emulator through the real connector: users by
 * their internal address, then contacts and leads; an address two rows of a table share is no match
 * in that table.
 */
class PartyDirectoryTest {
  private static final PartyCandidate USER = new PartyCandidate("systemuser", "partyid_systemuser", "systemuserid",
      "internalemailaddress");
  private static final PartyCandidate CONTACT = new PartyCandidate("contact", "partyid_contact", "contactid",
      "emailaddress1");
  private static final PartyCandidate LEAD = new PartyCandidate("lead", "partyid_lead", "leadid", "emailaddress1");

  @Test
  void addressesResolveInTheFirstTableWithExactlyOneRowHoldingThem() throws Exception {
    UUID ines = new UUID(1, 1);
    UUID twinA = new UUID(1, 2);
    UUID twinB = new UUID(1, 3);
    UUID lead = new UUID(2, 1);
    try (DataverseEmulator emulator = DataverseEmulator.start(EmulatorConfig.defaults().withLimits(Limits.none()));
        DataverseTargetConnector target = DirectorySnapshotTest.connectorTo(emulator)) {
      List<WriteResult> written = new ArrayList<>(target.write("contact", List.of(
          contact("c1", ines, "Ines@Client.example"),
          contact("c2", twinA, "shared@client.example"),
          contact("c3", twinB, "shared@client.example"))));
      written.addAll(target.write("lead", List.of(new RowWrite("l1", new RowAddress.ById(lead),
          Map.of("lastname", "Lead", "subject", "Imported", "emailaddress1", "shared@client.example")))));
      written.forEach(w -> assertTrue(w.status() < 300, w.toString()));

      PartyDirectory directory = new PartyDirectory(target);
      List<PartyCandidate> all = List.of(USER, CONTACT, LEAD);
      TargetRef ana = directory.find(" ana.lopez@FMAP.example ", all).orElseThrow();
      assertEquals("systemuser", ana.table());
      assertEquals("partyid_systemuser", ana.navigationProperty());
      assertEquals(Optional.of(new TargetRef("contact", "partyid_contact", TargetKey.id(ines))),
          directory.find("ines@client.example", all));
      assertEquals(Optional.of(new TargetRef("lead", "partyid_lead", TargetKey.id(lead))),
          directory.find("shared@client.example", all), "two contacts share it, one lead has it");
      assertEquals(Optional.empty(), directory.find("shared@client.example", List.of(USER, CONTACT)));
      assertEquals(Optional.empty(), directory.find("sales.team@fmap.example", all), "two users share it");
      assertEquals(Optional.empty(), directory.find("outside@elsewhere.example", all));
    }
  }

  private static RowWrite contact(String sourceId, UUID id, String email) {
    return new RowWrite(sourceId, new RowAddress.ById(id), Map.of("lastname", sourceId, "emailaddress1", email));
  }
}
