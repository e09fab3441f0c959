package io.fmap.runtime.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.target.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** State changes after the load against the emulator: the close action for deals, an update for activities. */
class StateChangesTest {

  private static TargetRow state(String table, UUID id, int state, int status) {
    return new TargetRow("m", table, new SourceRef("Deal", "d-" + id), TargetKey.id(id),
        new TreeMap<>(Map.of("statecode", state, "statuscode", status)), new TreeMap<>(), null, List.of());
  }

  @Test
  void aWonDealIsClosedOnceThroughWinOpportunityAndASecondSendIsDone() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults());
         DataverseTargetConnector target = connector(dv)) {
      ObjectMapper json = new ObjectMapper();
      UUID won = dv.seed("opportunity", json.readTree("{\"name\":\"Won deal\"}"));
      UUID lost = dv.seed("opportunity", json.readTree("{\"name\":\"Lost deal\"}"));
      List<WriteResult> first = target.changeState("opportunity", List.of(state("opportunity", won, 1, 3),
          state("opportunity", lost, 2, 4)));
      assertTrue(first.stream().allMatch(WriteResult::ok), first.toString());
      assertEquals(2, dv.count("opportunityclose"), "each close is recorded");
      assertEquals(1, dv.row("opportunity", won).orElseThrow().path("statecode").asInt());
      assertEquals(4, dv.row("opportunity", lost).orElseThrow().path("statuscode").asInt());

      // A resumed run sends an in-doubt close again: the deal is already won, so that is done.
      List<WriteResult> again = target.changeState("opportunity", List.of(state("opportunity", won, 1, 3)));
      assertTrue(again.get(0).ok(), again.toString());
      assertEquals(2, dv.count("opportunityclose"), "not closed twice");

      // A deal closed otherwise than the plan says is not silently accepted.
      List<WriteResult> other = target.changeState("opportunity", List.of(state("opportunity", lost, 1, 3)));
      assertEquals(400, other.get(0).status(), other.toString());
    }
  }

  /** The close record carries what the deal closed at: revenue, end date, and where it came from. */
  @Test
  void theCloseRecordCarriesTheDealsRevenueEndDateAndADescription() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults());
         DataverseTargetConnector target = connector(dv)) {
      UUID won = dv.seed("opportunity", new ObjectMapper().readTree("{\"name\":\"Expansion\"}"));
      TreeMap<String, Object> columns = new TreeMap<>(Map.of("statecode", 1, "statuscode", 3, "name", "Expansion",
          "actualvalue", new java.math.BigDecimal("385066.43"), "actualclosedate", java.time.LocalDate.parse("2026-07-28"),
          "estimatedvalue", new java.math.BigDecimal("1")));
      TargetRow row = new TargetRow("m", "opportunity", new SourceRef("Deal", "del-0000002"), TargetKey.id(won), columns,
          new TreeMap<>(), null, List.of());
      assertTrue(target.changeState("opportunity", List.of(row)).get(0).ok());

      var close = dv.rows("opportunityclose").get(0);
      assertEquals("Won: Expansion", close.path("subject").asText());
      assertEquals(0, new java.math.BigDecimal("385066.43").compareTo(close.path("actualrevenue").decimalValue()),
          close.toString());
      assertTrue(close.path("actualend").asText().startsWith("2026-07-28T00:00:00"), close.toString());
      assertEquals("Won in the source system; closed by the migration of Deal del-0000002.",
          close.path("description").asText());
      assertEquals(won.toString(), close.path("_opportunityid_value").asText(), close.toString());
      var deal = dv.row("opportunity", won).orElseThrow();
      assertEquals(0, new java.math.BigDecimal("385066.43").compareTo(deal.path("actualvalue").decimalValue()), deal.toString());
      assertEquals("2026-07-28", deal.path("actualclosedate").asText().substring(0, 10), deal.toString());
    }
  }

  @Test
  void aCompletedTaskIsClosedByAnUpdateThatCanBeSentTwice() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults());
         DataverseTargetConnector target = connector(dv)) {
      UUID task = dv.seed("task", new ObjectMapper().readTree("{\"subject\":\"Call back\"}"));
      assertTrue(target.changeState("task", List.of(state("task", task, 1, 5))).get(0).ok());
      assertTrue(target.changeState("task", List.of(state("task", task, 1, 5))).get(0).ok());
      assertEquals(5, dv.row("task", task).orElseThrow().path("statuscode").asInt());
    }
  }

  /** The pass is one $batch per chunk of the batch size (10 here), each one request against the limit. */
  @Test
  void aStatePassSendsOneBatchPerChunkAndABadRowFailsAloneWithTheServersCode() throws Exception {
    try (DataverseEmulator dv = DataverseEmulator.start(EmulatorConfig.defaults());
         DataverseTargetConnector target = connector(dv)) {
      ObjectMapper json = new ObjectMapper();
      List<UUID> ids = new java.util.ArrayList<>();
      for (int i = 0; i < 25; i++) ids.add(dv.seed("task", json.readTree("{\"subject\":\"t" + i + "\"}")));
      List<TargetRow> rows = ids.stream().map(id -> state("task", id, 1, 5)).toList();
      long before = dv.stats().requests();
      List<WriteResult> done = target.changeState("task", rows);
      assertTrue(done.stream().allMatch(WriteResult::ok), done.toString());
      assertTrue(dv.stats().requests() - before <= 3, "25 rows in chunks of 10: " + (dv.stats().requests() - before));
      for (UUID id : ids) assertEquals(5, dv.row("task", id).orElseThrow().path("statuscode").asInt());

      UUID missing = UUID.randomUUID();
      UUID last = dv.seed("task", json.readTree("{\"subject\":\"b\"}"));
      List<TargetRow> mixed = List.of(state("task", dv.seed("task", json.readTree("{\"subject\":\"a\"}")), 1, 5),
          state("task", missing, 1, 5), state("task", last, 1, 5));
      List<WriteResult> results = target.changeState("task", mixed);
      assertTrue(results.get(0).ok() && results.get(2).ok(), results.toString());
      assertEquals(404, results.get(1).status(), results.toString());
      assertEquals("0x80040217", results.get(1).code(), results.toString());
      assertEquals(5, dv.row("task", last).orElseThrow().path("statuscode").asInt());
    }
  }

  private static DataverseTargetConnector connector(DataverseEmulator dv) throws Exception {
    return EmulatorConnector.open(dv, 10, "opportunity", "task");
  }
}
