package io.fmap.compiler.check;

import io.fmap.compiler.ast.Name;
import io.fmap.compiler.ast.QualifiedName;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.schema.Column;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@code spark.Object[.field]} and {@code dynamics.table[.column]} against the two schemas,
 * reporting unknown names with the nearest known one.
 */
final class Schemas {
  static final String SOURCE = "spark";
  static final String TARGET = "dynamics";

  private final SystemSchema source;
  private SystemSchema target;
  private final Reporter reporter;

  Schemas(SystemSchema source, SystemSchema target, Reporter reporter) {
    this.source = source;
    this.target = target;
    this.reporter = reporter;
  }

  SystemSchema source() { return source; }

  SystemSchema target() { return target; }

  /** The target schema grows by the declared schema changes before maps are checked. */
  void replaceTarget(SystemSchema withChanges) { this.target = withChanges; }

  /** {@code spark.Object}; {@code role} says what the name is for in messages ("a map's source"). */
  Optional<Table> sourceObject(QualifiedName name, String role) {
    return table(name, SOURCE, role);
  }

  /** {@code dynamics.table}. */
  Optional<Table> targetTable(QualifiedName name, String role) {
    return table(name, TARGET, role);
  }

  record FieldRef(Table table, Column column) {}

  /** {@code spark.Object.field}. */
  Optional<FieldRef> sourceField(QualifiedName name, String role) {
    return field(name, SOURCE, role);
  }

  /** {@code dynamics.table.column}. */
  Optional<FieldRef> targetColumn(QualifiedName name, String role) {
    return field(name, TARGET, role);
  }

  /** A column of a target table, reported as unknown with the nearest column name. */
  Optional<Column> column(Table table, Name name) {
    Optional<Column> c = table.column(name.text());
    if (c.isEmpty()) {
      String help = Reporter.didYouMean(name.text(), columnNames(table))
          .orElse("a column the migration adds is declared first: `column dynamics." + table.name() + "."
              + name.text() + ": text(100)`");
      reporter.report(DiagnosticCode.UNKNOWN_TARGET_COLUMN, name.span(),
          "table `" + table.name() + "` has no column `" + name.text() + "`", "not a column of " + table.name(), help);
    }
    return c;
  }

  /** A field of a source object, reported as unknown with the nearest field name. */
  Optional<Column> field(Table object, Name name, List<String> moreCandidates) {
    Optional<Column> c = object.column(name.text());
    if (c.isEmpty()) {
      List<String> candidates = new java.util.ArrayList<>(columnNames(object));
      candidates.addAll(moreCandidates);
      reporter.report(DiagnosticCode.UNKNOWN_SOURCE_FIELD, name.span(),
          "`" + name.text() + "` is not a field of " + object.name(), "unknown field",
          Reporter.didYouMean(name.text(), candidates).orElse(null));
    }
    return c;
  }

  static List<String> columnNames(Table t) {
    return t.columns().stream().map(Column::name).toList();
  }

  private Optional<Table> table(QualifiedName name, String system, String role) {
    if (!system(name, system, role)) return Optional.empty();
    SystemSchema schema = system.equals(SOURCE) ? source : target;
    DiagnosticCode code = system.equals(SOURCE) ? DiagnosticCode.UNKNOWN_SOURCE_OBJECT : DiagnosticCode.UNKNOWN_TARGET_TABLE;
    String kind = system.equals(SOURCE) ? "Spark object" : "Dynamics table";
    if (name.parts().size() != 2) {
      reporter.report(code, name.span(), role + " is a " + kind + ", written `" + system + ".NAME`", "not a " + kind,
          null);
      return Optional.empty();
    }
    Name tableName = name.parts().get(1);
    Optional<Table> t = schema.table(tableName.text());
    if (t.isEmpty()) {
      reporter.report(code, tableName.span(), "the " + (system.equals(SOURCE) ? "Spark" : "Dynamics")
              + " schema has no " + (system.equals(SOURCE) ? "object" : "table") + " `" + tableName.text() + "`",
          "unknown " + (system.equals(SOURCE) ? "object" : "table"),
          Reporter.didYouMean(tableName.text(), schema.tables().stream().map(Table::name).toList()).orElse(null));
    }
    return t;
  }

  private Optional<FieldRef> field(QualifiedName name, String system, String role) {
    if (!system(name, system, role)) return Optional.empty();
    if (name.parts().size() != 3) {
      DiagnosticCode code = system.equals(SOURCE) ? DiagnosticCode.UNKNOWN_SOURCE_FIELD : DiagnosticCode.UNKNOWN_TARGET_COLUMN;
      reporter.report(code, name.span(), role + " is written `" + system
          + (system.equals(SOURCE) ? ".Object.field`" : ".table.column`"), "expected three parts", null);
      return Optional.empty();
    }
    QualifiedName tableName = new QualifiedName(name.parts().subList(0, 2),
        name.parts().get(0).span().to(name.parts().get(1).span()));
    Optional<Table> table = table(tableName, system, role);
    if (table.isEmpty()) return Optional.empty();
    Optional<Column> column = system.equals(SOURCE) ? field(table.get(), name.parts().get(2), List.of())
        : column(table.get(), name.parts().get(2));
    return column.map(c -> new FieldRef(table.get(), c));
  }

  /** True when the name starts with {@code system}; else reports the wrong or unknown system. */
  private boolean system(QualifiedName name, String system, String role) {
    Name first = name.first();
    if (first.text().equals(system)) return true;
    String other = system.equals(SOURCE) ? TARGET : SOURCE;
    if (first.text().equals(other)) {
      reporter.report(DiagnosticCode.WRONG_DIRECTION, name.span(),
          role + " must be in " + system + ", but `" + name.dotted() + "` is in " + other,
          "this is " + other, "fmap migrates from spark to dynamics: write `" + system + "."
              + (name.parts().size() > 1 ? name.parts().get(1).text() : "NAME") + "`");
      return false;
    }
    reporter.report(DiagnosticCode.UNKNOWN_SYSTEM, first.span(),
        "`" + first.text() + "` is not a system; names start with `spark.` or `dynamics.`", "unknown system",
        Reporter.didYouMean(first.text(), List.of(SOURCE, TARGET)).orElse("write `" + system + "." + first.text() + "`"));
    return false;
  }
}
