package io.fmap.compiler.suggest;

/** One line of a draft mapping, with how sure the suggester is (0 to 1) and why. */
public sealed interface Suggestion {
  double confidence();

  String reason();

  /** {@code targetColumn = value} in {@code map sourceObject -> targetTable}. */
  record Assign(String sourceObject, String sourceField, String targetTable, String targetColumn, String value,
                boolean key, double confidence, String reason) implements Suggestion {}

  /**
   * {@code map sourceObject -> targetTable when condition}: the object goes to several tables, this
   * one takes the records {@code condition} (language text: {@code type == "call"}, or {@code otherwise}) selects.
   */
  record Route(String sourceObject, String targetTable, String condition, double confidence, String reason)
      implements Suggestion {}

  /**
   * {@code table dynamics.name { column: type ... }}: a custom table for a Spark custom object that
   * nothing in Dynamics fits; {@code columns} are the declaration's lines, the primary name first.
   */
  record NewTable(String table, java.util.List<String> columns, double confidence, String reason)
      implements Suggestion {
    public NewTable {
      columns = java.util.List.copyOf(columns);
    }
  }

  /** {@code column dynamics.table.name: type}: a column the target needs for a field nothing fits. */
  record NewColumn(String targetTable, String column, String type, double confidence, String reason)
      implements Suggestion {}
}
