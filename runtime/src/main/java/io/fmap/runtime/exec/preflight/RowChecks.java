package io.fmap.runtime.exec.preflight;

import io.fmap.runtime.api.TargetRow;
import io.fmap.schema.Column;
import io.fmap.schema.ColumnType;
import io.fmap.schema.RequiredLevel;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the target would refuse in a mapped row, checked against the pinned target schema before
 * anything is sent: text longer than the column, a required column left empty, an option value
 * the column does not have.
 */
final class RowChecks {
  private RowChecks() {}

  static List<Finding> check(TargetRow row, SystemSchema schema) {
    List<Finding> findings = new ArrayList<>();
    String record = row.source().toString();
    Optional<Table> table = schema.table(row.table());
    if (table.isEmpty()) {
      findings.add(new Finding("UNKNOWN_TABLE", record, "the target has no table " + row.table()));
      return findings;
    }
    for (Column column : table.get().columns()) {
      boolean present = row.columns().get(column.name()) != null || row.lookups().containsKey(column.name());
      if (column.required() == RequiredLevel.APPLICATION_REQUIRED && !present) {
        findings.add(new Finding("MISSING_REQUIRED", record, row.table() + "." + column.name()
            + " is required and the mapping leaves it empty"));
      }
    }
    row.columns().forEach((name, value) -> {
      Optional<Column> column = table.get().column(name);
      if (column.isEmpty()) {
        findings.add(new Finding("UNKNOWN_COLUMN", record, "the target table " + row.table() + " has no column " + name));
        return;
      }
      Column c = column.get();
      if (value instanceof String text && c.maxLength() != null && text.length() > c.maxLength()) {
        findings.add(new Finding("TOO_LONG", record, row.table() + "." + name + " takes " + c.maxLength()
            + " characters; the value has " + text.length()));
      }
      if (value instanceof Integer option && isChoice(c.type()) && !c.options().isEmpty()
          && c.optionByValue(option).isEmpty()) {
        findings.add(new Finding("UNKNOWN_OPTION", record, row.table() + "." + name + " has no option " + option));
      }
    });
    return findings;
  }

  private static boolean isChoice(ColumnType type) {
    return type == ColumnType.CHOICE || type == ColumnType.STATE || type == ColumnType.STATUS;
  }
}
