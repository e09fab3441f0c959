package io.fmap.compiler.check;

import io.fmap.compiler.ast.Constant;
import io.fmap.compiler.ast.IntLit;
import io.fmap.compiler.ast.Literal;
import io.fmap.compiler.ast.Name;
import io.fmap.compiler.ast.TextLit;
import io.fmap.compiler.ast.ValueMapDecl;
import io.fmap.compiler.ast.ValueMapping;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.diag.Span;
import io.fmap.compiler.ir.ValueMap;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.OptionValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code valuemap} declarations: every target is an option of the target column, no source value is
 * listed twice, and without {@code else} every value of the source picklist has a line.
 */
final class ValueMapChecker {
  private final Context cx;

  ValueMapChecker(Context cx) {
    this.cx = cx;
  }

  List<ValueMap> check(List<ValueMapDecl> decls) {
    Map<String, ValueMapDecl> first = new HashMap<>();
    List<ValueMap> out = new ArrayList<>();
    for (ValueMapDecl d : decls) {
      String name = d.name().text();
      if (first.containsKey(name)) {
        cx.reporter.report(DiagnosticCode.DUPLICATE_DECLARATION, d.name().span(),
            "value map `" + name + "` is declared twice", "second declaration", "rename one of them");
        cx.reporter.amendLast(x -> x.withSecondary(first.get(name).name().span(), "first declared here"));
        continue;
      }
      first.put(name, d);
      cx.valueMapNames.add(name);
      valueMap(d).ifPresent(vm -> {
        out.add(vm);
        cx.valueMaps.put(name, vm);
      });
    }
    return out;
  }

  private Optional<ValueMap> valueMap(ValueMapDecl d) {
    var source = cx.schemas.sourceField(d.sourceField(), "a value map's source");
    var target = cx.schemas.targetColumn(d.targetField(), "a value map's target");
    if (source.isEmpty() || target.isEmpty()) return Optional.empty();
    Column to = target.get().column();
    if (!isChoice(to)) {
      cx.reporter.report(DiagnosticCode.TYPE_MISMATCH, d.targetField().span(),
          "`" + to.name() + "` is " + to.type().name().toLowerCase() + ", not a choice column a value map can fill",
          "not a choice", "a value map maps picklist values onto an option set");
      return Optional.empty();
    }
    Column from = source.get().column();
    String targetName = target.get().table().name() + "." + to.name();
    List<ValueMap.Entry> entries = new ArrayList<>();
    Map<String, Span> seen = new HashMap<>();
    for (ValueMapping m : d.mappings()) {
      String key = sourceValue(m.from());
      if (seen.containsKey(key)) {
        cx.reporter.report(DiagnosticCode.DUPLICATE_VALUE_MAP_ENTRY, m.from().span(),
            "\"" + key + "\" is mapped twice in `" + d.name().text() + "`", "second line for this value",
            "keep one line per source value");
        cx.reporter.amendLast(x -> x.withSecondary(seen.get(key), "first mapped here"));
        continue;
      }
      seen.put(key, m.from().span());
      knownSourceValue(key, from, source.get().table().name(), m.from().span());
      option(m.to(), to, targetName).ifPresent(o -> entries.add(new ValueMap.Entry(key, o, m.span())));
    }
    Optional<OptionValue> otherwise = Optional.empty();
    if (d.otherwise().isPresent()) {
      otherwise = option(d.otherwise().get().to(), to, targetName);
    } else if (!from.options().isEmpty()) {
      Set<String> labels = new LinkedHashSet<>();
      from.options().forEach(o -> labels.add(o.label()));
      List<String> missing = labels.stream().filter(l -> !seen.containsKey(l)).toList();
      if (!missing.isEmpty()) {
        cx.reporter.report(DiagnosticCode.VALUE_MAP_NOT_EXHAUSTIVE, d.name().span(),
            "`" + d.name().text() + "` has no line for " + ExprChecker.quoted(missing) + " of spark."
                + source.get().table().name() + "." + from.name(), "missing values",
            "add a line for each, or `else -> OPTION` for the rest");
      }
    }
    return Optional.of(new ValueMap(d.name().text(), source.get().table().name(), from, target.get().table().name(),
        to, entries, otherwise, d.span()));
  }

  static boolean isChoice(Column c) {
    return c.type() == ColumnType.CHOICE || c.type() == ColumnType.CHOICES || c.type() == ColumnType.STATE
        || c.type() == ColumnType.STATUS;
  }

  private static String sourceValue(Literal l) {
    if (l instanceof TextLit t) return t.value();
    if (l instanceof IntLit i) return Long.toString(i.value());
    return l.toString();
  }

  private void knownSourceValue(String value, Column from, String object, Span span) {
    if (from.options().isEmpty() || from.optionByLabel(value).isPresent()) return;
    List<String> labels = from.options().stream().map(OptionValue::label).distinct().toList();
    cx.reporter.report(DiagnosticCode.UNKNOWN_SOURCE_VALUE, span,
        "\"" + value + "\" is not a value of spark." + object + "." + from.name() + ", so this line never applies",
        "not a source value", Reporter.didYouMean(value, labels).orElse("its values: " + ExprChecker.quoted(labels)));
  }

  /** An option of {@code column} by label (a name or text) or by number. */
  Optional<OptionValue> option(Constant to, Column column, String columnName) {
    Optional<OptionValue> found;
    String shown;
    if (to instanceof Name n) {
      found = column.optionByLabel(n.text());
      shown = n.text();
    } else if (to instanceof TextLit t) {
      found = column.optionByLabel(t.value());
      shown = "\"" + t.value() + "\"";
    } else if (to instanceof IntLit i) {
      found = i.value() >= Integer.MIN_VALUE && i.value() <= Integer.MAX_VALUE
          ? column.optionByValue((int) i.value()) : Optional.empty();
      shown = Long.toString(i.value());
    } else {
      found = Optional.empty();
      shown = to.toString();
    }
    if (found.isEmpty()) {
      List<String> labels = column.options().stream().map(OptionValue::label).toList();
      String text = to instanceof Name n ? n.text() : to instanceof TextLit t ? t.value() : shown;
      cx.reporter.report(DiagnosticCode.VALUE_NOT_IN_OPTION_SET, to.span(),
          shown + " is not an option of " + columnName, "no such option",
          Reporter.didYouMean(text, labels).orElse("its options: " + options(column)));
    }
    return found;
  }

  static String options(Column column) {
    List<String> shown = column.options().stream().map(o -> o.value() + " " + o.label()).toList();
    return shown.size() <= 12 ? String.join(", ", shown)
        : String.join(", ", shown.subList(0, 12)) + " and " + (shown.size() - 12) + " more";
  }
}
