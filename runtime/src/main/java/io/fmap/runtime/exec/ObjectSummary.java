package io.fmap.runtime.exec;

/**
 * What a run did with one source object in one target table. Lookup updates of a two-pass load are
 * their own line, with the source object written {@code Company~lookups}.
 *
 * @param read    records read from the source by this process (a resumed run reads again)
 * @param inDoubt writes announced and never answered; zero once a run completed
 */
public record ObjectSummary(String sourceObject, String targetTable, long read, long created, long updated,
    long skipped, long failed, long quarantined, long inDoubt) {

  /** Records the run did not land: failed at the target or set aside before sending. */
  public long notLanded() {
    return failed + quarantined;
  }
}
