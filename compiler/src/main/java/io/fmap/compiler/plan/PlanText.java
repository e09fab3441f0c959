package io.fmap.compiler.plan;

import java.util.List;

/**
 * The plan as the text reviewers read in a pull request and approval tests pin. Same document,
 * same bytes: {@code \n} line ends, no timestamps, no machine paths.
 */
public final class PlanText {

  private PlanText() {}

  public static String render(PlanDocument plan) {
    StringBuilder out = new StringBuilder();
    out.append("fmap plan, format ").append(plan.format()).append('\n');

    section(out, "params", plan.params().isEmpty());
    for (PlanDocument.ParamLine p : plan.params()) {
      line(out, 1, p.name() + ": " + p.type() + " = " + p.value() + "  (" + p.origin() + ")", p.at());
    }

    section(out, "schema changes", plan.schemaChanges().isEmpty());
    for (PlanDocument.ChangeLine c : plan.schemaChanges()) line(out, 1, c.kind() + " " + c.what(), c.at());

    section(out, "load order", plan.tiers().isEmpty());
    for (PlanDocument.TierLine t : plan.tiers()) {
      out.append("  tier ").append(t.number()).append(": ").append(String.join(", ", t.objects())).append('\n');
    }
    for (PlanDocument.EdgeLine e : plan.edges()) {
      String how = e.twoPass() ? " (second pass)" : "";
      line(out, 1, e.from() + " after " + e.to() + ": " + e.reason() + " in " + e.via() + how, e.at());
    }

    section(out, "maps", plan.maps().isEmpty());
    for (PlanDocument.MapSection m : plan.maps()) {
      line(out, 1, m.name() + ": " + m.source() + " -> " + m.target(), m.at());
      out.append("    routing: ").append(m.routing()).append('\n');
      if (!m.filter().isEmpty()) out.append("    where: ").append(m.filter()).append('\n');
      fields(out, m.fields());
      if (!m.ignored().isEmpty()) out.append("    ignored: ").append(String.join(", ", m.ignored())).append('\n');
    }

    section(out, "value maps", plan.valueMaps().isEmpty());
    for (PlanDocument.ValueMapSection v : plan.valueMaps()) {
      line(out, 1, v.name() + ": " + v.from() + " -> " + v.to(), v.at());
      for (PlanDocument.FieldLine e : v.entries()) line(out, 2, e.target() + " -> " + e.expression(), e.at());
      if (!v.notTransferred().isEmpty()) line(out, 2, "not transferred: " + v.notTransferred(), v.at());
    }

    section(out, "two-pass lookups", plan.twoPassEdges().isEmpty());
    for (PlanDocument.EdgeLine e : plan.twoPassEdges()) line(out, 1, e.via() + " -> " + e.to(), e.at());

    section(out, "warnings", plan.warnings().isEmpty());
    for (String w : plan.warnings()) out.append("  ").append(oneLine(w)).append('\n');
    return out.toString();
  }

  private static void section(StringBuilder out, String title, boolean empty) {
    out.append('\n').append(title).append(empty ? ": none\n" : "\n");
  }

  private static void fields(StringBuilder out, List<PlanDocument.FieldLine> fields) {
    for (PlanDocument.FieldLine f : fields) {
      String note = f.note().isEmpty() ? "" : "  (" + f.note() + ")";
      line(out, 2, f.target() + " <- " + f.expression() + note, f.at());
    }
  }

  private static void line(StringBuilder out, int depth, String text, String at) {
    out.append("  ".repeat(depth)).append(oneLine(text)).append("   [").append(at).append("]\n");
  }

  /** A message never spans lines in the plan: a line break inside one could forge the next line. */
  private static String oneLine(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
