package io.fmap.runtime.exec.preflight;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.owner.OwnerReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code fmap preflight} found, in a stable order: volumes and the estimated duration, the
 * custom-table count against the cap, the owner report, and the records that would not land,
 * grouped by what is wrong (commonest first) with a few examples each.
 *
 * <p>Blockers (the verb exits 1 and {@code fmap migrate} refuses): a record that would have no
 * owner, an unusable fallback owner, more custom tables than the cap. Record findings are warnings:
 * those records would be quarantined or fail, the rest would load ({@code --accept-warnings}).
 */
public record PreflightReport(SortedMap<String, Long> volumes, Duration estimated, double recordsPerSecond,
    int customTables, int customTableCap, OwnerReport owners, List<Group> findings, List<String> parentCycles) {

  /** The records that share a problem. */
  public record Group(String code, long count, List<Finding> examples) {}

  public PreflightReport {
    volumes = new TreeMap<>(volumes);
    findings = List.copyOf(findings);
    parentCycles = List.copyOf(parentCycles);
  }

  public List<String> blockers() {
    List<String> blockers = new ArrayList<>(owners.blockers());
    if (customTables > customTableCap) {
      blockers.add("the target would have " + customTables + " custom tables; the licence allows " + customTableCap);
    }
    return blockers;
  }

  public boolean hasBlockers() {
    return !blockers().isEmpty();
  }

  public long records() {
    return volumes.values().stream().mapToLong(Long::longValue).sum();
  }

  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Volume\n");
    volumes.forEach((object, n) -> out.append(String.format("  %-24s %10d%n", object, n)));
    out.append(String.format("  %-24s %10d  (about %s at %.0f records/s)%n", "total", records(),
        human(estimated), recordsPerSecond));
    out.append("\nCustom tables: ").append(customTables).append(" of ").append(customTableCap).append('\n');
    out.append("\nOwners\n").append(owners.toText().indent(2));
    out.append("\nRecords that would not land");
    if (findings.isEmpty() && parentCycles.isEmpty()) out.append(": none");
    out.append('\n');
    for (Group group : findings) {
      out.append(String.format("  %d x %s%n", group.count(), group.code()));
      group.examples().forEach(f -> out.append("      ").append(f.record()).append(": ").append(f.message()).append('\n'));
    }
    parentCycles.forEach(c -> out.append("  parent loop ").append(c).append('\n'));
    List<String> blockers = blockers();
    out.append('\n').append(blockers.isEmpty() ? "No blockers." : "BLOCKED:").append('\n');
    blockers.forEach(b -> out.append("  - ").append(b).append('\n'));
    return out.toString();
  }

  public ObjectNode toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    ObjectNode root = mapper.createObjectNode();
    ObjectNode volume = root.putObject("volumes");
    volumes.forEach(volume::put);
    root.put("records", records());
    root.put("estimatedSeconds", estimated.toSeconds());
    root.put("recordsPerSecond", recordsPerSecond);
    root.putObject("customTables").put("count", customTables).put("cap", customTableCap);
    root.set("owners", owners.toJson());
    ArrayNode groups = root.putArray("findings");
    for (Group group : findings) {
      ObjectNode g = groups.addObject().put("code", group.code()).put("count", group.count());
      ArrayNode examples = g.putArray("examples");
      group.examples().forEach(f -> examples.addObject().put("record", f.record()).put("message", f.message()));
    }
    ArrayNode cycles = root.putArray("parentCycles");
    parentCycles.forEach(cycles::add);
    ArrayNode blocked = root.putArray("blockers");
    blockers().forEach(blocked::add);
    return root;
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
  }
}
