package io.fmap.compiler.check;

import io.fmap.compiler.diag.DiagnosticCode;
import io.fmap.compiler.ir.Type;
import io.fmap.schema.Column;
import java.util.Optional;

/** Schema columns as fmap types, and what a column accepts. */
final class Types {
  /** Long text with no declared bound: Dataverse's own ceiling for multi-line text. */
  static final int LONG_TEXT = 1_048_576;

  private Types() {}

  /** The type of a value read from a column: a source field, or a target column named in a value map. */
  static Type of(String owner, Column c) {
    return switch (c.type()) {
      case TEXT -> new Type.Text(c.maxLength());
      case MEMO -> new Type.Text(c.maxLength() == null ? LONG_TEXT : c.maxLength());
      case HTML -> Type.HTML;
      case INT, BIGINT -> Type.INT;
      case DECIMAL, DOUBLE -> Type.DECIMAL;
      case MONEY -> Type.MONEY;
      case BOOL -> Type.BOOL;
      case DATE -> Type.DATE;
      case DATETIME -> Type.DATETIME;
      case CHOICE, STATE, STATUS -> new Type.Choice(owner, c.options());
      case CHOICES -> new Type.Choices(owner, c.options());
      // A source lookup holds the referenced record's id; ref(...) turns it into a target row.
      case ID, LOOKUP, CUSTOMER, OWNER -> Type.ID;
      case LOOKUP_LIST -> new Type.ListOf(Type.ID);
      case TEXT_LIST -> new Type.ListOf(Type.TEXT);
      case FILE -> Type.FILE;
      case OTHER -> Type.UNKNOWN;
    };
  }

  /**
   * Why a value of type {@code value} does not fit {@code column}, if it does not.
   * Literals, {@code ref} targets and value-map ownership are checked by the caller, which knows the
   * expression; this is the rule by type alone.
   */
  record Misfit(DiagnosticCode code, String message, String label) {}

  static Optional<Misfit> misfit(Type value, Column column, String columnOwner) {
    if (value instanceof Type.Null || value instanceof Type.Unknown) return Optional.empty();
    String col = "`" + column.name() + "`";
    String is = " is " + value.describe();
    return switch (column.type()) {
      case TEXT, MEMO, HTML -> text(value, column, col);
      case INT, BIGINT -> value instanceof Type.Int ? none()
          : value instanceof Type.Decimal || value instanceof Type.Money
              ? misfit(DiagnosticCode.LOSSY_NUMBER, col + " holds whole numbers; the fraction of this decimal is lost",
                  "decimal")
              : parseOrMismatch(value, col, "a whole number");
      case DECIMAL, DOUBLE, MONEY -> value.isNumeric() ? none() : parseOrMismatch(value, col, "a number");
      case BOOL -> value instanceof Type.Bool ? none()
          : misfit(value.isTextual() || value instanceof Type.Choice ? DiagnosticCode.NEEDS_PARSE
              : DiagnosticCode.TYPE_MISMATCH, col + " is yes/no, but the value" + is, value.describe());
      case DATE -> value instanceof Type.Date ? none()
          : value instanceof Type.DateTime
              ? misfit(DiagnosticCode.TIME_DROPPED, col + " holds a date only; the time of day is dropped", "datetime")
              : parseOrMismatch(value, col, "a date");
      case DATETIME -> value instanceof Type.DateTime || value instanceof Type.Date ? none()
          : parseOrMismatch(value, col, "a date and time");
      case CHOICE, STATE, STATUS -> value instanceof Type.Choice c && c.owner().equals(columnOwner) ? none()
          : misfit(DiagnosticCode.CHOICE_NEEDS_VALUE_MAP,
              col + " takes one of its options, but the value" + is, value.describe());
      case CHOICES -> value instanceof Type.Choices c && c.owner().equals(columnOwner) ? none()
          : misfit(DiagnosticCode.CHOICE_NEEDS_VALUE_MAP,
              col + " takes options of its own set, but the value" + is, value.describe());
      case LOOKUP, CUSTOMER -> value instanceof Type.Lookup ? none()
          : misfit(DiagnosticCode.LOOKUP_NEEDS_REF, col + " is a lookup, but the value" + is, value.describe());
      case OWNER -> value instanceof Type.Owner
          || value instanceof Type.Lookup l && l.tables().stream().allMatch(t -> t.equals("systemuser") || t.equals("team"))
          ? none()
          : misfit(DiagnosticCode.OWNER_NEEDS_OWNER, col + " is the row's owner, but the value" + is, value.describe());
      case ID -> value instanceof Type.Id || value instanceof Type.Text ? none() : mismatch(value, col, "an id");
      case FILE -> value instanceof Type.File ? none() : mismatch(value, col, "a file");
      case LOOKUP_LIST, TEXT_LIST -> mismatch(value, col, "a list");
      case OTHER -> none();
    };
  }

  private static Optional<Misfit> text(Type value, Column column, String col) {
    if (value instanceof Type.Text t) {
      if (column.maxLength() != null && t.maxLength() != null && t.maxLength() > column.maxLength()) {
        return misfit(DiagnosticCode.TEXT_TOO_LONG, "text of up to " + t.maxLength() + " characters into " + col
            + ", which holds " + column.maxLength(), "up to " + t.maxLength() + " characters");
      }
      return none();
    }
    if (value instanceof Type.Html) {
      return column.type() == io.fmap.schema.ColumnType.TEXT
          ? misfit(DiagnosticCode.TYPE_MISMATCH, col + " is plain text, but the value is html", "html")
          : none();
    }
    // Numbers, dates, ids, yes/no and picklist labels all have one canonical text form.
    if (value.isNumeric() || value.isTextual() || value instanceof Type.Bool || value instanceof Type.Date
        || value instanceof Type.DateTime || value instanceof Type.Choice) {
      return none();
    }
    // A file body goes into a multi-line column as base64 (annotation.documentbody).
    if (value instanceof Type.File && column.type() != io.fmap.schema.ColumnType.TEXT) return none();
    return mismatch(value, col, "text");
  }

  private static Optional<Misfit> parseOrMismatch(Type value, String col, String what) {
    if (value.isTextual() || value instanceof Type.Choice) {
      return misfit(DiagnosticCode.NEEDS_PARSE, col + " holds " + what + ", but the value is " + value.describe(),
          value.describe());
    }
    return mismatch(value, col, what);
  }

  private static Optional<Misfit> mismatch(Type value, String col, String what) {
    return misfit(DiagnosticCode.TYPE_MISMATCH, col + " holds " + what + ", but the value is " + value.describe(),
        value.describe());
  }

  private static Optional<Misfit> misfit(DiagnosticCode code, String message, String label) {
    return Optional.of(new Misfit(code, message, label));
  }

  private static Optional<Misfit> none() {
    return Optional.empty();
  }
}
