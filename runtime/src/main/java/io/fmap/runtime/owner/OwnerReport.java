package io.fmap.runtime.owner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The owner section of preflight: every Spark owner that owns records, how it resolved, how many
 * records per object it owns, and the blockers (records that would have no owner, a fallback rule
 * that names nobody). Rows come problems first, then by email and id, so the text and JSON are the
 * same for the same data.
 */
public final class OwnerReport {

  /** One Spark owner (or the records without one) and its records. */
  public record Row(OwnerResolution resolution, SortedMap<String, Long> recordsByObject) {
    public long records() {
      return recordsByObject.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static final Comparator<Row> ORDER = Comparator
      .comparing((Row r) -> r.resolution().status() == OwnerStatus.MATCHED)
      .thenComparing(r -> r.resolution().status())
      .thenComparing(r -> r.resolution().email() == null ? "" : r.resolution().email())
      .thenComparing(r -> r.resolution().sourceOwnerId() == null ? "" : r.resolution().sourceOwnerId());

  private final OwnerResolver resolver;
  private final List<Row> rows;

  private OwnerReport(OwnerResolver resolver, List<Row> rows) {
    this.resolver = resolver;
    this.rows = rows;
  }

  /** Collects records' owners, one {@link #count} per record. */
  public static Builder builder(OwnerResolver resolver) {
    return new Builder(resolver);
  }

  /** Counts records per owner; not thread-safe, one per scan of the source. */
  public static final class Builder {
    private final OwnerResolver resolver;
    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private final String noOwner = "\u0000";

    private Builder(OwnerResolver resolver) {
      this.resolver = resolver;
    }

    /** Counts one record of {@code sourceObject} owned by {@code sourceOwnerId} (null or blank: none). */
    public Builder count(String sourceObject, String sourceOwnerId) {
      String id = sourceOwnerId == null || sourceOwnerId.isBlank() ? noOwner : sourceOwnerId.strip();
      counts.computeIfAbsent(id, k -> new TreeMap<>()).merge(sourceObject, 1L, Long::sum);
      return this;
    }

    public OwnerReport build() {
      List<Row> rows = new ArrayList<>();
      counts.forEach((id, byObject) -> rows.add(new Row(
          resolver.resolve(id.equals(noOwner) ? null : id), new TreeMap<>(byObject))));
      rows.sort(ORDER);
      return new OwnerReport(resolver, List.copyOf(rows));
    }
  }

  public List<Row> rows() {
    return rows;
  }

  /**
   * What stops the migration: records that would have no owner, and a fallback rule that resolves
   * to nobody. Empty when the owners are fine.
   */
  public List<String> blockers() {
    List<String> blockers = new ArrayList<>();
    resolver.fallbackProblem().ifPresent(p -> blockers.add("fallback owner " + resolver.fallbackRule().text()
        + " cannot be used: " + p + "; fix the rule in fmap.yaml (user:EMAIL or team:NAME)"));
    long orphans = rows.stream().filter(r -> !r.resolution().resolved()).mapToLong(Row::records).sum();
    if (orphans > 0) {
      blockers.add(orphans + " records would have no owner; create or enable their owners in the target, "
          + "or configure a fallback owner (user:EMAIL or team:NAME)");
    }
    return blockers;
  }

  public boolean hasBlockers() {
    return !blockers().isEmpty();
  }

  private Map<OwnerStatus, long[]> summary() {
    Map<OwnerStatus, long[]> summary = new EnumMap<>(OwnerStatus.class);
    for (OwnerStatus status : OwnerStatus.values()) {
      summary.put(status, new long[2]);
    }
    for (Row row : rows) {
      long[] s = summary.get(row.resolution().status());
      s[0] += row.resolution().sourceOwnerId() == null ? 0 : 1;
      s[1] += row.records();
    }
    return summary;
  }

  /** The report as a reviewer reads it on the terminal. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    long owners = rows.stream().filter(r -> r.resolution().sourceOwnerId() != null).count();
    long records = rows.stream().mapToLong(Row::records).sum();
    out.append("Owners: ").append(owners).append(" Spark owners of ").append(records).append(" records\n");
    summary().forEach((status, s) -> out.append(String.format(java.util.Locale.ROOT, "  %-26s %6d owners %8d records%n",
        status.label(), s[0], s[1])));
    out.append("Fallback owner: ").append(fallbackText()).append('\n');
    List<Row> problems = rows.stream().filter(r -> r.resolution().status() != OwnerStatus.MATCHED).toList();
    if (!problems.isEmpty()) {
      out.append("\nOwners that did not match:\n");
      for (Row row : problems) {
        OwnerResolution r = row.resolution();
        out.append("  ").append(r.status().label()).append(": ").append(ownerText(r))
            .append(" - ").append(r.reason()).append('\n');
        out.append("    ").append(row.records()).append(row.records() == 1 ? " record (" : " records (").append(byObjectText(row)).append(") -> ")
            .append(r.resolved() ? "fallback " + r.owner().describe() : "NO OWNER").append('\n');
        for (TargetUser candidate : r.candidates()) {
          out.append("    target user ").append(candidate.id()).append(' ').append(candidate.email())
              .append(candidate.enabled() ? "" : " (disabled)").append('\n');
        }
      }
    }
    List<OwnerResolver.SharedEmail> shared = resolver.sharedSourceEmails();
    if (!shared.isEmpty()) {
      out.append("\nSpark users sharing an email (their records go to one target user):\n");
      shared.forEach(s -> out.append("  ").append(s.email()).append(": ")
          .append(String.join(", ", s.sourceOwnerIds())).append('\n'));
    }
    List<String> blockers = blockers();
    out.append('\n').append(blockers.isEmpty() ? "Owners: no blocker\n" : "Owners: BLOCKED\n");
    blockers.forEach(b -> out.append("  - ").append(b).append('\n'));
    return out.toString();
  }

  /** The report as JSON, for {@code fmap preflight --json}. */
  public ObjectNode toJson() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ObjectNode fallback = root.putObject("fallback");
    fallback.put("rule", resolver.fallbackRule().text());
    resolver.fallbackOwner().ifPresentOrElse(o -> fallback.set("owner", ownerJson(mapper, o)),
        () -> fallback.putNull("owner"));
    resolver.fallbackProblem().ifPresentOrElse(p -> fallback.put("problem", p), () -> fallback.putNull("problem"));
    ArrayNode summary = root.putArray("summary");
    summary().forEach((status, s) -> summary.addObject().put("status", status.code())
        .put("owners", s[0]).put("records", s[1]));
    ArrayNode owners = root.putArray("owners");
    for (Row row : rows) {
      OwnerResolution r = row.resolution();
      ObjectNode o = owners.addObject();
      o.put("sourceOwnerId", r.sourceOwnerId());
      o.put("name", r.sourceUser() == null ? null : r.sourceUser().name());
      o.put("email", r.email());
      o.put("status", r.status().code());
      o.put("reason", r.reason());
      o.put("records", row.records());
      ObjectNode byObject = o.putObject("recordsByObject");
      row.recordsByObject().forEach(byObject::put);
      o.set("owner", r.owner() == null ? mapper.nullNode() : ownerJson(mapper, r.owner()));
      o.put("byFallback", r.byFallback());
      ArrayNode candidates = o.putArray("candidates");
      r.candidates().forEach(c -> candidates.addObject().put("id", c.id()).put("email", c.email())
          .put("enabled", c.enabled()));
    }
    ArrayNode shared = root.putArray("sharedSourceEmails");
    resolver.sharedSourceEmails().forEach(s -> {
      ObjectNode item = shared.addObject().put("email", s.email());
      s.sourceOwnerIds().forEach(item.putArray("sourceOwnerIds")::add);
    });
    ArrayNode blockers = root.putArray("blockers");
    blockers().forEach(blockers::add);
    return root;
  }

