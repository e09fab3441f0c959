package io.fmap.runtime.cutover;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code fmap reconcile} found, per source object and target table: counts from the source, the
 * plan, the ledger and the target, checksums of the mapped columns, and every mismatch with its ids.
 */
/**
 * @param run the run reconciled alone ({@code --run}), or null for everything that stands
 */
public record ReconcileReport(boolean full, Long run, List<TableCheck> tables) {

  public ReconcileReport {
    tables = List.copyOf(tables);
  }

  /**
   * @param sourceCount   records of the object in the source
   * @param expectedCount rows the plan maps them to in this table (after routing; records that fail mapping excluded)
   * @param ledgerCount   rows the ledger says stand in the target
   * @param targetCount   rows the table holds (queried; includes rows fmap did not write)
   * @param compared      rows whose columns were compared (all of them with --full, else a sample)
   * @param mismatches    the first {@link Reconcile#MISMATCHES_LISTED} mismatches, by source id
   * @param mismatchCount all of them
   */
  public record TableCheck(String sourceObject, String table, long sourceCount, long expectedCount, long ledgerCount,
      long targetCount, long compared, List<ColumnChecksum> checksums, List<Mismatch> mismatches, long mismatchCount) {

    public TableCheck {
      checksums = List.copyOf(checksums);
      mismatches = List.copyOf(mismatches);
    }

    public boolean clean() {
      return mismatchCount == 0 && expectedCount == ledgerCount && checksums.stream().allMatch(ColumnChecksum::matches);
    }
  }

  /** An order-independent checksum of one mapped column over the compared rows: mapped vs found. */
  public record ColumnChecksum(String column, String expected, String actual) {
    public boolean matches() {
      return expected.equals(actual);
    }
  }

  /** What disagrees about one record. */
  public enum Kind {
    /** the plan maps the record here but no write of it stands (failed, never loaded, rolled back) */
    NOT_LOADED,
    /** the ledger says the row stands but the target has no row with its id */
    MISSING_IN_TARGET,
    /** the row's column differs from what the plan maps the source record to */
    VALUE,
    /** a write stands for a record the source no longer maps here (deleted or re-routed in the source) */
    NOT_IN_SOURCE
  }

  public record Mismatch(Kind kind, String sourceId, String targetId, String column, String expected, String actual) {}

  public boolean clean() {
    return tables.stream().allMatch(TableCheck::clean);
  }

  public String toText() {
    StringBuilder out = new StringBuilder("reconcile (" + (full ? "full" : "sampled")
        + (run == null ? "" : ", what run " + run + " wrote") + "): "
        + (clean() ? "clean" : "MISMATCHES") + "\n");
    for (TableCheck t : tables) {
      out.append(t.sourceObject()).append(" -> ").append(t.table()).append(": source ").append(t.sourceCount())
          .append(", expected ").append(t.expectedCount()).append(", ledger ").append(t.ledgerCount())
          .append(", target ").append(t.targetCount()).append(", compared ").append(t.compared())
          .append(t.clean() ? ", clean" : ", " + t.mismatchCount() + " mismatches").append('\n');
      for (ColumnChecksum c : t.checksums()) {
        if (!c.matches()) out.append("  checksum of ").append(c.column()).append(" differs\n");
      }
      for (Mismatch m : t.mismatches()) {
        out.append("  ").append(m.kind().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(m.sourceId())
            .append(" -> ").append(m.targetId() == null ? "(no row)" : m.targetId());
        if (m.column() != null) {
          out.append(' ').append(m.column()).append(": expected ").append(m.expected()).append(", found ")
              .append(m.actual());
        }
        out.append('\n');
      }
      if (t.mismatchCount() > t.mismatches().size()) {
        out.append("  ... and ").append(t.mismatchCount() - t.mismatches().size()).append(" more\n");
      }
    }
    return out.toString();
  }

  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("full", full);
    if (run != null) root.put("run", run);
    root.put("clean", clean());
    ArrayNode tables = root.putArray("tables");
    for (TableCheck t : this.tables) {
      ObjectNode o = tables.addObject();
      o.put("sourceObject", t.sourceObject()).put("table", t.table()).put("sourceCount", t.sourceCount())
          .put("expectedCount", t.expectedCount()).put("ledgerCount", t.ledgerCount())
          .put("targetCount", t.targetCount()).put("compared", t.compared()).put("clean", t.clean())
          .put("mismatchCount", t.mismatchCount());
      ArrayNode sums = o.putArray("checksums");
      t.checksums().forEach(c -> sums.addObject().put("column", c.column()).put("expected", c.expected())
          .put("actual", c.actual()).put("matches", c.matches()));
      ArrayNode list = o.putArray("mismatches");
      for (Mismatch m : t.mismatches()) {
        ObjectNode x = list.addObject().put("kind", m.kind().name().toLowerCase(java.util.Locale.ROOT))
            .put("sourceId", m.sourceId()).put("targetId", m.targetId());
        if (m.column() != null) x.put("column", m.column()).put("expected", m.expected()).put("actual", m.actual());
      }
    }
    return root;
  }

