package io.fmap.compiler.stdlib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.plan.ProjectPlan;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan reviewers read shows every row of the standard set. Its bytes are pinned by
 * {@code io.fmap.compiler.plan.StdlibPlanTest}; this test says what must be in it.
 */
class StandardPlanTest {

  @Test
  void thePlanShowsEveryRowOfTheStandardSet() throws IOException {
    String plan = ProjectPlan.load(StandardSet.PROJECT).planned().orElseThrow().text();
    for (String map : List.of("Company_to_account", "Contact_to_contact", "Contact_to_lead", "Deal_to_opportunity",
        "Activity_to_phonecall", "Activity_to_email", "Activity_to_appointment", "Activity_to_task",
        "Note_to_annotation", "File_to_annotation", "Project_to_fmap_project")) {
      assertTrue(plan.contains(map + ": spark."), map);
    }
    for (String change : List.of("process \"Enterprise / Q4 [2026]\" (schema name enterprise_q4_2026) on dynamics.opportunity",
        "relationship fmap_project_contact", "table dynamics.fmap_project", "column dynamics.contact.fmap_leadscore",
        "param lead_idle_days", "stage_to_salesstage")) {
      assertTrue(plan.contains(change.replace("param ", "")), change);
    }
  }
}
