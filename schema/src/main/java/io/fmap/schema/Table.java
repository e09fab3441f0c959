package io.fmap.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A Spark object or a Dataverse table.
 *
 * @param name              logical name ({@code account}, {@code Contact})
 * @param displayName       what people call it
 * @param entitySetName     Dataverse Web API collection ({@code accounts}); null for Spark
 * @param primaryIdColumn   {@code accountid} / {@code id}
 * @param primaryNameColumn {@code name}; null where the table has none
 * @param ownership         who owns rows; decides whether a mapping must assign {@code ownerid}
 * @param activity          an activity table (task, email, ...): shares {@code activityid}, has state
 * @param custom            created by the customer (counts against the Professional cap)
 * @param columns           fields/columns
 * @param keys              alternate keys
 */
public record Table(String name, String displayName, String entitySetName, String primaryIdColumn,
                    String primaryNameColumn, Ownership ownership, boolean activity, boolean custom,
                    List<Column> columns, List<AlternateKey> keys) {

  public Table {
    columns = columns == null ? List.of() : List.copyOf(columns);
    keys = keys == null ? List.of() : List.copyOf(keys);
    if (ownership == null) ownership = Ownership.NONE;
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public Table sorted() {
    return new Table(name, displayName, entitySetName, primaryIdColumn, primaryNameColumn, ownership,
        activity, custom,
        columns.stream().map(Column::sorted).sorted(Comparator.comparing(Column::name)).toList(),
        keys.stream().sorted(Comparator.comparing(AlternateKey::name)).toList());
  }
}
