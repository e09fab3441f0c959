package io.fmap.compiler.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fmap.schema.SystemSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code fmap.lock}: what a person approved with {@code fmap plan --approve}. It pins the hash of
 * the plan text and of both schemas the plan was checked against, plus one hash per plan section,
 * so that a refused run can say what changed ("map Contact_to_lead", "schema dynamics"), not only
 * that something did.
 *
 * @param planHash the plan's hash ({@code sha256:...}), also {@code CompiledPlan.hash()}
 * @param sections section name → hash, sorted by name; includes {@code schema spark} and {@code schema dynamics}
 */
public record PlanLock(int format, String planHash, SortedMap<String, String> sections) {

  public static final String FILE_NAME = "fmap.lock";

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  public PlanLock {
    Objects.requireNonNull(planHash, "planHash");
    sections = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(sections));
  }

  /** The lock for a plan as it is now. */
  public static PlanLock of(PlanDocument plan, String planText, SystemSchema source, SystemSchema target) {
    SortedMap<String, String> sections = new TreeMap<>();
    sections.put("params", hashOf(plan.params()));
    sections.put("schema changes", hashOf(plan.schemaChanges()));
    sections.put("load order", hashOf(List.of(plan.tiers(), plan.edges())));
    sections.put("warnings", hashOf(plan.warnings()));
    plan.maps().forEach(m -> sections.put("map " + m.name(), hashOf(m)));
    plan.valueMaps().forEach(v -> sections.put("value map " + v.name(), hashOf(v)));
    sections.put("schema " + source.system(), hashOf(source.sorted()));
    sections.put("schema " + target.system(), hashOf(target.sorted()));
    // The plan hash covers the schemas too: a changed column length is a changed plan even when no line moved.
    String planHash = sha256(planText + "\n" + sections.get("schema " + source.system())
        + "\n" + sections.get("schema " + target.system()));
    return new PlanLock(PlanDocument.FORMAT, planHash, sections);
  }

  /** What differs from an approved lock, as section names; empty when the plan is the approved one. */
  public List<String> changesSince(PlanLock approved) {
    List<String> changed = new ArrayList<>();
    if (approved.format != format) changed.add("plan format " + approved.format + " -> " + format);
    TreeMap<String, String> all = new TreeMap<>(approved.sections);
    sections.forEach(all::putIfAbsent);
    for (String name : all.keySet()) {
      String before = approved.sections.get(name);
      String now = sections.get(name);
      if (before == null) {
        changed.add(name + " (new)");
      } else if (now == null) {
        changed.add(name + " (removed)");
      } else if (!before.equals(now)) {
        changed.add(name);
      }
    }
    if (changed.isEmpty() && !approved.planHash.equals(planHash)) changed.add("plan text");
    return changed;
  }

  /** The file's text: one {@code key value} per line, sections sorted; stable for diffs. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("# fmap.lock: the approved plan. Written by `fmap plan --approve`; commit it with the mappings.\n");
    out.append("format ").append(format).append('\n');
    out.append("plan ").append(planHash).append('\n');
    sections.forEach((name, hash) -> out.append("section ").append(hash).append(' ').append(name).append('\n'));
    return out.toString();
  }

  /**
   * Reads a lock file.
   *
   * @throws IllegalArgumentException with the line that is wrong, when the file was edited by hand or damaged
   */
  public static PlanLock parse(String text) {
    Integer format = null;
    String plan = null;
    SortedMap<String, String> sections = new TreeMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] parts = line.split(" ", 3);
      try {
        switch (parts[0]) {
          case "format" -> format = Integer.parseInt(parts[1]);
          case "plan" -> plan = parts[1];
          case "section" -> sections.put(parts[2], parts[1]);
          default -> throw new IllegalArgumentException("unknown entry");
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(FILE_NAME + ":" + (i + 1) + ": cannot read `" + line
            + "`; run fmap plan --approve again to rewrite the file");
      }
    }
    if (format == null || plan == null) {
      throw new IllegalArgumentException(FILE_NAME + " has no format or plan line; run fmap plan --approve again");
    }
    return new PlanLock(format, plan, sections);
  }

  static String hashOf(Object value) {
    try {
      return sha256(CANONICAL.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plan sections and schemas are plain records and always serialize", e);
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return "sha256:" + HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
