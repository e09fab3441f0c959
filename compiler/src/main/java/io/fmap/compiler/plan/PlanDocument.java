package io.fmap.compiler.plan;

import io.fmap.compiler.diag.Span;
import io.fmap.compiler.ir.Assignment;
import io.fmap.compiler.ir.ObjectMap;
import io.fmap.compiler.ir.Param;
import io.fmap.compiler.ir.Program;
import io.fmap.compiler.ir.Routing;
import io.fmap.compiler.ir.SchemaChange;
import io.fmap.compiler.ir.ValueMap;
import io.fmap.schema.Column;
import io.fmap.schema.OptionValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything the plan shows, in the order it shows it: what reviewers approve. Built once from the
 * checked program, then written as text ({@link PlanText}) or JSON ({@link PlanJson}); both carry
 * the same facts. Every list has a fixed order (source order, or sorted where order means nothing).
 *
 * @param format        plan format version; bumped when the layout changes, so approvals are redone
 * @param params        every param with its value
 * @param schemaChanges what {@code fmap schema apply} will create
 * @param tiers         load order, first tier first
 * @param edges         why each ordering exists
 * @param maps          each map with its fields, in declaration order
 * @param valueMaps     each value map, in declaration order
 * @param warnings      the checker's warnings, as one-line messages with their location
 */
