package io.fmap.compiler.check;

import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code fmap.yaml} tells the checker.
 *
 * @param params          param values by name, as written (typed against the param's declaration)
 * @param publisherPrefix the solution publisher's customization prefix new columns and tables must carry
 * @param customTableCap  custom tables the Dynamics 365 edition allows; empty for no limit (Enterprise)
 */
public record ProjectConfig(SortedMap<String, String> params, String publisherPrefix, OptionalInt customTableCap) {
  /** fmap's own publisher: the columns the migration adds ({@code fmap_sourceid}) carry its prefix. */
  public static final String DEFAULT_PREFIX = "fmap";
  /** Sales Professional allows 15 custom tables; Enterprise has no cap. */
  public static final int PROFESSIONAL_CAP = 15;

  public ProjectConfig {
    params = new TreeMap<>(params);
  }

  public static ProjectConfig defaults() {
    return new ProjectConfig(new TreeMap<>(), DEFAULT_PREFIX, OptionalInt.of(PROFESSIONAL_CAP));
  }

  public ProjectConfig withParams(Map<String, String> values) {
    return new ProjectConfig(new TreeMap<>(values), publisherPrefix, customTableCap);
  }
}
