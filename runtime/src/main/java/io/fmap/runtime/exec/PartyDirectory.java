package io.fmap.runtime.exec;

import io.fmap.runtime.api.PartyCandidate;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.target.TargetConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Activity parties found by email in the target, for {@code party ... resolve} lines: each table a
 * plan searches is read once (id and email column), the first time an activity asks for it. By then
 * the load order has written that table's migrated rows (the checker orders the objects that map to
 * it before the activities), so contacts and leads of this run are found as well as the org's users.
 *
 * <p>An address two rows of one table share is ambiguous: that table does not resolve it (the search
 * goes on to the next table, else the address stays bare) rather than pick one of them by chance.
 */
final class PartyDirectory {
  private final TargetConnector target;
  private final Map<String, Map<String, Optional<UUID>>> byTable = new ConcurrentHashMap<>();

  PartyDirectory(TargetConnector target) {
    this.target = target;
  }

  Optional<TargetRef> find(String address, List<PartyCandidate> candidates) {
    String email = normalize(address);
    if (email.isEmpty()) return Optional.empty();
    for (PartyCandidate candidate : candidates) {
      Optional<UUID> id = table(candidate).getOrDefault(email, Optional.empty());
      if (id.isPresent()) {
        return Optional.of(new TargetRef(candidate.table(), candidate.navigationProperty(), TargetKey.id(id.get())));
      }
    }
    return Optional.empty();
  }

  private Map<String, Optional<UUID>> table(PartyCandidate candidate) {
    return byTable.computeIfAbsent(candidate.table() + "." + candidate.emailColumn(), k -> read(candidate));
  }

  /** Address → row id; an address on two rows maps to empty (ambiguous). */
  private Map<String, Optional<UUID>> read(PartyCandidate candidate) {
    Map<String, Optional<UUID>> ids = new HashMap<>();
    Set<String> shared = new HashSet<>();
    try {
      target.read(candidate.table(), List.of(candidate.idColumn(), candidate.emailColumn()), null, row -> {
        Object email = row.get(candidate.emailColumn());
        Object id = row.get(candidate.idColumn());
        if (email == null || id == null) return;
        String key = normalize(email.toString());
        if (key.isEmpty()) return;
        if (ids.putIfAbsent(key, Optional.of(UUID.fromString(id.toString()))) != null) shared.add(key);
      });
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + candidate.table() + " to find activity parties by email: "
          + e.getMessage(), e);
    }
    shared.forEach(key -> ids.put(key, Optional.empty()));
    return Map.copyOf(ids);
  }

  private static String normalize(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
