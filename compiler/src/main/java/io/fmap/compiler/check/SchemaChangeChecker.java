package io.fmap.compiler.check;

import io.fmap.compiler.ast.ColumnDecl;
import io.fmap.compiler.ast.Declaration;
import io.fmap.compiler.ast.Name;
import io.fmap.compiler.ast.ProcessDecl;
import io.fmap.compiler.ast.QualifiedName;
import io.fmap.compiler.ast.RelationshipDecl;
import io.fmap.compiler.ast.TableColumn;
import io.fmap.compiler.ast.TableDecl;
import io.fmap.compiler.ast.TextLit;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.Span;
import io.fmap.compiler.ir.SchemaChange;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.LookupTarget;
import io.fmap.schema.Ownership;
import io.fmap.schema.Relationship;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Schema-change declarations ({@code column}, {@code table}, {@code relationship}, {@code process}):
 * checked for collisions, the publisher prefix and the edition's custom-table cap, then applied to the
 * target schema so that maps can write the new columns.
 */
final class SchemaChangeChecker {
  private final Schemas schemas;
  private final Reporter reporter;
  private final ProjectConfig config;
  private final List<SchemaChange> changes = new ArrayList<>();

  SchemaChangeChecker(Schemas schemas, Reporter reporter, ProjectConfig config) {
    this.schemas = schemas;
    this.reporter = reporter;
    this.config = config;
  }

  /** Applies every declaration (tables first, so columns may be added to new tables) and returns the changes. */
  List<SchemaChange> apply(List<Declaration> declarations) {
    Map<String, Table> tables = new LinkedHashMap<>();
    for (Table t : schemas.target().tables()) tables.put(t.name(), t);
    List<TableDecl> newTables = declarations.stream().filter(TableDecl.class::isInstance).map(TableDecl.class::cast).toList();
    for (TableDecl decl : newTables) table(decl, tables);
    for (Declaration d : declarations) {
      if (d instanceof ColumnDecl c) column(c, tables);
    }
    for (Declaration d : declarations) {
      if (d instanceof RelationshipDecl r) relationship(r, tables);
      if (d instanceof ProcessDecl p) process(p, tables);
    }
    SystemSchema target = schemas.target();
    List<Relationship> relationships = new ArrayList<>(target.relationships());
    changes.stream().filter(SchemaChange.NewRelationship.class::isInstance)
        .forEach(c -> relationships.add(((SchemaChange.NewRelationship) c).relationship()));
    schemas.replaceTarget(new SystemSchema(target.system(), List.copyOf(tables.values()), relationships,
        target.settings()));
    cap(newTables);
    return List.copyOf(changes);
  }

  private void table(TableDecl decl, Map<String, Table> tables) {
    Optional<Name> name = newName(decl.table(), 2, "a new table");
    if (name.isEmpty()) return;
    String table = name.get().text();
    if (tables.containsKey(table)) {
      reporter.report(DiagnosticCode.COLUMN_ALREADY_EXISTS, name.get().span(),
          "table `" + table + "` already exists in the Dynamics schema", "already exists",
          "map into the existing table, or choose another name");
      return;
    }
    prefix(name.get(), "table");
    List<Column> columns = new ArrayList<>();
    columns.add(new Column(table + "id", table, ColumnType.ID, null, null, null, null, RequiredLevel.SYSTEM_REQUIRED,
        true, false, List.of(), List.of(), true));
    // A user-owned custom table gets ownerid like every standard one: rows need an owner.
    columns.add(new Column("ownerid", "Owner", ColumnType.OWNER, null, null, null, null, RequiredLevel.SYSTEM_REQUIRED,
        true, true, List.of(), List.of(new LookupTarget("systemuser", "ownerid"), new LookupTarget("team", "ownerid")),
        false));
    String primaryName = null;
    for (TableColumn tc : decl.columns()) {
      if (columns.stream().anyMatch(c -> c.name().equals(tc.name().text()))) {
        reporter.report(DiagnosticCode.DUPLICATE_DECLARATION, tc.name().span(),
            "table `" + table + "` declares column `" + tc.name().text() + "` twice", "second declaration", null);
        continue;
      }
      Optional<Column> c = TypeRefs.column(tc.name().text(), tc.type(), tc.required(), reporter);
      if (c.isEmpty()) continue;
      if (primaryName == null && c.get().type() == ColumnType.TEXT) primaryName = c.get().name();
      columns.add(c.get());
    }
    Table created = new Table(table, table, table + "s", table + "id", primaryName, Ownership.USER, false, true,
        columns, List.of());
    tables.put(table, created);
    changes.add(new SchemaChange.NewTable(created, decl.span()));
  }

  private void column(ColumnDecl decl, Map<String, Table> tables) {
    Optional<Name> name = newName(decl.column(), 3, "a new column");
    if (name.isEmpty()) return;
    Name tableName = decl.column().parts().get(1);
    Table table = tables.get(tableName.text());
    if (table == null) {
      reporter.report(DiagnosticCode.UNKNOWN_TARGET_TABLE, tableName.span(),
          "the Dynamics schema has no table `" + tableName.text() + "`", "unknown table",
          Reporter.didYouMean(tableName.text(), List.copyOf(tables.keySet())).orElse(null));
      return;
    }
    String column = name.get().text();
    if (table.column(column).isPresent()) {
      reporter.report(DiagnosticCode.COLUMN_ALREADY_EXISTS, name.get().span(),
          "`" + table.name() + "` already has a column `" + column + "`", "already exists",
          "assign the existing column, or choose another name for the new one");
      return;
    }
    prefix(name.get(), "column");
    Optional<Column> c = TypeRefs.column(column, decl.type(), decl.required(), reporter);
    if (c.isEmpty()) return;
    List<Column> columns = new ArrayList<>(table.columns());
    columns.add(c.get());
    tables.put(table.name(), new Table(table.name(), table.displayName(), table.entitySetName(), table.primaryIdColumn(),
        table.primaryNameColumn(), table.ownership(), table.activity(), table.custom(), columns, table.keys()));
    changes.add(new SchemaChange.NewColumn(table.name(), c.get(), decl.span()));
  }