  /** {@link #toJson()} as indented text. */
  public String toJsonText() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson()) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }

  private static ObjectNode ownerJson(ObjectMapper mapper, TargetOwner owner) {
    ObjectNode node = mapper.createObjectNode();
    if (owner instanceof TargetOwner.User user) {
      node.put("type", "user").put("id", user.id()).put("email", user.user().email());
    } else if (owner instanceof TargetOwner.Team team) {
      node.put("type", "team").put("id", team.id()).put("name", team.team().name());
    }
    node.put("bind", owner.odataBind());
    return node;
  }

  private String fallbackText() {
    if (resolver.fallbackRule() instanceof FallbackRule.None) {
      return "none configured";
    }
    return resolver.fallbackOwner().map(o -> o.describe() + " (" + o.id() + ")")
        .orElseGet(() -> resolver.fallbackRule().text() + " - UNUSABLE: " + resolver.fallbackProblem().orElse(""));
  }

  private static String ownerText(OwnerResolution r) {
    if (r.sourceOwnerId() == null) {
      return "(no owner)";
    }
    String name = r.sourceUser() == null || r.sourceUser().name() == null ? "" : " \"" + r.sourceUser().name() + "\"";
    return r.sourceOwnerId() + name + (r.email() == null ? "" : " <" + r.email() + ">");
  }

  private static String byObjectText(Row row) {
    List<String> parts = new ArrayList<>();
    row.recordsByObject().forEach((object, n) -> parts.add(object + " " + n));
    return String.join(", ", parts);
  }
}
