package io.fmap.compiler.check;

import io.fmap.compiler.ast.ChoiceOption;
import io.fmap.compiler.ast.TypeArg;
import io.fmap.compiler.ast.TypeRef;
import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.ir.Type;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.LookupTarget;
import io.fmap.schema.OptionValue;
import io.fmap.schema.RequiredLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Written types ({@code text(100)}, {@code choice { Gold, Silver }}) as param types and new columns. */
final class TypeRefs {
  static final List<String> PARAM_TYPES = List.of("bool", "date", "datetime", "decimal", "int", "money", "text");
  static final List<String> COLUMN_TYPES = List.of("bool", "choice", "choices", "date", "datetime", "decimal",
      "file", "html", "int", "lookup", "memo", "money", "text");
  /** Dataverse's default length for a new single-line text column. */
  static final int DEFAULT_TEXT_LENGTH = 100;
  /** Dataverse numbers a new option set's values from the publisher's option prefix; 100000000 is the default one. */
  static final int FIRST_OPTION_VALUE = 100_000_000;

  private TypeRefs() {}

  /** A param's type; unknown names are reported. */
  static Optional<Type> paramType(TypeRef ref, Reporter reporter) {
    String name = ref.name().text();
    return switch (name) {
      case "text" -> Optional.of(new Type.Text(number(ref, 0)));
      case "int" -> Optional.of(Type.INT);
      case "decimal" -> Optional.of(Type.DECIMAL);
      case "money" -> Optional.of(Type.MONEY);
      case "bool" -> Optional.of(Type.BOOL);
      case "date" -> Optional.of(Type.DATE);
      case "datetime" -> Optional.of(Type.DATETIME);
      default -> {
        unknown(ref, PARAM_TYPES, "a param", reporter);
        yield Optional.empty();
      }
    };
  }

  /** A new column of type {@code ref}; lookups point at {@code dynamics.TABLE} and bind by the column's name. */
  static Optional<Column> column(String columnName, TypeRef ref, boolean required, Reporter reporter) {
    RequiredLevel level = required ? RequiredLevel.APPLICATION_REQUIRED : RequiredLevel.NONE;
    String t = ref.name().text();
    ColumnType type;
    Integer maxLength = null;
    Integer precision = null;
    List<OptionValue> options = List.of();
    List<LookupTarget> targets = List.of();
    switch (t) {
      case "text" -> {
        type = ColumnType.TEXT;
        Integer n = number(ref, 0);
        maxLength = n == null ? DEFAULT_TEXT_LENGTH : n;
      }
      case "memo" -> { type = ColumnType.MEMO; maxLength = number(ref, 0) == null ? 2000 : number(ref, 0); }
      case "html" -> type = ColumnType.HTML;
      case "int" -> type = ColumnType.INT;
      case "decimal" -> { type = ColumnType.DECIMAL; precision = number(ref, 1) == null ? 2 : number(ref, 1); }
      case "money" -> { type = ColumnType.MONEY; precision = 2; }
      case "bool" -> type = ColumnType.BOOL;
      case "date" -> type = ColumnType.DATE;
      case "datetime" -> type = ColumnType.DATETIME;
      case "file" -> type = ColumnType.FILE;
      case "choice", "choices" -> {
        type = t.equals("choice") ? ColumnType.CHOICE : ColumnType.CHOICES;
        options = options(ref.options());
      }
      case "lookup" -> {
        type = ColumnType.LOOKUP;
        List<LookupTarget> named = new ArrayList<>();
        for (TypeArg arg : ref.args()) {
          if (arg instanceof TypeArg.Named n) named.add(new LookupTarget(n.name().last().text(), columnName));
        }
        targets = named;
      }
      default -> {
        unknown(ref, COLUMN_TYPES, "a column", reporter);
        return Optional.empty();
      }
    }
    return Optional.of(new Column(columnName, columnName, type, maxLength, precision, null, null, level, true, true,
        options, targets, true));
  }

  private static List<OptionValue> options(List<ChoiceOption> written) {
    List<OptionValue> out = new ArrayList<>();
    int next = FIRST_OPTION_VALUE;
    for (ChoiceOption o : written) {
      int value = o.value().isPresent() ? (int) o.value().getAsLong() : next;
      next = Math.max(next, value + 1);
      out.add(OptionValue.of(value, o.label()));
    }
    return out;
  }

  private static Integer number(TypeRef ref, int index) {
    List<Long> numbers = ref.args().stream().filter(TypeArg.Number.class::isInstance)
        .map(a -> ((TypeArg.Number) a).value()).toList();
    return index < numbers.size() ? (int) Math.min(Integer.MAX_VALUE, numbers.get(index)) : null;
  }

  private static void unknown(TypeRef ref, List<String> known, String what, Reporter reporter) {
    String help = Reporter.didYouMean(ref.name().text(), known)
        .orElse("the types " + what + " can have: " + String.join(", ", known));
    reporter.report(DiagnosticCode.UNKNOWN_TYPE, ref.name().span(),
        "`" + ref.name().text() + "` is not a type fmap knows", "unknown type", help);
  }
}
