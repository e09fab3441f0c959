package io.fmap.compiler.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes suggestions as a draft {@code .fmap} file: new columns first, then one {@code map} per
 * source object and target table, each line ending in a comment with its confidence and reason.
 */
public final class DraftWriter {
  /** Words that are keywords wherever a field name stands, so a field called that needs backticks. */
  private static final Set<String> RESERVED = Set.of("map", "when", "otherwise", "where", "after", "let",
      "ignore", "else", "if", "then", "match", "and", "or", "not", "in", "true", "false", "null");

  private DraftWriter() {}

  /** A field name as the language reads it: backticks around names with spaces or hard keywords. */
  static String name(String field) {
    boolean plain = field.matches("[\\p{L}_][\\p{L}\\p{N}_]*") && !RESERVED.contains(field);
    return plain ? field : "`" + field + "`";
  }

  public static String write(List<Suggestion> suggestions) {
    StringBuilder out = new StringBuilder();
    out.append("// Draft written by fmap suggest. Nothing here runs until a person reviews it, edits it\n");
    out.append("// and moves it into the project's mappings. Each line says how sure the suggestion is\n");
    out.append("// (0 to 1) and why.\n");
    if (suggestions.isEmpty()) {
      out.append("\n// Every source field is already mapped: nothing to suggest.\n");
      return out.toString();
    }
    List<Suggestion.NewColumn> columns = new ArrayList<>();
    Map<String, List<Suggestion.Assign>> maps = new LinkedHashMap<>();
    Map<String, Suggestion.Route> routes = new LinkedHashMap<>();
    for (Suggestion s : suggestions) {
      if (s instanceof Suggestion.NewColumn c) columns.add(c);
      if (s instanceof Suggestion.Route r) routes.put(header(r.sourceObject(), r.targetTable()), r);
      if (s instanceof Suggestion.Assign a) {
        maps.computeIfAbsent(header(a.sourceObject(), a.targetTable()), k -> new ArrayList<>()).add(a);
      }
    }
    for (Suggestion s : suggestions) {
      if (!(s instanceof Suggestion.NewTable t)) continue;
      out.append('\n').append(comment(t)).append("\ntable dynamics.").append(t.table()).append(" {\n");
      t.columns().forEach(c -> out.append("  ").append(c).append('\n'));
      out.append("}\n");
    }
    if (!columns.isEmpty()) out.append('\n');
    for (Suggestion.NewColumn c : columns) {
      out.append("column dynamics.").append(c.targetTable()).append('.').append(c.column()).append(": ")
          .append(c.type()).append("  ").append(comment(c)).append('\n');
    }
    for (Map.Entry<String, List<Suggestion.Assign>> map : maps.entrySet()) {
      Suggestion.Route route = routes.get(map.getKey());
      out.append('\n');
      if (route != null) out.append(comment(route)).append('\n');
      out.append("map ").append(map.getKey());
      if (route != null) {
        out.append(route.condition().equals("otherwise") ? " otherwise" : " when " + route.condition());
      }
      out.append(" {\n");
      int width = map.getValue().stream().mapToInt(a -> left(a).length()).max().orElse(0);
      for (Suggestion.Assign a : map.getValue()) {
        String left = left(a);
        out.append("  ").append(left).append(" ".repeat(width - left.length())).append(" = ").append(a.value())
            .append("  ").append(comment(a)).append('\n');
      }
      out.append("}\n");
    }
    return out.toString();
  }

  private static String header(String sourceObject, String targetTable) {
    return "spark." + sourceObject + " -> dynamics." + targetTable;
  }

  private static String left(Suggestion.Assign a) {
    return (a.key() ? "key " : "") + name(a.targetColumn());
  }

  private static String comment(Suggestion s) {
    return "// " + String.format(Locale.ROOT, "%.2f", s.confidence()) + " " + s.reason().replace('\n', ' ');
  }
}
