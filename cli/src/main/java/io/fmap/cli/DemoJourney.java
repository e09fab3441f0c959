package io.fmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.emulator.generate.SampleGenerator;
import io.fmap.runtime.exec.sample.FieldStatus;
import io.fmap.runtime.exec.sample.SampleDiffHtml;
import io.fmap.runtime.exec.sample.SampleSelector;
import io.fmap.schema.SchemaSnapshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The journey {@code fmap demo} walks, step by step, through the real verbs: a project from the
 * standard set, checked, planned, approved, preflighted, its schema applied, sampled, migrated,
 * changed in Spark, delta-loaded, reconciled and reported. What each step found goes into
 * {@link #facts()}, which the summary is printed from.
 */
final class DemoJourney {
  static final int STEPS = 14;
  static final String EXPORT = "spark-export";
  static final String REPORTS = ".fmap/reports";
  /** Spark records the demo edits between the full load and the delta: a few of each kind of parent and child. */
  private static final Map<String, Integer> TOUCHES = touches();

  private final Path project;
  private final DemoVerbs verbs;
  private final ObjectNode facts = JsonNodeFactory.instance.objectNode();

  DemoJourney(Path project, DemoVerbs verbs) {
    this.project = project;
    this.verbs = verbs;
    facts.put("project", project.toString());
  }

  ObjectNode facts() {
    return facts;
  }

  /** Steps 1-2, before there is anything to serve: the project folder and the Spark export inside it. */
  void prepare(int size, long seed) throws DemoVerbs.Stopped, IOException {
    DemoVerbs.Verb init = verbs.fmap("init", "init", project.toString(), "--from", "stdlib");
    verbs.verbStep("init", init, false, v -> "fmap init --from stdlib: " + project.getFileName()
        + "/ with mappings/, schemas/, fmap.yaml");

    SampleGenerator.Result generated = new SampleGenerator(seed, size).writeTo(project.resolve(EXPORT), false);
    ObjectNode counts = facts.putObject("generated");
    new java.util.TreeMap<>(generated.counts()).forEach(counts::put);
    verbs.step("generate", DemoStep.Outcome.OK, Fmap.OK, generated.total() + " Spark records (seed " + seed
        + ") of " + generated.counts().size() + " kinds in " + EXPORT + "/");
  }

  /** Steps 3-14, against the running emulators. */
  void run(DemoEmulators emulators, long seed) throws DemoVerbs.Stopped, IOException, InterruptedException {
    pointAt(emulators);
    verbs.step("emulators", DemoStep.Outcome.OK, Fmap.OK, emulators.describe() + "; fmap.yaml points at them");

    String p = project.toString();
    verbs.verbStep("check", verbs.fmap("check", "check", p), false,
        v -> lastLine(v.out() + v.err(), "checked"));

    Path plan = Files.createDirectories(project.resolve("plan")).resolve("plan.txt");
    verbs.verbStep("plan", verbs.fmap("plan", "plan", p, "--out", plan.toString()), false,
        v -> "plan/plan.txt, " + lines(plan) + " lines for reviewers");

    verbs.verbStep("plan approve", verbs.fmap("plan approve", "plan", p, "--approve", "--out", plan.toString()),
        false, v -> "fmap.lock " + lastLine(v.err(), "approved plan").replaceFirst("approved plan (\\S{19}).*", "$1") + "...");

    preflight(p);
    schemaApply(p);
    sample(p, seed);
    migrate(p, emulators);
    touch(emulators);
    delta(p);
    reconcile(p);
    report(p);
  }

  private void pointAt(DemoEmulators emulators) throws IOException {
    Path yaml = project.resolve("fmap.yaml");
    String text = Files.readString(yaml);
    String exportSection = "spark:\n  export: " + EXPORT + "\n";
    if (!text.contains(exportSection)) {
      throw new IllegalStateException("fmap init's fmap.yaml no longer has the '" + exportSection.strip()
          + "' section the demo points at the emulator: update DemoJourney with ProjectTemplate");
    }
    text = text.replace(exportSection, "# fmap demo: the Spark export API emulator serving " + EXPORT + "/ (stopped when the demo ended;\n"
        + "# to work offline, use 'export: " + EXPORT + "' instead)\n" + emulators.fmapYamlSpark());
    text += "\n# fmap demo: the in-process Dataverse emulator (stopped when the demo ended) and its demo client.\n"
        + emulators.fmapYamlDataverse()
        + "# Records whose Spark owner matches no enabled Dynamics user go to this team.\n"
        + "fallbackOwner: team:" + DemoEmulators.TEAM + "\n";
    text = idleDaysFromDataEnd(text);
    Files.writeString(yaml, text, StandardCharsets.UTF_8);
  }

  /**
   * The generated data ends on a fixed day ({@link SampleGenerator#DATA_ENDS}) while
   * {@code days_since} counts to today, so without this every contact is idle past 90 days once
   * that day is 90 days old, and all of them route to leads: the demo would show no contacts.
   * The param keeps the template's 90 days, counted from the day the data ends.
   */
  static String idleDaysFromDataEnd(String yaml) {
    String param = "\n  lead_idle_days: 90\n";
    if (!yaml.contains(param)) {
      throw new IllegalStateException("fmap init's fmap.yaml no longer has '" + param.strip()
          + "': update DemoJourney with ProjectTemplate");
    }
    long since = Math.max(0, java.time.Duration.between(SampleGenerator.DATA_ENDS, java.time.Instant.now()).toDays());
    return yaml.replace(param, "\n  # fmap demo: 90 idle days counted from " + SampleGenerator.DATA_ENDS.toString().substring(0, 10)
        + ", the day the generated data ends (" + since + " days before this demo)\n  lead_idle_days: " + (90 + since) + "\n");
  }

  private void preflight(String p) throws IOException, DemoVerbs.Stopped {
    verbs.verbStep("preflight", verbs.live("preflight", "preflight", "--project", p, "--json"), true, v -> {
      JsonNode r = v.json();
      long wouldNotLand = 0;
      StringBuilder codes = new StringBuilder();
      for (JsonNode g : r.path("findings")) {
        wouldNotLand += g.path("count").asLong();
        codes.append(codes.length() == 0 ? "" : ", ").append(g.path("code").asText()).append(' ').append(g.path("count").asLong());
      }
      facts.putObject("preflight").put("records", r.path("records").asLong()).put("wouldNotLand", wouldNotLand)
          .put("parentLoops", r.path("parentCycles").size()).put("blockers", r.path("blockers").size());
      return r.path("records").asLong() + " records; " + wouldNotLand + " would not land"
          + (codes.length() == 0 ? "" : " (" + codes + ")") + "; " + r.path("parentCycles").size() + " parent loops; "
          + r.path("blockers").size() + " blockers";
    });
  }

  /** The org must have the plan's tables, columns and keys; the plan's target schema is written for schema apply. */
  private void schemaApply(String p) throws IOException, DemoVerbs.Stopped {
    ApprovedPlan.Result approved = ApprovedPlan.load(project);
    if (approved instanceof ApprovedPlan.Result.Refused refused) {
      verbs.step("schema apply", DemoStep.Outcome.FAILED, Fmap.BLOCKED, refused.message());
      return;
    }
    Path schema = project.resolve("plan").resolve("schema.json");
    SchemaSnapshots.write(schema, ((ApprovedPlan.Result.Ready) approved).targetSchema());
    DemoVerbs.Verb apply = verbs.fmap("schema apply", "schema", "apply", "--config", project.resolve("fmap.yaml").toString(),
        "--schema", schema.toString());
    verbs.verbStep("schema apply", apply, false, v -> {
      long changes = v.out().lines().filter(l -> !l.isBlank() && !l.startsWith("no changes")).count();
      return changes == 0 ? "no changes: the org already has what plan/schema.json needs"
          : changes + " changes made to the org (tables, columns, keys from plan/schema.json), published";
    });
  }

  /**
   * A slice of every object loaded first and compared field by field, as a reviewer would before the
   * full run; a tenth of the data, at most the verb's default size.
   */
  private void sample(String p, long seed) throws IOException, DemoVerbs.Stopped {
    long size = Math.min(SampleSelector.DEFAULT_SIZE, Math.max(30, facts.path("preflight").path("records").asLong() / 10));
    DemoVerbs.Verb sample = verbs.live("sample", "sample", "--project", p, "--size", String.valueOf(size),
        "--seed", String.valueOf(seed), "--json");
    verbs.verbStep("sample", sample, true, v -> {
      JsonNode r = v.json();
      ObjectNode totals = facts.putObject("sample");
      long records = 0;
      long problems = 0;
      Map<FieldStatus, Long> fields = new LinkedHashMap<>();
      for (JsonNode t : r.path("diff").path("tables")) {
        records += t.path("records").asLong();
        problems += t.path("problems").asLong();
        for (FieldStatus s : FieldStatus.values()) fields.merge(s, t.path(s.label()).asLong(), Long::sum);
      }
      totals.put("records", records).put("tables", r.path("diff").path("tables").size());
      fields.forEach((s, n) -> totals.put(s.label(), n));
      totals.put("problems", problems).put("html", r.path("html").asText());
      return records + " records in " + r.path("diff").path("tables").size() + " tables: " + fields.get(FieldStatus.EQUAL)
          + " fields equal, " + fields.get(FieldStatus.TRANSFORMED) + " transformed, " + fields.get(FieldStatus.DIFFERS)
          + " differ, " + problems + " problems; " + REPORTS + "/" + SampleDiffHtml.FILE_NAME;
    });
  }

  private void migrate(String p, DemoEmulators emulators) throws IOException, DemoVerbs.Stopped {
    DemoVerbs.Verb migrate = verbs.live("migrate", "migrate", "--project", p, "--accept-warnings", "--json");
    verbs.verbStep("migrate", migrate, true, v -> {
      JsonNode r = v.json();
      ArrayNode moved = facts.putArray("moved");
      long created = 0;
      long updated = 0;
      long notLanded = 0;
      for (JsonNode o : r.path("summary").path("objects")) {
        created += o.path("created").asLong();
        updated += o.path("updated").asLong();
        notLanded += o.path("failed").asLong() + o.path("quarantined").asLong();
        String table = o.path("targetTable").asText();
        ObjectNode m = moved.addObject().put("object", o.path("sourceObject").asText()).put("table", table)
            .put("read", o.path("read").asLong()).put("created", o.path("created").asLong())
            .put("updated", o.path("updated").asLong())
            .put("notLanded", o.path("failed").asLong() + o.path("quarantined").asLong());
        // A record quarantined before routing has no single table; a lookup pass writes rows already counted.
        if (!table.contains(",")) m.put("rowsInDynamics", emulators.rows(table));
      }
      facts.put("ledger", r.path("ledger").asText());
      facts.put("recordsPerSecond", r.path("recordsPerSecond").asLong());
      return "--accept-warnings: " + r.path("recordsRead").asLong() + " records read, " + created + " created, "
          + updated + " updated, " + notLanded + " did not land; " + r.path("recordsPerSecond").asLong() + " records/s";
    });
  }

  private void touch(DemoEmulators emulators) throws IOException, InterruptedException, DemoVerbs.Stopped {
    ObjectNode touched = facts.putObject("touched");
    try {
      for (Map.Entry<String, Integer> t : TOUCHES.entrySet()) touched.put(t.getKey(), emulators.touch(t.getKey(), t.getValue()));
    } catch (IOException e) {
      verbs.log("source edits", "error: " + e.getMessage() + "\n");
      verbs.step("source edits", DemoStep.Outcome.FAILED, Fmap.FINDINGS, e.getMessage());
    }
    StringBuilder detail = new StringBuilder();
    touched.fields().forEachRemaining(e -> detail.append(detail.length() == 0 ? "" : ", ").append(e.getKey())
        .append(' ').append(e.getValue().asInt()));
    verbs.log("source edits", "POST /_emulator/touch on the Spark emulator: " + detail + "\n");
    verbs.step("source edits", DemoStep.Outcome.OK, Fmap.OK, "records edited in Spark after the load: " + detail);
  }

  private void delta(String p) throws IOException, DemoVerbs.Stopped {
    verbs.verbStep("delta", verbs.live("delta", "delta", "--project", p, "--json"), true, v -> {
      JsonNode pass = v.json().path("passes").path(0);
      long changed = 0;
      for (JsonNode n : pass.path("changed")) changed += n.asLong();
      long created = 0;
      long updated = 0;
      long notLanded = 0;
      for (JsonNode o : pass.path("load").path("objects")) {
        created += o.path("created").asLong();
        updated += o.path("updated").asLong();
        notLanded += o.path("failed").asLong() + o.path("quarantined").asLong();
      }
      facts.putObject("delta").put("changed", changed).put("created", created).put("updated", updated)
          .put("conflicts", pass.path("conflicts").size()).put("notLanded", notLanded);
      // The full load set each object's watermark: the pass reads the edited records (and those carrying the watermark).
      return changed + " records past the watermarks: " + updated + " updated, " + created + " created, "
          + notLanded + " did not land, " + pass.path("conflicts").size() + " conflicts";
    });
  }

  private void reconcile(String p) throws IOException, DemoVerbs.Stopped {
    Path html = Files.createDirectories(project.resolve(REPORTS)).resolve("reconcile.html");
    DemoVerbs.Verb reconcile = verbs.live("reconcile", "reconcile", "--project", p, "--json", "--html", html.toString());
    verbs.verbStep("reconcile", reconcile, true, v -> {
      JsonNode r = v.json();
      long mismatches = 0;
      TreeSet<String> tables = new TreeSet<>();
      for (JsonNode t : r.path("tables")) {
        mismatches += t.path("mismatchCount").asLong();
        if (!t.path("clean").asBoolean()) tables.add(t.path("sourceObject").asText() + "->" + t.path("table").asText());
      }
      facts.putObject("reconcile").put("clean", r.path("clean").asBoolean()).put("tables", r.path("tables").size())
          .put("mismatches", mismatches).put("html", html.toString());
      return r.path("clean").asBoolean() ? r.path("tables").size() + " tables: counts, presence and sampled values match"
          : mismatches + " mismatches in " + tables.size() + " of " + r.path("tables").size() + " tables ("
              + String.join(", ", tables.stream().limit(3).toList()) + (tables.size() > 3 ? ", ..." : "") + "); "
              + REPORTS + "/reconcile.html";
    });
  }

  private void report(String p) throws IOException, DemoVerbs.Stopped {
    Path html = Files.createDirectories(project.resolve(REPORTS)).resolve("run-report.html");
    DemoVerbs.Verb report = verbs.fmap("report", "report", "--project", p, "--json", "--html", html.toString());
    verbs.verbStep("report", report, true, v -> {
      StringBuilder runs = new StringBuilder();
      for (JsonNode r : v.json().path("runs")) {
        runs.append(runs.length() == 0 ? "" : ", ").append(r.path("id").asLong()).append(' ').append(r.path("mode").asText())
            .append(' ').append(r.path("status").asText());
      }
      facts.putObject("report").put("runs", v.json().path("runs").size()).put("html", html.toString());
      return "ledger audit of " + v.json().path("runs").size() + " runs (" + runs + "); " + REPORTS + "/run-report.html";
    });
  }

  private static String lastLine(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b).orElse("").strip();
  }

  private static long lines(Path file) {
    try {
      return Files.readString(file).lines().count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // the verb just wrote it and exited 0
    }
  }

  private static Map<String, Integer> touches() {
    Map<String, Integer> t = new LinkedHashMap<>();
    t.put("Company", 5);
    t.put("Contact", 10);
    t.put("Deal", 5);
    return t;
  }
}
