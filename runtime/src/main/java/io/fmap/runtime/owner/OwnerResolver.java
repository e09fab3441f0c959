package io.fmap.runtime.owner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches Spark owners to target users by email (trimmed, case-insensitive) and applies the
 * fallback rule to those that do not match. Built once per run from Spark's users and the target's
 * directory; resolving is then a map look-up, safe from several threads.
 */
public final class OwnerResolver {

  /** Several Spark users with one email: their records all go to the same target user. */
  public record SharedEmail(String email, List<String> sourceOwnerIds) {}

  private static final Comparator<TargetUser> BY_ID = Comparator.comparing(TargetUser::id);

  private final Map<String, SourceUser> sourceUsers;
  private final Map<String, List<TargetUser>> targetUsersByEmail;
  private final FallbackRule rule;
  private final TargetOwner fallbackOwner;
  private final String fallbackProblem;
  private final Map<String, OwnerResolution> resolved = new ConcurrentHashMap<>();
  private final Map<String, OwnerResolution> resolvedEmails = new ConcurrentHashMap<>();
  private final String noOwnerKey = "\u0000no owner";

  private OwnerResolver(Map<String, SourceUser> sourceUsers, Map<String, List<TargetUser>> targetUsersByEmail,
      FallbackRule rule, TargetOwner fallbackOwner, String fallbackProblem) {
    this.sourceUsers = sourceUsers;
    this.targetUsersByEmail = targetUsersByEmail;
    this.rule = rule;
    this.fallbackOwner = fallbackOwner;
    this.fallbackProblem = fallbackProblem;
  }

  /** Reads the target's directory once and prepares the matching. */
  public static OwnerResolver create(Collection<SourceUser> sourceUsers, TargetDirectory directory,
      FallbackRule rule) {
    Map<String, SourceUser> byId = new TreeMap<>();
    for (SourceUser user : sourceUsers) {
      byId.putIfAbsent(user.id(), user);
    }
    Map<String, List<TargetUser>> byEmail = new TreeMap<>();
    for (TargetUser user : directory.users()) {
      String email = Emails.normalize(user.email());
      if (email != null) {
        byEmail.computeIfAbsent(email, e -> new ArrayList<>()).add(user);
      }
    }
    byEmail.values().forEach(users -> users.sort(BY_ID));
    TargetOwner fallback = null;
    String problem = null;
    if (rule instanceof FallbackRule.UserByEmail byUser) {
      List<TargetUser> candidates = byEmail.getOrDefault(Emails.normalize(byUser.email()), List.of());
      List<TargetUser> enabled = candidates.stream().filter(TargetUser::enabled).toList();
      if (enabled.size() == 1) {
        fallback = new TargetOwner.User(enabled.get(0));
      } else if (candidates.isEmpty()) {
        problem = "no user of the target has the email " + byUser.email();
      } else if (enabled.isEmpty()) {
        problem = "the target user " + byUser.email() + " is disabled";
      } else {
        problem = enabled.size() + " enabled users of the target share the email " + byUser.email();
      }
    } else if (rule instanceof FallbackRule.TeamByName byTeam) {
      List<TargetTeam> teams = directory.teams().stream()
          .filter(t -> t.name().strip().equalsIgnoreCase(byTeam.name().strip()))
          .sorted(Comparator.comparing(TargetTeam::id)).toList();
      if (teams.size() == 1) {
        fallback = new TargetOwner.Team(teams.get(0));
      } else {
        problem = teams.isEmpty() ? "the target has no team named \"" + byTeam.name() + "\""
            : teams.size() + " teams of the target are named \"" + byTeam.name() + "\"";
      }
    }
    return new OwnerResolver(byId, byEmail, rule, fallback, problem);
  }

  /** Resolves the owner id a record carries (null or blank for a record without one). */
  public OwnerResolution resolve(String sourceOwnerId) {
    String id = sourceOwnerId == null || sourceOwnerId.isBlank() ? null : sourceOwnerId.strip();
    return resolved.computeIfAbsent(id == null ? noOwnerKey : id, k -> match(id));
  }

  /**
   * Resolves an email directly, as a mapping's {@code owner(email)} does; the result names no Spark
   * user. A null or blank email is a missing owner.
   */
  public OwnerResolution resolveEmail(String email) {
    String normalized = Emails.normalize(email);
    return resolvedEmails.computeIfAbsent(normalized == null ? noOwnerKey : normalized, k -> normalized == null
        ? unresolved(null, null, null, OwnerStatus.MISSING_OWNER, List.of(), "the record names no owner email")
        : matchEmail(null, null, normalized));
  }

  private OwnerResolution match(String id) {
    if (id == null) {
      return unresolved(null, null, null, OwnerStatus.MISSING_OWNER, List.of(), "the record names no owner");
    }
    SourceUser user = sourceUsers.get(id);
    if (user == null) {
      return unresolved(id, null, null, OwnerStatus.MISSING_OWNER, List.of(),
          "owner " + id + " is not among Spark's users");
    }
    String email = Emails.normalize(user.email());
    if (email == null) {
      return unresolved(id, user, null, OwnerStatus.MISSING_OWNER, List.of(), "Spark user " + id + " has no email");
    }
    return matchEmail(id, user, email);
  }

  private OwnerResolution matchEmail(String id, SourceUser user, String email) {
    List<TargetUser> candidates = targetUsersByEmail.getOrDefault(email, List.of());
    List<TargetUser> enabled = candidates.stream().filter(TargetUser::enabled).toList();
    if (enabled.size() == 1) {
      return new OwnerResolution(id, user, email, OwnerStatus.MATCHED, candidates,
          new TargetOwner.User(enabled.get(0)), false, null);
    }
    if (candidates.isEmpty()) {
      return unresolved(id, user, email, OwnerStatus.UNMATCHED, candidates, "no user of the target has this email");
    }
    if (enabled.isEmpty()) {
      return unresolved(id, user, email, OwnerStatus.DISABLED_USER, candidates,
          "the target user with this email is disabled");
    }
    return unresolved(id, user, email, OwnerStatus.DUPLICATE_EMAIL, enabled,
        enabled.size() + " enabled users of the target share this email");
  }

  private OwnerResolution unresolved(String id, SourceUser user, String email, OwnerStatus status,
      List<TargetUser> candidates, String reason) {
    return new OwnerResolution(id, user, email, status, candidates, fallbackOwner, fallbackOwner != null, reason);
  }

  public FallbackRule fallbackRule() {
    return rule;
  }

  /** The fallback owner, when a rule is configured and the target has exactly that user or team. */
  public Optional<TargetOwner> fallbackOwner() {
    return Optional.ofNullable(fallbackOwner);
  }

  /** Why the configured fallback cannot be used (a blocker), when it cannot. */
  public Optional<String> fallbackProblem() {
    return Optional.ofNullable(fallbackProblem);
  }

  /** Spark users that share an email with another Spark user, by email. */
  public List<SharedEmail> sharedSourceEmails() {
    Map<String, List<String>> byEmail = new TreeMap<>();
    sourceUsers.values().forEach(u -> {
      String email = Emails.normalize(u.email());
      if (email != null) {
        byEmail.computeIfAbsent(email, e -> new ArrayList<>()).add(u.id());
      }
    });
    return byEmail.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .map(e -> new SharedEmail(e.getKey(), List.copyOf(e.getValue()))).toList();
  }
}
