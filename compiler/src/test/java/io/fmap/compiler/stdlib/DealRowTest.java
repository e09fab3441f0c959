package io.fmap.compiler.stdlib;

import static io.fmap.compiler.stdlib.StandardSet.plan;
import static io.fmap.compiler.stdlib.StandardSet.program;
import static io.fmap.compiler.stdlib.StandardSet.record;
import static io.fmap.compiler.stdlib.StandardSet.records;
import static io.fmap.compiler.stdlib.StandardSet.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.CheckResult;
import io.fmap.compiler.Compiler;
import io.fmap.compiler.ProjectLoader;
import io.fmap.compiler.diag.Diagnostic;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.runtime.api.SchemaChange;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import io.fmap.runtime.functions.Std;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows 4–6: Deal → opportunity, pipeline → business process flow, stage → sales stage. */
class DealRowTest {

  /** Won (1, status Won 3), lost (2, Canceled 4), open (0, In Progress 1); applied after the load. */
  @Test
  void wonAndLostDealsCarryTheirCloseStateForTheStatePass() {
    for (var deal : records("Deal")) {
      TargetRow row = row(deal);
      List<Integer> expected = switch ((String) deal.get("status")) {
        case "won" -> List.of(1, 3);
        case "lost" -> List.of(2, 4);
        default -> List.of(0, 1);
      };
      assertEquals(expected, List.of(row.columns().get("statecode"), row.columns().get("statuscode")), deal.id());
    }
    var map = plan().maps().stream().filter(m -> m.targetTable().equals("opportunity")).findFirst().orElseThrow();
    assertEquals(java.util.Set.of("statecode", "statuscode"), plan().stateColumns(map.id()),
        "neither is sent on create: the state pass closes the deal through WinOpportunity / LoseOpportunity");
  }

  /** What the close records (opportunityclose.actualrevenue / actualend): won at its amount, lost at 0, open none. */
  @Test
  void closedDealsCarryTheRevenueAndDateTheyClosedAt() {
    for (var deal : records("Deal")) {
      TargetRow row = row(deal);
      String status = (String) deal.get("status");
      Object expectedValue = switch (status) {
        case "won" -> deal.get("amount") == null ? null : new BigDecimal(deal.get("amount").toString());
        case "lost" -> BigDecimal.ZERO;
        default -> null;
      };
      Object value = row.columns().get("actualvalue");
      assertEquals(expectedValue == null, value == null, deal.id());
      if (expectedValue != null) assertEquals(0, ((BigDecimal) expectedValue).compareTo((BigDecimal) value), deal.id());
      Object expectedDate = status.equals("open") || deal.get("close_date") == null ? null
          : LocalDate.parse((String) deal.get("close_date"));
      assertEquals(expectedDate, row.columns().get("actualclosedate"), deal.id());
    }
    assertEquals(new BigDecimal("0"), row(record("Deal", "del-0000001")).columns().get("actualvalue"), "lost");
  }

  @Test
  void aDealBecomesAnOpportunityOfItsCompanyWithAmountCloseDateAndOwner() {
    TargetRow row = row(record("Deal", "del-0000002"));
    assertEquals("opportunity", row.table());
    assertEquals(new TargetRef("account", "customerid_account", TargetKey.alternate("fmap_sourceid", "cmp-0000013")),
        row.lookups().get("customerid"));
    assertEquals(new BigDecimal("385066.43"), row.columns().get("estimatedvalue"));
    assertEquals(LocalDate.parse("2027-05-25"), row.columns().get("estimatedclosedate"));
    assertEquals(StandardSet.Context.OWNER, row.owner());
  }

  /** Deals 26 and 31 have no company: they map without customer, and preflight lists them as not landing. */
  @Test
  void aDealWithoutCompanyHasNoCustomer() {
    TargetRow row = row(record("Deal", "del-0000026"));
    assertFalse(row.lookups().containsKey("customerid"), row.lookups().toString());
  }

  @Test
  void theStageTransfersAsSalesStageStepNameAndTheStagesProbability() {
    TargetRow open = row(record("Deal", "del-0000002")); // Contract Sent, pipeline 2, 70 %
    assertEquals(3, open.columns().get("salesstage"), "Close");
    assertEquals("Contract Sent", open.columns().get("stepname"));
    assertEquals(70L, open.columns().get("closeprobability"));
    assertEquals(100L, row(record("Deal", "del-0000003")).columns().get("closeprobability"), "won");
    assertEquals(0L, row(record("Deal", "del-0000001")).columns().get("closeprobability"), "lost");
  }

  @Test
  void everySampleDealMapsIncludingTheCustomStage() {
    records("Deal").forEach(d -> assertEquals("opportunity", row(d).table()));
    assertEquals(3, row(record("Deal", "del-0000001")).columns().get("salesstage"), "Legal Review → Close");
  }

  @Test
  void eachPipelineIsDeclaredAsAProcessWithItsStagesAndAValidSchemaName() {
    List<SchemaChange.AddProcess> processes = plan().schemaChanges().stream()
        .filter(SchemaChange.AddProcess.class::isInstance).map(SchemaChange.AddProcess.class::cast).toList();
    List<String> pipelines = records("Pipeline").stream().map(p -> (String) p.get("name")).toList();
    assertEquals(pipelines, processes.stream().map(SchemaChange.AddProcess::name).toList());
    for (SchemaChange.AddProcess p : processes) {
      assertEquals("opportunity", p.table());
      String pipelineId = records("Pipeline").stream().filter(r -> r.get("name").equals(p.name())).findFirst().orElseThrow().id();
      List<String> sparkStages = records("Stage").stream().filter(s -> s.get("pipeline_id").equals(pipelineId))
          .sorted(java.util.Comparator.comparing(s -> (Long) s.get("order"))).map(s -> (String) s.get("name")).toList();
      assertEquals(sparkStages, p.stages(), p.name());
    }
    var schemaNames = new HashSet<String>();
    for (SchemaChange.AddProcess p : processes) {
      String schemaName = Std.sanitizeProcessName(p.name());
      assertTrue(schemaName.matches("[a-z][a-z0-9_]{0,49}"), schemaName);
      assertTrue(schemaNames.add(schemaName), "unique: " + schemaName);
    }
    assertEquals("enterprise_q4_2026", Std.sanitizeProcessName("Enterprise / Q4 [2026]"));
  }

  @Test
  void theStageValueMapCoversEveryStageOfThePulledSchema() {
    var vm = program().valueMap("stage_to_salesstage").orElseThrow();
    assertTrue(vm.otherwise().isEmpty(), "no else: new stages must be mapped on purpose");
  }

  /** A stage added in Spark that the value map does not list must stop the compile, not land somewhere. */
  @Test
  void aCustomStageWithoutAMappingIsACompileError(@TempDir Path project) throws IOException {
    StandardSet.copyTo(project);
    Path deal = project.resolve("mappings/deal.fmap");
    String text = Files.readString(deal);
    String withoutLegalReview = text.replace("  \"Legal Review\"    -> Close\n", "");
    assertTrue(withoutLegalReview.length() < text.length());
    Files.writeString(deal, withoutLegalReview);

    CheckResult result = Compiler.check(ProjectLoader.load(project));
    assertTrue(result.program().isEmpty());
    Diagnostic error = result.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.VALUE_MAP_NOT_EXHAUSTIVE)
        .findFirst().orElseThrow(() -> new AssertionError(result.diagnostics().toString()));
    assertTrue(error.message().contains("Legal Review"), error.message());
  }
}
