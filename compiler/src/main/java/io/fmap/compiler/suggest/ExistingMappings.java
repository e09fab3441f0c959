package io.fmap.compiler.suggest;

import io.fmap.compiler.ast.Assignment;
import io.fmap.compiler.ast.ColumnDecl;
import io.fmap.compiler.ast.Declaration;
import io.fmap.compiler.ast.MapDecl;
import io.fmap.compiler.ast.Path;
import io.fmap.compiler.ast.SourceFile;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a project's mapping files already cover: for each source object the fields any map reads and
 * the target tables it goes to, and for each target table the columns assigned or declared.
 * Suggestions leave all of these alone.
 */
record ExistingMappings(Map<String, Set<String>> readFields, Map<String, Set<String>> targetsOf,
                        Map<String, Set<String>> assignedColumns, Map<String, Set<String>> declaredColumns) {

  static ExistingMappings of(Collection<SourceFile> files) {
    ExistingMappings m = new ExistingMappings(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    for (SourceFile file : files) {
      for (Declaration d : file.declarations()) {
        if (d instanceof MapDecl map) m.add(map);
        if (d instanceof ColumnDecl column) m.addColumn(column);
        // A table the project declares: its name is taken even before a column of it is mapped.
        if (d instanceof io.fmap.compiler.ast.TableDecl table) {
          m.declaredColumns.computeIfAbsent(table.table().last().text(), k -> new TreeSet<>());
        }
      }
    }
    return m;
  }

  /** One standard-set style pair: this source field feeds this target column. */
  record Pair(String sourceObject, String sourceField, String targetTable, String targetColumn) {}

  /**
   * Each assignment whose value reads exactly one source field, as a pair; assignments built from
   * several fields or none (constants) have no single field to compare with.
   */
  static List<Pair> pairs(Collection<SourceFile> files) {
    List<Pair> out = new ArrayList<>();
    for (SourceFile file : files) {
      for (Declaration d : file.declarations()) {
        if (!(d instanceof MapDecl map)) continue;
        for (Assignment a : map.assignments()) {
          Set<String> fields = new TreeSet<>();
          collectPaths(a.value(), fields);
          if (fields.size() == 1) {
            out.add(new Pair(map.source().last().text(), fields.iterator().next(), map.target().last().text(),
                a.target().dotted()));
          }
        }
      }
    }
    return out;
  }

  private void add(MapDecl map) {
    String source = map.source().last().text();
    String target = map.target().last().text();
    targetsOf.computeIfAbsent(source, k -> new TreeSet<>()).add(target);
    Set<String> fields = readFields.computeIfAbsent(source, k -> new TreeSet<>());
    collectPaths(map, fields);
    Set<String> columns = assignedColumns.computeIfAbsent(target, k -> new TreeSet<>());
    for (Assignment a : map.assignments()) columns.add(a.target().dotted());
  }

  private void addColumn(ColumnDecl column) {
    List<io.fmap.compiler.ast.Name> parts = column.column().parts();
    if (parts.size() < 3) return;
    declaredColumns.computeIfAbsent(parts.get(parts.size() - 2).text(), k -> new TreeSet<>())
        .add(parts.get(parts.size() - 1).text());
  }

  /**
   * The first segment of every {@link Path} under a node. The AST is made of records, so walking
   * their components reaches every expression kind, including ones added to the language later.
   */
  static void collectPaths(Object node, Set<String> into) {
    if (node instanceof Path path) {
      into.add(path.segments().get(0).text());
      return;
    }
    if (node instanceof Collection<?> items) {
      for (Object item : items) collectPaths(item, into);
      return;
    }
    if (node instanceof java.util.Optional<?> opt) {
      opt.ifPresent(v -> collectPaths(v, into));
      return;
    }
    if (node == null || !node.getClass().isRecord()) return;
    for (RecordComponent c : node.getClass().getRecordComponents()) {
      try {
        collectPaths(c.getAccessor().invoke(node), into);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c + " of " + node.getClass().getSimpleName(), e);
      }
    }
  }
}
