package io.fmap.emulator.generate;

import java.util.List;

/** The three pipelines of the sample data and their stages, in stage order. */
final class SamplePipelines {
  private SamplePipelines() {}

  record Stage(String id, String pipelineId, String name, int order, int probability, String color) {}

  record Pipeline(String id, String name, List<Stage> stages) {}

  static final List<Pipeline> ALL = List.of(
      new Pipeline("pip-0000001", "Sales", List.of(
          new Stage("stg-0000001", "pip-0000001", "Lead In", 1, 10, "#9e9e9e"),
          new Stage("stg-0000002", "pip-0000001", "Contact Made", 2, 20, "#03a9f4"),
          new Stage("stg-0000003", "pip-0000001", "Proposal Made", 3, 50, "#ff9800"),
          new Stage("stg-0000004", "pip-0000001", "Negotiation", 4, 80, "#4caf50"))),
      new Pipeline("pip-0000002", "Partners & Resellers", List.of(
          new Stage("stg-0000005", "pip-0000002", "Lead In", 1, 10, "#9e9e9e"),
          new Stage("stg-0000006", "pip-0000002", "Partner Vetting", 2, 30, "#795548"),
          new Stage("stg-0000007", "pip-0000002", "Contract Sent", 3, 70, "#3f51b5"))),
      // '/', '[' and ']' are not valid in a Dynamics business process flow name.
      new Pipeline("pip-0000003", "Enterprise / Q4 [2026]", List.of(
          new Stage("stg-0000008", "pip-0000003", "Discovery", 1, 10, "#607d8b"),
          new Stage("stg-0000009", "pip-0000003", "Legal Review", 2, 60, "#e91e63"),
          new Stage("stg-0000010", "pip-0000003", "Procurement", 3, 85, "#673ab7"))));

  static List<Stage> stages() {
    return ALL.stream().flatMap(p -> p.stages().stream()).toList();
  }
}
