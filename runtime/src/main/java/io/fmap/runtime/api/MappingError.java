package io.fmap.runtime.api;

import java.util.Objects;

/**
 * Why one source record could not be turned into target rows. The record is quarantined with
 * this reason and the run goes on; nothing here is ever a stack trace.
 *
 * @param code     what kind of failure, for counting and filtering
 * @param message  one sentence a migration engineer can act on
 * @param location the {@code .fmap} line whose expression failed; null only when no mapping line
 *                 is to blame (no map routes the record)
 * @param source   the record that failed
 */
public record MappingError(Code code, String message, FmapLocation location, SourceRef source) {

  public MappingError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(source, "source");
  }

  /** The kinds of per-record failure a mapping can produce. */
  public enum Code {
    /** a value could not be parsed or converted (a malformed date, a number in the wrong format) */
    INVALID_VALUE,
    /** a required target value came out null */
    MISSING_VALUE,
    /** a value map has no line for the record's value and no {@code else} */
    UNMAPPED_VALUE,
    /** a {@code ref(...)} points at a record that was not migrated */
    UNRESOLVED_LOOKUP,
    /** {@code owner(...)} found no user and the project's fallback did not apply */
    UNRESOLVED_OWNER,
    /** no map's routing condition matched the record */
    NO_ROUTE,
    /** generated code failed in a way no rule above names; the location says where */
    FAILED
  }

  /** {@code contact.fmap:14: INVALID_VALUE: ... (Contact/42)}, for logs and quarantine reports. */
  public String describe() {
    String where = location == null ? "" : location + ": ";
    return where + code + ": " + message + " (" + source + ")";
  }
}
