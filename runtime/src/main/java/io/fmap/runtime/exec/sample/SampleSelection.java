package io.fmap.runtime.exec.sample;

import io.fmap.runtime.api.SourceRef;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The records a sample migrates: picked by rank for the given seed, then closed under references.
 *
 * @param seed        the seed the ranks came from; the same seed and source give the same selection
 * @param size        how many records were asked for; each object gets its share of it by volume,
 *                    and records taken for references fill their object's share first, so the
 *                    sample exceeds the size only by references beyond those shares
 * @param records     every selected record, sorted
 * @param byRoute     selected records per route ({@code Contact -> Contact->contact+Contact->lead}),
 *                    so a reviewer sees that every route is represented
 * @param referenced  records selected only because a selected record references them
 * @param ownerEmails owner emails the selected records resolve (owners are target users, not loaded)
 */
public record SampleSelection(long seed, int size, SortedSet<SourceRef> records, SortedMap<String, Integer> byRoute,
    SortedSet<SourceRef> referenced, SortedSet<String> ownerEmails) {

  public SampleSelection {
    records = Collections.unmodifiableSortedSet(new TreeSet<>(records));
    byRoute = Collections.unmodifiableSortedMap(new TreeMap<>(byRoute));
    referenced = Collections.unmodifiableSortedSet(new TreeSet<>(referenced));
    ownerEmails = Collections.unmodifiableSortedSet(new TreeSet<>(ownerEmails));
  }

  public boolean contains(SourceRef ref) {
    return records.contains(ref);
  }

  /** One line per route and a total: what the sample spans. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("sample of ").append(records.size()).append(" records (asked ").append(size).append(", ")
        .append(referenced.size()).append(" added for references), seed ").append(seed).append('\n');
    byRoute.forEach((route, n) -> out.append(String.format("  %-48s %6d%n", route, n)));
    return out.toString();
  }
}