public record PlanDocument(int format, List<ParamLine> params, List<ChangeLine> schemaChanges, List<TierLine> tiers,
                           List<EdgeLine> edges, List<MapSection> maps, List<ValueMapSection> valueMaps,
                           List<String> warnings) {

  public static final int FORMAT = 1;

  public record ParamLine(String name, String type, String value, String origin, String at) {}

  public record ChangeLine(String kind, String what, String at) {}

  public record TierLine(int number, List<String> objects) {}

  /** {@code from} needs {@code to} first (or, with {@code twoPass}, a second pass). */
  public record EdgeLine(String from, String to, String reason, String via, boolean twoPass, String at) {}

  public record FieldLine(String target, String expression, String note, String at) {}

  public record MapSection(String name, String source, String target, String routing, String filter,
                           List<FieldLine> fields, List<String> ignored, String at) {}

  /** {@code notTransferred}: what the source options carry that the target cannot hold (Spark stage colours); empty if nothing. */
  public record ValueMapSection(String name, String from, String to, List<FieldLine> entries, String notTransferred,
                                String at) {}

  public static PlanDocument of(Program program, List<String> warnings) {
    List<ParamLine> params = program.params().stream()
        .sorted(Comparator.comparing(Param::name))
        .map(p -> new ParamLine(p.name(), p.type().describe(), ExprPrinter.literal(p.value()),
            p.origin().name().toLowerCase(java.util.Locale.ROOT), at(p.span())))
        .toList();
    List<io.fmap.compiler.ir.Association> associations = io.fmap.compiler.ir.Association.of(program);
    List<ChangeLine> changes = program.schemaChanges().stream().map(c -> change(c, associations)).toList();
    List<TierLine> tiers = program.tiers().stream()
        .map(t -> new TierLine(t.number(), t.objects().stream().sorted().toList())).toList();
    List<EdgeLine> edges = program.dependencies().stream()
        .map(d -> new EdgeLine(d.from(), d.to(), d.reason().name().toLowerCase(java.util.Locale.ROOT),
            d.column() == null ? d.map() : d.map() + "." + d.column(), d.twoPass(), at(d.span())))
        .sorted(Comparator.comparing(EdgeLine::from).thenComparing(EdgeLine::to).thenComparing(EdgeLine::via)
            .thenComparing(EdgeLine::reason))
        .toList();
    List<MapSection> maps = program.maps().stream().map(m -> map(m, program)).toList();
    List<ValueMapSection> valueMaps = program.valueMaps().stream().map(PlanDocument::valueMap).toList();
    return new PlanDocument(FORMAT, params, changes, tiers, edges, maps, valueMaps, List.copyOf(warnings));
  }

  private static MapSection map(ObjectMap m, Program program) {
    List<FieldLine> fields = new ArrayList<>();
    for (Assignment k : m.keys()) {
      fields.add(new FieldLine(k.column().name(), ExprPrinter.print(k.value()), "key", at(k.span())));
    }
    for (ObjectMap.Local l : m.locals()) {
      fields.add(new FieldLine("let " + ExprPrinter.name(l.name()), ExprPrinter.print(l.value()), "", at(l.span())));
    }
    for (Assignment a : m.assignments()) {
      fields.add(new FieldLine(a.column().name(), ExprPrinter.print(a.value()), note(a), at(a.span())));
    }
    for (io.fmap.compiler.ir.Party p : m.parties()) {
      fields.add(new FieldLine("party " + p.roleName(), (p.each() ? "each " : "") + ExprPrinter.print(p.address()),
          p.describeResolution(), at(p.span())));
    }
    String routing = routing(m, program);
    return new MapSection(m.name(), "spark." + m.source().name(), "dynamics." + m.target().name(), routing,
        m.filter().map(ExprPrinter::print).orElse(""), fields,
        m.ignored().stream().map(Column::name).sorted().toList(), at(m.span()));
  }

  private static String routing(ObjectMap m, Program program) {
    if (m.when().isPresent()) return "when " + ExprPrinter.print(m.when().get());
    if (m.otherwise()) return "otherwise";
    Routing r = program.routing(m.source().name()).orElse(null);
    return r == null || r.maps().size() <= 1 ? "every record" : "every record not taken before";
  }

  private static String note(Assignment a) {
    List<String> notes = new ArrayList<>();
    if (a.phase() == Assignment.Phase.SECOND_PASS) notes.add("second pass");
    if (a.phase() == Assignment.Phase.STATE_CHANGE) notes.add("state change after the load");
    if (io.fmap.compiler.emit.PlanLoader.isFileBody(a)) notes.add("file body read from the source after the load");
    if (a.unsetWhenNull()) notes.add("left unset when null");
    return String.join(", ", notes);
  }

  private static ValueMapSection valueMap(ValueMap v) {
    List<FieldLine> entries = new ArrayList<>();
    for (ValueMap.Entry e : v.entries()) {
      entries.add(new FieldLine(ExprPrinter.quote(e.source()), option(e.target()), "", at(e.span())));
    }
    v.otherwise().ifPresent(o -> entries.add(new FieldLine("else", option(o), "", at(v.span()))));
    return new ValueMapSection(v.name(), "spark." + v.sourceObject() + "." + v.sourceField().name(),
        "dynamics." + v.targetTable() + "." + v.targetColumn().name(), entries, coloursLeftBehind(v.sourceField()),
        at(v.span()));
  }

  /**
   * Spark stages carry a colour; a Dataverse choice option has none, so the colours stay behind. The
   * plan says so (the standard set's promise), naming each option's colour so a reviewer can see what is lost.
   */
  private static String coloursLeftBehind(io.fmap.schema.Column sourceField) {
    List<String> colours = sourceField.options().stream().filter(o -> o.color() != null)
        .map(o -> ExprPrinter.quote(o.label()) + " " + o.color()).toList();
    return colours.isEmpty() ? "" : "option colours (Dynamics choices have none): " + String.join(", ", colours);
  }

  private static String option(OptionValue o) {
    return ExprPrinter.quote(o.label()) + (o.value() == null ? "" : " (" + o.value() + ")");
  }

  private static ChangeLine change(SchemaChange c, List<io.fmap.compiler.ir.Association> associations) {
    if (c instanceof SchemaChange.NewColumn n) {
      Column col = n.column();
      String options = col.options().isEmpty() ? "" : " {" + col.options().stream()
          .map(PlanDocument::option).collect(Collectors.joining(", ")) + "}";
      String length = col.maxLength() == null ? "" : "(" + col.maxLength() + ")";
      return new ChangeLine("column", "dynamics." + n.table() + "." + col.name() + ": "
          + col.type().name().toLowerCase(java.util.Locale.ROOT) + length + options, at(n.span()));
    }
    if (c instanceof SchemaChange.NewTable t) {
      String columns = t.table().columns().stream().map(Column::name).sorted().collect(Collectors.joining(", "));
      return new ChangeLine("table", "dynamics." + t.table().name() + " (" + columns + ")", at(t.span()));
    }
    if (c instanceof SchemaChange.NewKey k) {
      return new ChangeLine("key", "dynamics." + k.table() + "." + k.key().name() + " ("
          + String.join(", ", k.key().columns()) + ")", at(k.span()));
    }
    if (c instanceof SchemaChange.NewRelationship r) {
      String filled = associations.stream().filter(a -> a.relationship().equals(r.relationship().name()))
          .map(a -> ", " + a.describe()).collect(Collectors.joining());
      return new ChangeLine("relationship", r.relationship().name() + ": dynamics." + r.relationship().table1()
          + " many-to-many dynamics." + r.relationship().table2() + filled, at(r.span()));
    }
    SchemaChange.NewProcess p = (SchemaChange.NewProcess) c;
    // The display name is Spark's pipeline name; the schema name Dataverse keys the process by is derived from it.
    String schemaName = io.fmap.runtime.functions.Std.sanitizeProcessName(p.name());
    return new ChangeLine("process", ExprPrinter.quote(p.name()) + " (schema name "
        + (schemaName == null ? "none: no letter or digit to make one of" : schemaName) + ") on dynamics." + p.table() + " stages ["
        + p.stages().stream().map(ExprPrinter::quote).collect(Collectors.joining(", ")) + "]", at(p.span()));
  }

  static String at(Span span) {
    return io.fmap.compiler.emit.SourceLines.safeFileName(span.file()) + ":" + span.startLine();
  }

  /** The edges that a second pass satisfies, for the plan's two-pass list. */
  public List<EdgeLine> twoPassEdges() {
    return edges.stream().filter(EdgeLine::twoPass).toList();
  }
}
