package io.fmap.runtime.exec;

import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.owner.OwnerResolution;
import io.fmap.runtime.owner.OwnerResolver;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.owner.TargetOwner;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Owners as generated code asks for them ({@code owner(email)}): the email names a Spark user, the
 * {@link OwnerResolver} matches that user against the target's users and applies the project's
 * fallback rule. An email no Spark user has gets the fallback too (the same rule as an owner id
 * Spark does not know).
 */
public final class Owners {
  /** Dataverse binds an owner through {@code ownerid} whether it is a user or a team. */
  static final String NAVIGATION = "ownerid";

  private final OwnerResolver resolver;
  private final Map<String, String> sourceUserIdByEmail = new TreeMap<>();

  public Owners(OwnerResolver resolver, Collection<SourceUser> sourceUsers) {
    this.resolver = resolver;
    // Sorted by id, first wins: Spark users sharing an email resolve alike, so any of them will do.
    sourceUsers.stream().sorted(java.util.Comparator.comparing(SourceUser::id)).forEach(user -> {
      String email = normalize(user.email());
      if (email != null) sourceUserIdByEmail.putIfAbsent(email, user.id());
    });
  }

  public Optional<TargetRef> byEmail(String email) {
    String normalized = normalize(email);
    String sourceUserId = normalized == null ? null : sourceUserIdByEmail.get(normalized);
    if (sourceUserId == null) return fallback();
    OwnerResolution resolution = resolver.resolve(sourceUserId);
    return Optional.ofNullable(resolution.owner()).map(Owners::ref);
  }

  /** The fallback owner, for rows whose map assigns none although the table is owned. */
  Optional<TargetRef> fallback() {
    return resolver.fallbackOwner().map(Owners::ref);
  }

  static TargetRef ref(TargetOwner owner) {
    String table = owner instanceof TargetOwner.Team ? "team" : "systemuser";
    return new TargetRef(table, NAVIGATION, TargetKey.id(UUID.fromString(owner.id())));
  }

  private static String normalize(String email) {
    return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
  }
}
