package io.fmap.runtime.cutover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.dataverse.Faults;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.dataverse.EmulatorConnector;
import io.fmap.runtime.dataverse.SchemaPuller;
import io.fmap.runtime.target.WriteResult;
import io.fmap.schema.SystemSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rollback's requests against the emulator, counted: deletes, reopens and restores go as one {@code $batch}
 * per chunk of the connector's batch size (10 here), and each row's answer is still its own.
 */
class DataverseRollbackTargetTest {
  private static final int BATCH = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void deletesGoOneBatchPerChunkAndARowChangedSinceFailsAloneWhileTheOthersAreDeleted() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults());
         DataverseTargetConnector connector = connector(dv)) {
      DataverseRollbackTarget target = new DataverseRollbackTarget(connector, schema(connector));
      List<UUID> ids = seedAccounts(dv, 24);
      Map<UUID, String> versions = target.versions("account", ids);
      UUID editedSince = ids.get(7);
      UUID alreadyGone = UUID.randomUUID();
      List<RollbackTarget.Removal> removals = new ArrayList<>();
      for (UUID id : ids) {
        removals.add(new RollbackTarget.Removal(id, id.equals(editedSince) ? "W/\"1\"" : versions.get(id)));
      }
      removals.add(new RollbackTarget.Removal(alreadyGone, null));

      long before = dv.stats().requests();
      List<WriteResult> results = target.delete("account", removals);
      assertEquals(3, dv.stats().requests() - before, "25 deletes in chunks of 10, not 25 requests");

      assertEquals(25, results.size());
      for (int i = 0; i < ids.size(); i++) {
        WriteResult r = results.get(i);
        assertEquals(ids.get(i).toString(), r.sourceId(), "results in the order given");
        if (ids.get(i).equals(editedSince)) {
          assertEquals(412, r.status(), r.toString());
          assertEquals(RollbackTarget.CHANGED_IN_TARGET, r.code(), r.toString());
        } else {
          assertTrue(r.ok(), r.toString());
        }
      }
      assertTrue(results.get(24).ok(), "a row already gone counts as deleted: " + results.get(24));
      assertEquals(1, dv.count("account"), "only the row changed since stays");
      assertTrue(dv.row("account", editedSince).isPresent());
    }
  }

  @Test
  void aRefusedBatchFallsBackToOneRequestPerRow() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults());
         DataverseTargetConnector connector = connector(dv)) {
      DataverseRollbackTarget target = new DataverseRollbackTarget(connector, schema(connector));
      List<UUID> ids = seedAccounts(dv, 4);
      long before = dv.stats().requests();
      // The envelope fails as often as the client tries it (three attempts): the batch itself is refused.
      dv.faults().script(before + 1, Faults.Kind.ERROR_500).script(before + 2, Faults.Kind.ERROR_500)
          .script(before + 3, Faults.Kind.ERROR_500);
      List<WriteResult> results = target.delete("account", ids.stream().map(id -> new RollbackTarget.Removal(id, null))
          .toList());
      assertTrue(results.stream().allMatch(WriteResult::ok), results.toString());
      assertEquals(3 + 4, dv.stats().requests() - before, "three refused batches, then each row alone");
      assertEquals(0, dv.count("account"));
    }
  }

  @Test
  void closedRowsAreReopenedInBatchesBeforeTheirImagesArePutBackInBatches() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults());
         DataverseTargetConnector connector = connector(dv)) {
      DataverseRollbackTarget target = new DataverseRollbackTarget(connector, schema(connector));
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < 12; i++) ids.add(dv.seed("task", JSON.readTree("{\"subject\":\"open " + i + "\"}")));
      List<TargetRow> closes = new ArrayList<>();
      for (UUID id : ids) {
        closes.add(new TargetRow("m", "task", new SourceRef("Task", id.toString()), TargetKey.id(id),
            new TreeMap<>(Map.of("statecode", 1, "statuscode", 5)), new TreeMap<>(), null, List.of()));
      }
      assertTrue(connector.changeState("task", closes).stream().allMatch(WriteResult::ok));
      Map<UUID, String> versions = target.versions("task", ids);
      UUID editedSince = ids.get(3);

      List<RollbackTarget.Restore> restores = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        UUID id = ids.get(i);
        Map<String, Object> image = new TreeMap<>(Map.of("statecode", 0, "statuscode", 2, "subject", "before " + i));
        restores.add(new RollbackTarget.Restore(id, image, id.equals(editedSince) ? "W/\"1\"" : versions.get(id), true));
      }
      long before = dv.stats().requests();
      List<WriteResult> results = target.restore("task", restores);
      assertEquals(2 + 2, dv.stats().requests() - before, "12 reopens in two batches, 11 restores in two");

      for (int i = 0; i < ids.size(); i++) {
        var row = dv.row("task", ids.get(i)).orElseThrow();
        if (ids.get(i).equals(editedSince)) {
          assertEquals(RollbackTarget.CHANGED_IN_TARGET, results.get(i).code(), results.get(i).toString());
          assertEquals(1, row.path("statecode").asInt(), "a row changed since is left as it is");
          assertEquals("open 3", row.path("subject").asText());
          continue;
        }
        assertTrue(results.get(i).ok(), results.get(i).toString());
        assertEquals(0, row.path("statecode").asInt(), row.toString());
        assertEquals(2, row.path("statuscode").asInt(), row.toString());
        assertEquals("before " + i, row.path("subject").asText(), "the image went in after the reopen");
      }
      assertFalse(results.get(3).ok());
    }
  }

  private static List<UUID> seedAccounts(DataverseEmulator dv, int n) throws Exception {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) ids.add(dv.seed("account", JSON.readTree("{\"name\":\"Account " + i + "\"}")));
    return ids;
  }

  private static SystemSchema schema(DataverseTargetConnector connector) throws Exception {
    return new SchemaPuller(connector.clients().get(0)).pull(List.of("account", "task"));
  }

  private static DataverseTargetConnector connector(DataverseEmulator dv) throws Exception {
    return EmulatorConnector.open(dv, BATCH, "account", "task");
  }
}
