package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.fmap.schema.Column;
import io.fmap.schema.OptionValue;
import io.fmap.schema.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Checks one JSON value against its column and returns it in the form the store keeps. */
final class ColumnValues {
  static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private ColumnValues() {}

  static JsonNode convert(Table table, Column column, JsonNode value) {
    if (value == null || value.isNull()) return NullNode.getInstance();
    return switch (column.type()) {
      case TEXT, MEMO, HTML -> text(table, column, value);
      case INT, BIGINT -> integer(table, column, value);
      case DECIMAL, DOUBLE, MONEY -> decimal(table, column, value);
      case BOOL -> {
        if (!value.isBoolean()) throw wrongType(value, "Edm.Boolean");
        yield value;
      }
      case DATE -> TextNode.valueOf(date(value).toString());
      case DATETIME -> TextNode.valueOf(INSTANT.format(dateTime(value)));
      case CHOICE, STATE, STATUS -> option(table, column, value);
      case CHOICES -> choices(table, column, value);
      case ID -> TextNode.valueOf(guid(value).toString());
      case LOOKUP, CUSTOMER, OWNER, LOOKUP_LIST, FILE -> throw DataverseError.invalidProperty(column.name(), table.name());
      case TEXT_LIST, OTHER -> value;
    };
  }

  private static JsonNode text(Table table, Column column, JsonNode value) {
    if (!value.isTextual()) throw wrongType(value, "Edm.String");
    String s = value.asText();
    if (column.maxLength() != null && s.length() > column.maxLength()) {
      throw DataverseError.validation("The length of the '" + column.name() + "' attribute of the '" + table.name()
          + "' entity exceeded the maximum allowed length of '" + column.maxLength() + "'.");
    }
    return value;
  }

  private static JsonNode integer(Table table, Column column, JsonNode value) {
    if (!value.isIntegralNumber()) throw wrongType(value, column.type() == io.fmap.schema.ColumnType.BIGINT ? "Edm.Int64" : "Edm.Int32");
    long v = value.asLong();
    range(table, column, v);
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? IntNode.valueOf((int) v) : LongNode.valueOf(v);
  }

  private static JsonNode decimal(Table table, Column column, JsonNode value) {
    if (!value.isNumber()) throw wrongType(value, "Edm.Decimal");
    BigDecimal v = value.decimalValue();
    range(table, column, v.doubleValue());
    return DecimalNode.valueOf(v);
  }

  private static void range(Table table, Column column, double v) {
    if ((column.minValue() != null && v < column.minValue()) || (column.maxValue() != null && v > column.maxValue())) {
      throw DataverseError.validation("The value " + new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString()
          + " of '" + column.name() + "' on record of type '" + table.name() + "' is outside the valid range. Accepted Values: "
          + bound(column.minValue()) + " to " + bound(column.maxValue()) + ".");
    }
  }

  private static String bound(Double d) {
    return d == null ? "unbounded" : new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  private static JsonNode option(Table table, Column column, JsonNode value) {
    if (!value.isIntegralNumber()) throw wrongType(value, "Edm.Int32");
    int v = value.asInt();
    if (column.optionByValue(v).isEmpty()) throw outOfRange(table, column, String.valueOf(v));
    return IntNode.valueOf(v);
  }

  private static JsonNode choices(Table table, Column column, JsonNode value) {
    if (!value.isTextual()) throw wrongType(value, "Edm.String");
    StringBuilder out = new StringBuilder();
    for (String part : value.asText().split(",")) {
      String p = part.trim();
      if (p.isEmpty()) continue;
      int v;
      try {
        v = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw outOfRange(table, column, p);
      }
      if (column.optionByValue(v).isEmpty()) throw outOfRange(table, column, p);
      if (out.length() > 0) out.append(',');
      out.append(v);
    }
    return TextNode.valueOf(out.toString());
  }

  static DataverseError outOfRange(Table table, Column column, String value) {
    StringBuilder accepted = new StringBuilder();
    for (OptionValue o : column.options()) {
      if (accepted.length() > 0) accepted.append(',');
      accepted.append(o.value());
    }
    return DataverseError.badRequest(DataverseError.PICKLIST_OUT_OF_RANGE, "A validation error occurred. The value "
        + value + " of '" + column.name() + "' on record of type '" + table.name()
        + "' is outside the valid range. Accepted Values: " + accepted);
  }

  static DataverseError wrongType(JsonNode value, String edmType) {
    String kind = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
    return DataverseError.badRequest(DataverseError.ODATA, "Cannot convert the literal " + kind
        + " to the expected type '" + edmType + "'.");
  }

  static UUID guid(JsonNode value) {
    try {
      if (!value.isTextual() || value.asText().length() != 36) throw new IllegalArgumentException();
      return UUID.fromString(value.asText());
    } catch (IllegalArgumentException e) {
      throw wrongType(value, "Edm.Guid");
    }
  }

  static LocalDate date(JsonNode value) {
    if (!value.isTextual()) throw wrongType(value, "Edm.Date");
    String s = value.asText();
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw wrongType(value, "Edm.Date");
    }
  }

  static Instant dateTime(JsonNode value) {
    if (!value.isTextual()) throw wrongType(value, "Edm.DateTimeOffset");
    String s = value.asText();
    try {
      if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      return OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      throw wrongType(value, "Edm.DateTimeOffset");
    }
  }

  static String now(Instant instant) { return INSTANT.format(instant); }
}
