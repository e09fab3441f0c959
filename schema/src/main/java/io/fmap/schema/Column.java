package io.fmap.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A field (Spark) or column (Dataverse).
 *
 * @param name           logical name, case-sensitive
 * @param displayName    label people see
 * @param type           the value's type
 * @param maxLength      characters, for TEXT / MEMO / HTML (null: unbounded)
 * @param precision      digits after the point for DECIMAL / MONEY (Dataverse "Precision"), else null
 * @param minValue       lowest accepted number, else null
 * @param maxValue       highest accepted number, else null
 * @param required       Dataverse RequiredLevel; Spark fields are NONE
 * @param validForCreate may be set on create
 * @param validForUpdate may be set on update
 * @param options        option set values for CHOICE / CHOICES / STATE / STATUS, else empty
 * @param targets        lookup targets for LOOKUP / OWNER / CUSTOMER / LOOKUP_LIST, else empty
 * @param custom         created by the customer
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Column(String name, String displayName, ColumnType type, Integer maxLength, Integer precision,
                     Double minValue, Double maxValue, RequiredLevel required, boolean validForCreate,
                     boolean validForUpdate, List<OptionValue> options, List<LookupTarget> targets,
                     boolean custom) {

  public Column {
    options = options == null ? List.of() : List.copyOf(options);
    targets = targets == null ? List.of() : List.copyOf(targets);
    if (required == null) required = RequiredLevel.NONE;
  }

  /** A plain column: not required, valid for create and update, no options or targets. */
  public static Column of(String name, ColumnType type) {
    return new Column(name, name, type, null, null, null, null, RequiredLevel.NONE, true, true,
        List.of(), List.of(), false);
  }

  public Optional<OptionValue> optionByLabel(String label) {
    return options.stream().filter(o -> o.label().equals(label)).findFirst();
  }

  public Optional<OptionValue> optionByValue(int value) {
    return options.stream().filter(o -> o.value() != null && o.value() == value).findFirst();
  }

  public Optional<LookupTarget> target(String table) {
    return targets.stream().filter(t -> t.table().equals(table)).findFirst();
  }

  public Column sorted() {
    // Option order carries meaning (pipeline stage order, Dataverse display order): kept as given.
    return new Column(name, displayName, type, maxLength, precision, minValue, maxValue, required,
        validForCreate, validForUpdate, options,
        targets.stream().sorted(Comparator.comparing(LookupTarget::table)).toList(), custom);
  }
}
