package io.fmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.compiler.CheckResult;
import io.fmap.compiler.Compiler;
import io.fmap.compiler.ProjectLoader;
import io.fmap.compiler.ir.MappedFields;
import io.fmap.schema.SchemaDrift;
import io.fmap.schema.SchemaSnapshots;
import io.fmap.schema.SystemSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code schema pull} says about a fresh snapshot: the drift from the one it replaces, with
 * the changes that touch what the project's mappings read (source) or write (target) first and
 * marked, because those are the ones that can break the next run.
 *
 * @param previous whether there was a snapshot to compare with
 * @param mapped   the project's mapped fields, or empty when its mappings do not check (nothing is matched then)
 */
record SchemaDriftReport(boolean previous, SchemaDrift drift, Optional<MappedFields> mapped, boolean source) {
  /** Unmapped drift lines shown in text before "... N more"; mapped drift is never cut. */
  static final int OTHER_LINES = 20;

  /**
   * Compares {@code pulled} with the snapshot at {@code file} (before it is overwritten) and finds the
   * mapped fields by checking the project {@code file} belongs to against the snapshots as they were.
   */
  static SchemaDriftReport before(Path file, SystemSchema pulled, boolean source) throws IOException {
    if (!Files.isRegularFile(file)) return new SchemaDriftReport(false, new SchemaDrift(List.of()), Optional.empty(), source);
    SchemaDrift drift = SchemaDrift.between(SchemaSnapshots.read(file), pulled);
    Optional<MappedFields> mapped;
    try {
      CheckResult checked = Compiler.check(ProjectLoader.load(ProjectLoader.findRoot(file)));
      mapped = checked.program().map(MappedFields::of);
    } catch (IOException | RuntimeException unreadable) {
      mapped = Optional.empty(); // the snapshot is still worth pulling; the text says nothing is marked
    }
    return new SchemaDriftReport(true, drift, mapped, source);
  }

  boolean touches(SchemaDrift.Change change) {
    return mapped.map(m -> m.touches(change, source)).orElse(false);
  }

  List<SchemaDrift.Change> touching() { return drift.changes().stream().filter(this::touches).toList(); }

  /** The lines after "pulled ...": nothing to say, or the drift with mapped changes first. */
  String text() {
    if (!previous) return "no previous snapshot to compare with\n";
    if (drift.empty()) return "no drift since the previous snapshot\n";
    List<SchemaDrift.Change> hit = touching();
    List<SchemaDrift.Change> other = drift.changes().stream().filter(c -> !touches(c)).toList();
    StringBuilder out = new StringBuilder("drift since the previous snapshot: " + drift.changes().size() + " change"
        + (drift.changes().size() == 1 ? "" : "s") + ", " + hit.size() + " touching fields the mappings "
        + (source ? "read" : "write") + "\n");
    hit.forEach(c -> out.append("  ! ").append(c.describe()).append('\n'));
    other.stream().limit(OTHER_LINES).forEach(c -> out.append("    ").append(c.describe()).append('\n'));
    if (other.size() > OTHER_LINES) out.append("    ... ").append(other.size() - OTHER_LINES).append(" more; --json lists all\n");
    if (mapped.isEmpty()) {
      out.append("the project's mappings do not check against the previous snapshot, so none is marked;"
          + " run `fmap check`\n");
    } else if (!hit.isEmpty()) {
      out.append("run `fmap check` to see what the marked drift breaks\n");
    }
    return out.toString();
  }

  /** Prints {@code pulled} and the drift; the exit code is FINDINGS when drift touches the mappings. */
  int print(java.io.PrintWriter out, boolean asJson, String pulled) throws IOException {
    if (asJson) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode node = json(mapper);
      node.put("pulled", pulled);
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    } else {
      out.println(pulled);
      out.print(text());
    }
    return touching().isEmpty() ? Fmap.OK : Fmap.FINDINGS;
  }

  ObjectNode json(ObjectMapper mapper) {
    ObjectNode node = mapper.createObjectNode();
    node.put("previous", previous);
    node.put("mappingsChecked", mapped.isPresent());
    ArrayNode changes = node.putArray("drift");
    for (SchemaDrift.Change c : drift.changes()) {
      ObjectNode o = changes.addObject();
      o.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
      o.put("table", c.table());
      if (c.column() != null) o.put("column", c.column());
      c.details().forEach(o.putArray("details")::add);
      o.put("mapped", touches(c));
    }
    return node;
  }
}
