package io.fmap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.ledger.LedgerLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The starting steps of the cutover verbs (report, rollback, reconcile, delta): the project's
 * settings, its approved plan, and a ledger that already exists — these verbs read or undo what
 * {@code fmap migrate} did, so an empty ledger means the user is in the wrong folder.
 */
final class CutoverProject {
  private CutoverProject() {
  }

  /**
   * The project's settings and its approved, unchanged plan, with the target schema that plan writes
   * to (the pinned schema with the plan's schema changes applied).
   */
  record Ready(DataProject project, CompiledPlan plan, io.fmap.schema.SystemSchema targetSchema) {
    io.fmap.runtime.target.TargetConnector openTarget() {
      return project.openTarget(targetSchema);
    }
  }

  static Ready open(DataVerbOptions data) throws VerbStop, IOException {
    DataProject project;
    try {
      project = data.resolve();
    } catch (DataVerbOptions.Unusable e) {
      throw VerbStop.usage(e.getMessage());
    }
    requireLedger(project.ledger());
    ApprovedPlan.Result approved = ApprovedPlan.load(project.dir());
    if (approved instanceof ApprovedPlan.Result.Refused refused) throw VerbStop.blocked(refused.message());
    ApprovedPlan.Result.Ready plan = (ApprovedPlan.Result.Ready) approved;
    return new Ready(project, plan.plan(), plan.targetSchema());
  }

  /**
   * Only the ledger's location ({@code ledger:} in fmap.yaml, default {@code .fmap/ledger.db}): the audit
   * report needs nothing else, so it works without source or target settings.
   */
  static LedgerLocation ledgerOnly(Path projectDir) throws VerbStop {
    return requireLedger(ledgerLocation(projectDir));
  }

  /** Where the project's ledger is ({@code ledger:} in fmap.yaml), whether or not it exists yet. */
  static LedgerLocation ledgerLocation(Path projectDir) throws VerbStop {
    Path dir = projectDir.toAbsolutePath().normalize();
    Path yaml = dir.resolve("fmap.yaml");
    if (!Files.isRegularFile(yaml)) {
      throw VerbStop.usage(dir + ": no fmap.yaml here; run in the project folder or pass --project DIR");
    }
    LedgerLocation location;
    try {
      JsonNode root = new YAMLMapper().readTree(Files.readString(yaml));
      location = LedgerLocation.parse(dir, root == null ? null : root.path("ledger").asText(null));
    } catch (IOException e) {
      throw VerbStop.usage(yaml + ": cannot read it as YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
    } catch (IllegalArgumentException e) {
      throw VerbStop.usage(yaml + ": " + e.getMessage());
    }
    return location;
  }

  /** Opening a missing SQLite file would create an empty ledger and report nothing as if that were true. */
  private static LedgerLocation requireLedger(LedgerLocation location) throws VerbStop {
    Path file = location.sqlitePath();
    if (file != null && !Files.isRegularFile(file)) {
      throw VerbStop.usage(file + ": no ledger yet; run 'fmap migrate' first, or set 'ledger:' in fmap.yaml to where it is");
    }
    return location;
  }

  static String who() {
    return System.getProperty("user.name", "fmap");
  }
}
