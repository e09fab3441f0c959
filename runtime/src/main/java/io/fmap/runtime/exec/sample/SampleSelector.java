package io.fmap.runtime.exec.sample;

import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.LoadTier;
import io.fmap.runtime.api.MapTransform;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.SourceRouter;
import io.fmap.runtime.source.SourceConnector;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Picks a representative slice of the source for {@code fmap sample}.
 *
 * <p>Objects are visited in reverse load order: a later tier only references earlier tiers, so when
 * an object is read, every record that later objects need from it is already known and is taken
 * along. Within an object, each record gets a rank from the seed and its id; the object's share of
 * the size (at least one per route) goes to the lowest ranks, the best-ranked record of every route
 * first. Self-references (a company's parent company) are closed by re-reading the object, a
 * bounded number of times. Memory holds the object's share of candidates, never the whole object.
 */
public final class SampleSelector {
  public static final int DEFAULT_SIZE = 300;
  /** A parent chain longer than this is cut: the sample stays a sample, the load reports the rest. */
  static final int MAX_SELF_REFERENCE_PASSES = 16;

  private final CompiledPlan plan;
  private final SourceConnector source;
  private final Clock clock;

  public SampleSelector(CompiledPlan plan, SourceConnector source, Clock clock) {
    this.plan = plan;
    this.source = source;
    this.clock = clock;
  }

  private record Candidate(SourceRef ref, String route, long rank, Set<SourceRef> references, Set<String> owners) {}

  public SampleSelection select(int size, long seed) {
    if (size < 1) throw new IllegalArgumentException("a sample needs at least one record, not " + size);
    List<String> objects = new ArrayList<>();
    for (LoadTier tier : plan.tiers()) objects.addAll(tier.sourceObjects());
    Map<String, Long> counts = new TreeMap<>();
    objects.forEach(o -> counts.put(o, source.count(o, null)));
    long total = Math.max(1, counts.values().stream().mapToLong(Long::longValue).sum());

    TreeSet<SourceRef> required = new TreeSet<>();
    TreeMap<SourceRef, Candidate> chosen = new TreeMap<>();
    TreeSet<SourceRef> referenced = new TreeSet<>();
    for (String object : reversed(objects)) {
      int share = (int) Math.max(1, Math.round((double) size * counts.get(object) / total));
      pickFrom(object, share, seed, required, chosen, referenced);
    }
    SortedMap<String, Integer> byRoute = new TreeMap<>();
    chosen.values().forEach(c -> byRoute.merge(c.ref().object() + " -> " + c.route(), 1, Integer::sum));
    TreeSet<String> owners = new TreeSet<>();
    chosen.values().forEach(c -> owners.addAll(c.owners()));
    return new SampleSelection(seed, size, chosen.navigableKeySet(), byRoute, referenced, owners);
  }

  private void pickFrom(String object, int share, long seed, TreeSet<SourceRef> required,
      TreeMap<SourceRef, Candidate> chosen, TreeSet<SourceRef> referenced) {
    Comparator<Candidate> worstFirst = Comparator.comparingLong(Candidate::rank).reversed();
    Map<String, PriorityQueue<Candidate>> bestByRoute = new TreeMap<>();
    forEachCandidate(object, seed, c -> {
      if (required.contains(c.ref())) {
        take(c, chosen, required, referenced, true);
        return;
      }
      PriorityQueue<Candidate> best = bestByRoute.computeIfAbsent(c.route(), r -> new PriorityQueue<>(worstFirst));
      best.add(c);
      if (best.size() > share) best.poll();
    });
    List<Candidate> ranked = new ArrayList<>();
    for (PriorityQueue<Candidate> best : bestByRoute.values()) {
      List<Candidate> route = best.stream().sorted(Comparator.comparingLong(Candidate::rank)).toList();
      take(route.get(0), chosen, required, referenced, false); // every route is represented
      ranked.addAll(route.subList(1, route.size()));
    }
    ranked.sort(Comparator.comparingLong(Candidate::rank).thenComparing(Candidate::ref));
    long taken = chosen.keySet().stream().filter(r -> r.object().equals(object)).count();
    for (int i = 0; i < ranked.size() && taken < share; i++, taken++) {
      take(ranked.get(i), chosen, required, referenced, false);
    }
    // Records of this object that chosen records of this object reference (a parent company).
    for (int pass = 0; pass < MAX_SELF_REFERENCE_PASSES && missing(object, required, chosen); pass++) {
      forEachCandidate(object, seed, c -> {
        if (required.contains(c.ref()) && !chosen.containsKey(c.ref())) take(c, chosen, required, referenced, true);
      });
    }
  }

  private static List<String> reversed(List<String> objects) {
    List<String> copy = new ArrayList<>(objects);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static boolean missing(String object, Set<SourceRef> required, Map<SourceRef, Candidate> chosen) {
    return required.stream().anyMatch(r -> r.object().equals(object) && !chosen.containsKey(r));
  }

  private static void take(Candidate c, TreeMap<SourceRef, Candidate> chosen, Set<SourceRef> required,
      Set<SourceRef> referenced, boolean forReference) {
    if (chosen.putIfAbsent(c.ref(), c) != null) return;
    if (forReference) referenced.add(c.ref());
    required.addAll(c.references());
  }

  private void forEachCandidate(String object, long seed, java.util.function.Consumer<Candidate> sink) {
    SourceRouter router = plan.router(object).orElse(null);
    if (router == null) return;
    try (Stream<SourceRecord> records = source.records(object, null, bad -> { })) {
      records.forEach(record -> sink.accept(candidate(router, record, seed)));
    }
  }

  private Candidate candidate(SourceRouter router, SourceRecord record, long seed) {
    ReferenceRecorder recorder = new ReferenceRecorder(plan.params(), clock);
    String route;
    try {
      List<MapTransform> maps = router.route(record, recorder);
      route = maps.isEmpty() ? "(no route)" : maps.stream().map(MapTransform::id).collect(Collectors.joining("+"));
      for (MapTransform map : maps) {
        try {
          map.apply(record, recorder);
        } catch (RuntimeException badData) {
          // The record is still sampled: a reviewer should see the records the load would quarantine.
        }
      }
    } catch (RuntimeException routingFailed) {
      route = "(routing fails)";
    }
    SourceRef ref = SourceRef.of(record);
    return new Candidate(ref, route, rank(seed, ref), Set.copyOf(recorder.references()),
        Set.copyOf(recorder.ownerEmails()));
  }

  /** A well-mixed 64-bit rank of a record for a seed (FNV-1a over the ref, then a murmur finaliser). */
  static long rank(long seed, SourceRef ref) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (byte b : ref.toString().getBytes(StandardCharsets.UTF_8)) {
      h ^= b;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93fe1ca8cabL;
    h ^= h >>> 33;
    return h;
  }
}
