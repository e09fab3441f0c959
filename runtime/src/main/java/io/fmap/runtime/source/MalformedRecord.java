package io.fmap.runtime.source;

/**
 * A source record that could not be read, kept for the quarantine report.
 *
 * @param object   the object it belongs to
 * @param location where it is: {@code contacts.jsonl:1234}, or the request that returned it
 * @param reason   what is wrong, in one sentence
 * @param raw      the start of the offending text (at most {@link #RAW_LIMIT} characters)
 */
public record MalformedRecord(String object, String location, String reason, String raw) {
  public static final int RAW_LIMIT = 500;

  public MalformedRecord {
    if (raw != null && raw.length() > RAW_LIMIT) raw = raw.substring(0, RAW_LIMIT);
  }

  @Override
  public String toString() {
    return location + ": " + reason;
  }
}
