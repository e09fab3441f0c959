package io.fmap.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One value of an option set or Spark picklist.
 *
 * @param value Dataverse option number; null for Spark picklists, whose values are their labels
 * @param label the label (Dataverse user-localized label, Spark value)
 * @param group optional grouping: the Spark pipeline a stage belongs to; for statuscode, the statecode
 * @param color Spark stage colour (reported in the plan as not transferred); else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptionValue(Integer value, String label, String group, String color) {
  public static OptionValue of(int value, String label) { return new OptionValue(value, label, null, null); }
  public static OptionValue label(String label) { return new OptionValue(null, label, null, null); }
}
