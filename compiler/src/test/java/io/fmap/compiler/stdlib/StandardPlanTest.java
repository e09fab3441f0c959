package io.fmap.compiler.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.compiler.plan.PlanDocument;
import io.fmap.compiler.plan.PlanText;
import java.util.List;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;

/** The plan of the standard mapping set, as reviewers read it: pinned, and showing every row. */
class StandardPlanTest {

  private static String planText() {
    return PlanText.render(PlanDocument.of(StandardSet.program(), List.of()));
  }

  @Test
  void thePlanOfTheStandardSetIsApproved() {
    Approvals.verify(planText(), new Options().withReporter(new QuietReporter()));
  }

  @Test
  void thePlanShowsEveryRowOfTheStandardSet() {
    String plan = planText();
    for (String map : List.of("Company_to_account", "Contact_to_contact", "Contact_to_lead", "Deal_to_opportunity",
        "Activity_to_phonecall", "Activity_to_email", "Activity_to_appointment", "Activity_to_task",
        "Note_to_annotation", "File_to_annotation", "Project_to_fmap_project")) {
      assertTrue(plan.contains(map), map);
    }
    for (String change : List.of("Enterprise / Q4 [2026]", "fmap_project_contact", "fmap_leadscore", "stage_to_salesstage")) {
      assertTrue(plan.contains(change), change);
    }
  }

  @Test
  void thePlanIsTheSameEveryTime() {
    assertEquals(planText(), planText());
  }
}