  private void relationship(RelationshipDecl decl, Map<String, Table> tables) {
    Optional<Name> name = newName(decl.name(), 2, "a new relationship");
    Optional<String> left = existing(decl.left(), tables);
    Optional<String> right = existing(decl.right(), tables);
    if (name.isEmpty() || left.isEmpty() || right.isEmpty()) return;
    prefix(name.get(), "relationship");
    String n = name.get().text();
    Optional<SchemaChange.Links> links = Optional.empty();
    if (decl.links().isPresent()) {
      links = links(decl.links().get());
      if (links.isEmpty()) return;
    }
    changes.add(new SchemaChange.NewRelationship(new Relationship(n, left.get(), right.get(), n, n, n, true), links,
        decl.span()));
  }

  /** {@code from spark.Object.field}: a list of references to one object, each element one link. */
  private Optional<SchemaChange.Links> links(QualifiedName field) {
    Optional<Schemas.FieldRef> ref = schemas.sourceField(field, "a relationship's links");
    if (ref.isEmpty()) return Optional.empty();
    Column c = ref.get().column();
    if (c.type() != ColumnType.LOOKUP_LIST || c.targets().size() != 1) {
      reporter.report(DiagnosticCode.RELATIONSHIP_LINKS, field.span(),
          "`" + field.dotted() + "` is not a list of references to one object, so its elements cannot be links",
          c.type() == ColumnType.LOOKUP_LIST ? "references to several objects" : "not a reference list",
          "name a field of type reference_list, such as spark.Contact.company_ids");
      return Optional.empty();
    }
    return Optional.of(new SchemaChange.Links(ref.get().table().name(), c.name(), c.targets().get(0).table(),
        field.span()));
  }

  private void process(ProcessDecl decl, Map<String, Table> tables) {
    Optional<String> table = existing(decl.table(), tables);
    if (table.isEmpty()) return;
    changes.add(new SchemaChange.NewProcess(decl.name(), table.get(), decl.stages().stream().map(TextLit::value).toList(),
        decl.span()));
  }

  private Optional<String> existing(QualifiedName name, Map<String, Table> tables) {
    if (!name.first().text().equals(Schemas.TARGET) || name.parts().size() != 2) {
      schemas.targetTable(name, "a schema change");
      return Optional.empty();
    }
    Name t = name.parts().get(1);
    if (!tables.containsKey(t.text())) {
      reporter.report(DiagnosticCode.UNKNOWN_TARGET_TABLE, t.span(), "the Dynamics schema has no table `" + t.text() + "`",
          "unknown table", Reporter.didYouMean(t.text(), List.copyOf(tables.keySet())).orElse(null));
      return Optional.empty();
    }
    return Optional.of(t.text());
  }

  /** The last part of {@code dynamics.X[.Y]}, when the name has the right shape and system. */
  private Optional<Name> newName(QualifiedName name, int parts, String what) {
    if (!name.first().text().equals(Schemas.TARGET)) {
      // Reuse the system check's messages (wrong or unknown system).
      schemas.targetTable(name, what);
      return Optional.empty();
    }
    if (name.parts().size() != parts) {
      reporter.report(DiagnosticCode.UNKNOWN_TARGET_COLUMN, name.span(),
          what + " is written `dynamics." + (parts == 3 ? "table.column" : "name") + "`", "wrong shape", null);
      return Optional.empty();
    }
    return Optional.of(name.last());
  }

  private void prefix(Name name, String what) {
    String prefix = config.publisherPrefix() + "_";
    if (!name.text().startsWith(prefix)) {
      reporter.report(DiagnosticCode.PUBLISHER_PREFIX, name.span(),
          "new " + what + " `" + name.text() + "` does not start with the publisher prefix `" + prefix + "`",
          "missing prefix", "Dataverse requires it: call it `" + prefix + strip(name.text()) + "`");
    }
  }

  /** {@code new_tier} → {@code tier}: the name without someone else's prefix. */
  private static String strip(String name) {
    int underscore = name.indexOf('_');
    return underscore > 0 && underscore < name.length() - 1 ? name.substring(underscore + 1) : name;
  }

  private void cap(List<TableDecl> declared) {
    if (config.customTableCap().isEmpty()) return;
    int cap = config.customTableCap().getAsInt();
    long existing = schemas.target().tables().stream().filter(Table::custom).count();
    if (existing <= cap) return;
    long created = changes.stream().filter(SchemaChange.NewTable.class::isInstance).count();
    // Point at the first declared table that goes over the cap (the org's own custom tables count first).
    Span where = declared.isEmpty() ? Span.startOf("fmap.yaml")
        : declared.get((int) Math.max(0, Math.min(declared.size() - 1, cap - (existing - created)))).span();
    reporter.report(DiagnosticCode.CUSTOM_TABLE_CAP, where,
        existing + " custom tables (" + created + " of them new here) exceed the " + cap
            + " that Dynamics 365 Sales Professional allows", "over the cap",
        "merge tables, or set `edition: enterprise` in fmap.yaml if the org has Enterprise licences");
  }
}
