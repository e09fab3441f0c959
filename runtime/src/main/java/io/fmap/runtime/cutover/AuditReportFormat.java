package io.fmap.runtime.cutover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.cutover.AuditReport.RunAudit;
import io.fmap.runtime.ledger.Checkpoint;
import io.fmap.runtime.ledger.LedgerAudit.ErrorExample;
import io.fmap.runtime.ledger.LedgerAudit.ErrorGroup;
import io.fmap.runtime.ledger.LedgerAudit.ObjectCounts;
import io.fmap.runtime.ledger.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The audit report as text (terminal), JSON ({@code --json}) and a self-contained HTML page. */
public final class AuditReportFormat {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<String> COUNT_HEADER = List.of("object", "table", "created", "updated", "skipped",
      "failed", "quarantined", "deleted", "restored", "in doubt");

  private AuditReportFormat() {}

  public static String text(AuditReport report) {
    StringBuilder out = new StringBuilder();
    if (report.runs().isEmpty()) {
      return "The ledger has no runs yet: `fmap migrate` records the first one.\n";
    }
    for (RunAudit audit : report.runs()) {
      Run run = audit.run();
      out.append("run ").append(run.id()).append(": ").append(lower(run.mode())).append(", ")
          .append(lower(run.status())).append(run.rollbackOf() == null ? "" : " (rollback of run " + run.rollbackOf() + ")")
          .append('\n');
      out.append("  by ").append(run.who()).append(", plan ").append(run.planHash()).append('\n');
      out.append("  started ").append(run.startedAt()).append(", ended ")
          .append(run.endedAt() == null ? "never (interrupted or still running)" : run.endedAt()).append('\n');
      for (ObjectCounts c : audit.counts()) {
        out.append("  ").append(c.sourceObject()).append(" -> ").append(c.targetTable()).append(": ")
            .append(countsLine(c)).append('\n');
      }
      for (ErrorGroup group : audit.errors()) {
        out.append("  error ").append(group.code()).append(" x").append(group.count()).append('\n');
        for (ErrorExample example : group.examples()) {
          out.append("    ").append(example.key()).append(": ").append(example.message()).append('\n');
        }
      }
      if (audit.throttle().waits() > 0) {
        out.append("  throttled ").append(audit.throttle().waits()).append(" times, ")
            .append(audit.throttle().totalMillis()).append(" ms in all, longest ")
            .append(audit.throttle().longestMillis()).append(" ms\n");
      }
      for (Checkpoint checkpoint : audit.checkpoints()) {
        out.append("  checkpoint ").append(checkpoint.id()).append(" '").append(checkpoint.label()).append("' at seq ")
            .append(checkpoint.seq()).append(", ").append(checkpoint.createdAt()).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Only the non-zero counts, in a fixed order: a long row of zeros hides the one that matters. */
  private static String countsLine(ObjectCounts c) {
    List<String> parts = new ArrayList<>();
    long[] values = values(c);
    for (int i = 0; i < values.length; i++) {
      if (values[i] > 0) parts.add(values[i] + " " + COUNT_HEADER.get(i + 2));
    }
    return parts.isEmpty() ? "nothing" : String.join(", ", parts);
  }

  private static long[] values(ObjectCounts c) {
    return new long[] {c.created(), c.updated(), c.skipped(), c.failed(), c.quarantined(), c.deleted(),
        c.restored(), c.inDoubt()};
  }

  public static ObjectNode json(AuditReport report) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode runs = root.putArray("runs");
    for (RunAudit audit : report.runs()) {
      Run run = audit.run();
      ObjectNode r = runs.addObject();
      r.put("id", run.id());
      r.put("mode", code(run.mode()));
      r.put("status", code(run.status()));
      r.put("who", run.who());
      r.put("planHash", run.planHash());
      r.put("startedAt", run.startedAt().toString());
      if (run.endedAt() == null) r.putNull("endedAt"); else r.put("endedAt", run.endedAt().toString());
      if (run.rollbackOf() == null) r.putNull("rollbackOf"); else r.put("rollbackOf", run.rollbackOf());
      ArrayNode objects = r.putArray("objects");
      for (ObjectCounts c : audit.counts()) {
        ObjectNode o = objects.addObject();
        o.put("sourceObject", c.sourceObject());
        o.put("targetTable", c.targetTable());
        long[] values = values(c);
        for (int i = 0; i < values.length; i++) o.put(camel(COUNT_HEADER.get(i + 2)), values[i]);
      }
      ArrayNode errors = r.putArray("errors");
      for (ErrorGroup group : audit.errors()) {
        ObjectNode g = errors.addObject();
        g.put("code", group.code());
        g.put("count", group.count());
        ArrayNode examples = g.putArray("examples");
        for (ErrorExample example : group.examples()) {
          examples.addObject().put("sourceObject", example.key().sourceObject())
              .put("sourceId", example.key().sourceId()).put("targetTable", example.key().targetTable())
              .put("message", example.message());
        }
      }
      r.putObject("throttle").put("waits", audit.throttle().waits()).put("totalMillis", audit.throttle().totalMillis())
          .put("longestMillis", audit.throttle().longestMillis());
      ArrayNode checkpoints = r.putArray("checkpoints");
      for (Checkpoint checkpoint : audit.checkpoints()) {
        checkpoints.addObject().put("id", checkpoint.id()).put("label", checkpoint.label())
            .put("seq", checkpoint.seq()).put("createdAt", checkpoint.createdAt().toString());
      }
    }
    return root;
  }

  public static String jsonText(AuditReport report) {
    try {
      return JSON.writeValueAsString(json(report)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serialises", e);
    }
  }

  /** Segments of an object's bar: the first eight count columns, in {@link #values} order. */
  private static final List<HtmlPage.Segment> SEGMENTS = List.of(new HtmlPage.Segment("created", HtmlPage.Shade.GOOD),
      new HtmlPage.Segment("updated", HtmlPage.Shade.CHANGED), new HtmlPage.Segment("skipped", HtmlPage.Shade.NEUTRAL),
      new HtmlPage.Segment("failed", HtmlPage.Shade.BAD), new HtmlPage.Segment("quarantined", HtmlPage.Shade.WARN),
      new HtmlPage.Segment("deleted", HtmlPage.Shade.NEUTRAL), new HtmlPage.Segment("restored", HtmlPage.Shade.CHANGED),
      new HtmlPage.Segment("in doubt", HtmlPage.Shade.BAD));

  public static String html(AuditReport report) {
    HtmlPage page = new HtmlPage("fmap audit report");
    if (report.runs().isEmpty()) page.paragraph("The ledger has no runs yet: `fmap migrate` records the first one.");
    List<ObjectCounts> all = report.runs().stream().flatMap(r -> r.counts().stream()).toList();
    long notLanded = all.stream().mapToLong(c -> c.failed() + c.quarantined() + c.inDoubt()).sum();
    page.figures(List.of(new HtmlPage.Figure(report.runs().size() == 1 ? "run" : "runs", report.runs().size(),
            HtmlPage.Shade.NEUTRAL),
        new HtmlPage.Figure("created", all.stream().mapToLong(ObjectCounts::created).sum(), HtmlPage.Shade.GOOD),
        new HtmlPage.Figure("updated", all.stream().mapToLong(ObjectCounts::updated).sum(), HtmlPage.Shade.CHANGED),
        new HtmlPage.Figure("skipped", all.stream().mapToLong(ObjectCounts::skipped).sum(), HtmlPage.Shade.NEUTRAL),
        new HtmlPage.Figure("failed, quarantined or in doubt", notLanded,
            notLanded == 0 ? HtmlPage.Shade.NEUTRAL : HtmlPage.Shade.BAD)));
    for (RunAudit audit : report.runs()) {
      Run run = audit.run();
      page.heading("Run " + run.id() + ": " + lower(run.mode()) + ", " + lower(run.status())
          + (run.rollbackOf() == null ? "" : " (rollback of run " + run.rollbackOf() + ")"));
      page.paragraph("By " + run.who() + ", plan " + run.planHash() + ". Started " + run.startedAt() + ", ended "
          + (run.endedAt() == null ? "never (interrupted or still running)" : run.endedAt()) + ".");
      page.bars(SEGMENTS, audit.counts().stream().map(c -> new HtmlPage.Bar(c.sourceObject() + " -> " + c.targetTable(),
          java.util.Arrays.stream(values(c)).boxed().toList())).toList());
      page.filteredTable(COUNT_HEADER, audit.counts().stream().map(c -> {
        List<Object> row = new ArrayList<>(List.of(c.sourceObject(), c.targetTable()));
        for (long v : values(c)) row.add(v);
        boolean bad = c.failed() + c.quarantined() + c.inDoubt() > 0;
        return new HtmlPage.Row(bad ? "records that did not land" : "all landed", bad, row);
      }).toList());
      List<HtmlPage.Row> errors = new ArrayList<>();
      for (ErrorGroup group : audit.errors()) {
        for (ErrorExample example : group.examples()) {
          errors.add(new HtmlPage.Row("records that did not land", true,
              List.of(group.code(), group.count(), example.key().toString(), example.message())));
        }
      }
      page.filteredTable(List.of("error code", "records", "example", "message"), errors);
      if (audit.throttle().waits() > 0) {
        page.paragraph("Throttled " + audit.throttle().waits() + " times, " + audit.throttle().totalMillis()
            + " ms in all, longest " + audit.throttle().longestMillis() + " ms.");
      }
      page.table(List.of("checkpoint", "label", "seq", "created"), audit.checkpoints().stream()
          .map(c -> List.<Object>of(c.id(), c.label(), c.seq(), c.createdAt().toString())).toList());
    }
    return page.render();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The ledger's own spelling ({@code rolled_back}), which scripts reading the JSON match on. */
  private static String code(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static String camel(String words) {
    String[] parts = words.split(" ");
    StringBuilder b = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    return b.toString();
  }
}
