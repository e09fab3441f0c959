package io.fmap.compiler.ir;

import io.fmap.compiler.diag.Span;
import io.fmap.schema.Relationship;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A declared many-to-many relationship the load fills after both sides exist. The links come from
 * the source's own many-to-many relationship between the objects that map to the two tables (Spark
 * keeps a project's contacts in {@code Project.contact_ids}): the declaration says where the links
 * go, the source schema says where they are, and the maps say which rows they join.
 *
 * @param relationship       the declared relationship
 * @param sourceObject       the source object whose field lists the links
 * @param table              the target table {@code sourceObject} maps to
 * @param navigationProperty the collection-valued navigation property on {@code table}
 * @param sourceField        the source field listing the other side's ids
 * @param otherObject        the source object on the other side
 * @param otherTable         the target table {@code otherObject} maps to
 * @param span               the {@code relationship} declaration
 */
public record Association(String relationship, String sourceObject, String table, String navigationProperty,
                          String sourceField, String otherObject, String otherTable, Span span) {

  /**
   * Every declared many-to-many relationship paired with where its links are, in declaration order:
   * the {@code from} field it names, else each source relationship between the objects that map to
   * its two tables.
   */
  public static List<Association> of(Program program) {
    List<Association> out = new ArrayList<>();
    for (SchemaChange change : program.schemaChanges()) {
      if (!(change instanceof SchemaChange.NewRelationship declared)) continue;
      if (declared.links().isPresent()) {
        SchemaChange.Links links = declared.links().get();
        pair(program, declared, links.object(), links.otherObject(), links.field()).ifPresent(out::add);
        continue;
      }
      for (Relationship source : program.source().relationships()) {
        // Spark keeps the links as a list field (the "intersect table") on the first object.
        pair(program, declared, source.table1(), source.table2(), source.intersectTable()).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The links {@code holder.field} lists, when {@code holder} and {@code other} map to the relationship's two tables. */
  private static Optional<Association> pair(Program program, SchemaChange.NewRelationship declared, String holder,
                                            String other, String field) {
    Relationship target = declared.relationship();
    Set<String> holderTables = tables(program, holder);
    Set<String> otherTables = tables(program, other);
    if (holderTables.contains(target.table1()) && otherTables.contains(target.table2())) {
      return Optional.of(new Association(target.name(), holder, target.table1(), navigation(target.navigation1(), target),
          field, other, target.table2(), declared.span()));
    }
    if (holderTables.contains(target.table2()) && otherTables.contains(target.table1())) {
      return Optional.of(new Association(target.name(), holder, target.table2(), navigation(target.navigation2(), target),
          field, other, target.table1(), declared.span()));
    }
    return Optional.empty();
  }

  /** A relationship fmap declares is reached through a navigation property of its own name. */
  private static String navigation(String declared, Relationship r) {
    return declared == null ? r.name() : declared;
  }

  private static Set<String> tables(Program program, String sourceObject) {
    Set<String> tables = new LinkedHashSet<>();
    program.maps().stream().filter(m -> m.source().name().equals(sourceObject)).forEach(m -> tables.add(m.target().name()));
    return tables;
  }

  /** How the plan shows it: where the links come from. */
  public String describe() {
    return "associated after load from spark." + sourceObject + "." + sourceField + " (" + table + " → "
        + otherTable + ")";
  }
}
