package io.fmap.runtime.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.ledger.LedgerAudit;
import java.time.Duration;
import java.util.List;

/**
 * The end of a run: per source object and target table, read / created / updated / skipped /
 * failed / quarantined, from the ledger (so a resumed run reports the whole run, not only its
 * last part).
 *
 * @param runId   the ledger's run
 * @param resumed true when this process continued an interrupted run
 * @param errors  failed and quarantined records grouped by error code, commonest first, with examples
 * @param elapsed wall time of this process's part of the run
 */
public record RunSummary(long runId, boolean resumed, List<ObjectSummary> objects,
    List<LedgerAudit.ErrorGroup> errors, Duration elapsed) {

  public RunSummary {
    objects = List.copyOf(objects);
    errors = List.copyOf(errors);
  }

  /**
   * True when some record did not land: the verb exits 1 and the report lists them. A parent link left
   * out to break a loop is listed but is no failure ({@link ParentLoops#leftOutLinks}).
   */
  public boolean hasFailures() {
    return objects.stream().mapToLong(ObjectSummary::notLanded).sum() > ParentLoops.leftOutLinks(errors);
  }

  public long total(java.util.function.ToLongFunction<ObjectSummary> count) {
    return objects.stream().mapToLong(count).sum();
  }

  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("run ").append(runId).append(resumed ? " (resumed)" : "").append('\n');
    String format = "%-24s %-14s %8s %8s %8s %8s %8s %8s%n";
    out.append(String.format(format, "object", "table", "read", "created", "updated", "skipped", "failed",
        "quarant."));
    for (ObjectSummary o : objects) {
      out.append(String.format(format, o.sourceObject(), o.targetTable(), o.read(), o.created(), o.updated(),
          o.skipped(), o.failed(), o.quarantined()));
    }
    for (LedgerAudit.ErrorGroup group : errors) {
      out.append(group.count()).append(" x ").append(group.code()).append('\n');
      group.examples().forEach(e -> out.append("    ").append(e.key()).append(": ").append(e.message()).append('\n'));
    }
    return out.toString();
  }

  public ObjectNode toJson() {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("run", runId);
    root.put("resumed", resumed);
    ArrayNode list = root.putArray("objects");
    for (ObjectSummary o : objects) {
      ObjectNode n = list.addObject();
      n.put("sourceObject", o.sourceObject());
      n.put("targetTable", o.targetTable());
      n.put("read", o.read());
      n.put("created", o.created());
      n.put("updated", o.updated());
      n.put("skipped", o.skipped());
      n.put("failed", o.failed());
      n.put("quarantined", o.quarantined());
      n.put("inDoubt", o.inDoubt());
    }
    ArrayNode groups = root.putArray("errors");
    for (LedgerAudit.ErrorGroup group : errors) {
      ObjectNode g = groups.addObject();
      g.put("code", group.code());
      g.put("count", group.count());
      ArrayNode examples = g.putArray("examples");
      group.examples().forEach(e -> examples.addObject().put("record", e.key().toString()).put("message", e.message()));
    }
    return root;
  }
}
