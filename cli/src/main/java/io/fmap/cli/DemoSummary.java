package io.fmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/** The one screen {@code fmap demo} ends with, read from the facts its journey gathered. */
final class DemoSummary {
  private DemoSummary() {}

  static String text(JsonNode facts, List<DemoStep> steps, int total, double seconds) {
    StringBuilder out = new StringBuilder("\n");
    long findings = steps.stream().filter(s -> s.outcome() == DemoStep.Outcome.FINDINGS).count();
    DemoStep last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    if (last != null && last.outcome() == DemoStep.Outcome.FAILED) {
      out.append(String.format(Locale.ROOT, "demo stopped at step %d of %d (%s, exit %d) after %.0f s: %s%n",
          steps.size(), total, last.name(), last.exitCode(), seconds, last.detail()));
    } else {
      out.append(String.format(Locale.ROOT, "demo complete: %d steps in %.0f s, %d with findings%s%n", steps.size(), seconds,
          findings, findings == 0 ? "" : " (" + String.join(", ", steps.stream()
              .filter(s -> s.outcome() == DemoStep.Outcome.FINDINGS).map(DemoStep::name).toList()) + ")"));
    }
    if (facts.has("moved")) {
      out.append(String.format(Locale.ROOT, "%n%-36s %6s %8s %8s %11s %17s%n", "moved by fmap migrate", "read", "created",
          "updated", "not landed", "rows in Dynamics"));
      for (JsonNode m : facts.path("moved")) {
        String where = m.path("object").asText() + " -> " + m.path("table").asText();
        out.append(String.format(Locale.ROOT, "  %-34s %6d %8d %8d %11d %17s%n", where.length() > 34 ? where.substring(0, 31) + "..." : where,
            m.path("read").asLong(), m.path("created").asLong(), m.path("updated").asLong(), m.path("notLanded").asLong(),
            m.has("rowsInDynamics") ? String.valueOf(m.path("rowsInDynamics").asLong()) : "-"));
      }
      out.append("  (the sample step wrote some rows before migrate; rows in Dynamics counts the whole table)\n");
    }
    JsonNode sample = facts.path("sample");
    if (!sample.isMissingNode()) {
      out.append(String.format(Locale.ROOT, "%nsample diff: %d records, %d fields equal, %d transformed as mapped, %d differ,"
              + " %d problems%n", sample.path("records").asLong(), sample.path("equal").asLong(),
          sample.path("transformed as mapped").asLong(), sample.path("differs").asLong(), sample.path("problems").asLong()));
    }
    JsonNode delta = facts.path("delta");
    if (!delta.isMissingNode()) {
      out.append(String.format(Locale.ROOT, "delta: %d records read past the watermarks, %d updated, %d created, %d conflicts%n",
          delta.path("changed").asLong(), delta.path("updated").asLong(), delta.path("created").asLong(),
          delta.path("conflicts").asLong()));
    }
    JsonNode reconcile = facts.path("reconcile");
    if (!reconcile.isMissingNode()) {
      out.append("reconcile: ").append(reconcile.path("clean").asBoolean() ? "clean" : reconcile.path("mismatches").asLong()
          + " mismatches").append(" over ").append(reconcile.path("tables").asLong()).append(" tables\n");
    }
    out.append('\n');
    line(out, "sample diff", facts.path("sample").path("html"));
    line(out, "reconcile", reconcile.path("html"));
    line(out, "run report", facts.path("report").path("html"));
    line(out, "ledger", facts.path("ledger"));
    out.append(String.format("  %-12s %s/%s/ (each verb's full output)%n", "verb output", facts.path("project").asText(), DemoVerbs.LOGS));
    out.append(String.format("  %-12s %s%n", "project", facts.path("project").asText()));
    out.append("\nexplore: cd ").append(facts.path("project").asText()).append(" && fmap check . && fmap plan .")
        .append(facts.has("ledger") ? " && fmap report" : "").append("  (the emulators have stopped)\n");
    return out.toString();
  }

  private static void line(StringBuilder out, String label, JsonNode value) {
    if (!value.isMissingNode()) out.append(String.format("  %-12s %s%n", label, value.asText()));
  }
}
