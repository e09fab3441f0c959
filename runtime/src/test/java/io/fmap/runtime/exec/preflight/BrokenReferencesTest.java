package io.fmap.runtime.exec.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.exec.HandWrittenPlan;
import io.fmap.runtime.owner.FallbackRule;
import io.fmap.runtime.owner.OwnerResolver;
import io.fmap.runtime.owner.TargetDirectory;
import io.fmap.runtime.owner.TargetTeam;
import io.fmap.runtime.owner.TargetUser;
import io.fmap.runtime.source.InMemorySource;
import io.fmap.schema.SchemaSnapshots;
import io.fmap.schema.SystemSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * References to records the source does not have: to an object of an earlier tier (checked as they
 * are read) and within a tier (a company's parent, checked once every object is read), each broken
 * record reported once, under the first record that refers to it.
 */
class BrokenReferencesTest {

  private static final Map<String, List<SourceRecord>> SOURCE = Map.of(
      "Company", List.of(
          company("cmp-1", null),
          company("cmp-2", "cmp-3"),      // a parent read after it: fine
          company("cmp-3", "cmp-gone"),   // a parent the source does not have
          company("cmp-4", "cmp-gone")),
      "Contact", List.of(
          contact("con-1", "cmp-1"),
          contact("con-2", "cmp-404"),    // a company the source does not have
          contact("con-3", "cmp-404"),
          contact("con-4", "cmp-4")));

  @Test
  void eachMissingRecordIsOneFindingUnderTheFirstRecordReferringToIt() throws IOException {
    PreflightReport report = new Preflight(HandWrittenPlan.plan(), new InMemorySource(object -> SOURCE.getOrDefault(object, List.of())), targetSchema(),
        OwnerResolver.create(List.of(), new NoUsers(), new FallbackRule.TeamByName("fmap")), List.of(),
        Preflight.Settings.spark(100)).run();

    PreflightReport.Group broken = report.findings().stream().filter(g -> g.code().equals("BROKEN_REFERENCE"))
        .findFirst().orElseThrow();
    assertEquals(2, broken.count(), report.toText());
    assertEquals(List.of("Company/cmp-3: refers to Company/cmp-gone", "Contact/con-2: refers to Company/cmp-404"),
        broken.examples().stream().map(f -> f.record() + ": " + f.message().replace(", which the source does not have", ""))
            .toList());
  }

  private static SystemSchema targetSchema() throws IOException {
    try (InputStream in = EmulatorConfig.class.getResourceAsStream(EmulatorConfig.STDLIB_SCHEMA)) {
      return SchemaSnapshots.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static SourceRecord company(String id, String parent) {
    java.util.HashMap<String, Object> fields = new java.util.HashMap<>(Map.of("id", id, "name", "Company " + id));
    fields.put("parent_id", parent);
    return new SourceRecord("Company", id, fields);
  }

  private static SourceRecord contact(String id, String company) {
    return new SourceRecord("Contact", id, Map.of("id", id, "last_name", "Doe", "primary_company_id", company));
  }

  private static final class NoUsers implements TargetDirectory {
    @Override public List<TargetUser> users() { return List.of(); }

    @Override public List<TargetTeam> teams() { return List.of(); }
  }
}