  public String toHtml() {
    HtmlPage page = new HtmlPage("fmap reconcile");
    long mismatches = tables.stream().mapToLong(TableCheck::mismatchCount).sum();
    long cleanTables = tables.stream().filter(TableCheck::clean).count();
    if (run != null) page.paragraph("Only the records run " + run + " wrote (or tried to).");
    page.paragraph((full ? "Every record's values compared: " : "Values compared for a sample of records: ")
        + (clean() ? "the target holds what the plan says." : "mismatches found; filter on a kind to list them."));
    page.figures(List.of(new HtmlPage.Figure("tables checked", tables.size(), HtmlPage.Shade.NEUTRAL),
        new HtmlPage.Figure("tables clean", cleanTables, cleanTables == tables.size() ? HtmlPage.Shade.GOOD
            : HtmlPage.Shade.NEUTRAL),
        new HtmlPage.Figure("rows compared", tables.stream().mapToLong(TableCheck::compared).sum(), HtmlPage.Shade.NEUTRAL),
        new HtmlPage.Figure("mismatches", mismatches, mismatches == 0 ? HtmlPage.Shade.NEUTRAL : HtmlPage.Shade.BAD)));
    page.heading("Rows the plan expects, per table");
    page.bars(List.of(new HtmlPage.Segment("as expected", HtmlPage.Shade.GOOD),
        new HtmlPage.Segment("mismatches", HtmlPage.Shade.BAD)), tables.stream().map(t -> new HtmlPage.Bar(
            t.sourceObject() + " -> " + t.table(),
            List.of(Math.max(0, t.expectedCount() - t.mismatchCount()), t.mismatchCount()))).toList());
    page.heading("Counts");
    page.filteredTable(List.of("object", "table", "source", "expected", "ledger", "target", "compared", "mismatches",
        "checksums"), tables.stream().map(t -> new HtmlPage.Row(t.clean() ? "clean" : "mismatches", !t.clean(),
            List.of(t.sourceObject(), t.table(), t.sourceCount(), t.expectedCount(), t.ledgerCount(), t.targetCount(),
                t.compared(), t.mismatchCount(), checksums(t)))).toList());
    for (TableCheck t : tables) {
      if (t.mismatches().isEmpty()) continue;
      page.heading(t.sourceObject() + " -> " + t.table() + (t.mismatchCount() > t.mismatches().size()
          ? " (first " + t.mismatches().size() + " of " + t.mismatchCount() + " mismatches)" : ""));
      page.filteredTable(List.of("kind", "source id", "target id", "column", "expected", "found"), t.mismatches().stream()
          .map(m -> new HtmlPage.Row(kind(m.kind()), true, java.util.Arrays.asList(kind(m.kind()), m.sourceId(),
              m.targetId(), m.column(), m.expected(), m.actual()))).toList());
    }
    return page.render();
  }

  private static String kind(Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String checksums(TableCheck t) {
    long differing = t.checksums().stream().filter(c -> !c.matches()).count();
    return t.checksums().isEmpty() ? "" : differing == 0 ? "all " + t.checksums().size() + " match"
        : differing + " of " + t.checksums().size() + " differ";
  }
}
