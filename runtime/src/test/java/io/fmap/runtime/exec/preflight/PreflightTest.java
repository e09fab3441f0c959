package io.fmap.runtime.exec.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.emulator.dataverse.Limits;
import io.fmap.runtime.exec.ConnectorDirectory;
import io.fmap.runtime.exec.LoadFixture;
import io.fmap.runtime.owner.FallbackRule;
import io.fmap.runtime.owner.OwnerResolver;
import io.fmap.runtime.owner.SourceUser;
import io.fmap.runtime.source.SourceConnector;
import io.fmap.runtime.target.TargetConnector;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreflightTest {
  @TempDir static Path dir;
  private LoadFixture fixture;
  private PreflightReport withFallback;
  private PreflightReport withoutFallback;

  @BeforeAll
  void preflight() throws Exception {
    fixture = new LoadFixture(dir, 300, Limits.none());
    withFallback = run("team:" + LoadFixture.FALLBACK_TEAM);
    withoutFallback = run("none");
    System.out.println(withFallback.toText());
  }

  private PreflightReport run(String fallback) {
    try (SourceConnector source = fixture.source(); TargetConnector target = fixture.target(50)) {
      List<SourceUser> users = fixture.sourceUsers(source);
      OwnerResolver resolver = OwnerResolver.create(users, new ConnectorDirectory(target), FallbackRule.parse(fallback));
      return new Preflight(fixture.plan, source, fixture.targetSchema, resolver, users,
          Preflight.Settings.spark(100)).run();
    }
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  private long count(PreflightReport report, String code) {
    return report.findings().stream().filter(g -> g.code().equals(code)).mapToLong(PreflightReport.Group::count).sum();
  }

  @Test
  void volumesAndTheEstimateComeFromTheWholeSource() {
    assertEquals(26L, withFallback.volumes().get("Company"));
    assertEquals(66L, withFallback.volumes().get("Contact"));
    assertEquals(1, withFallback.estimated().toSeconds(), "92 records at 100 records/s");
  }

  @Test
  void recordsTheTargetWouldRefuseAreFoundBeforeAnythingIsSent() {
    assertEquals(2, count(withFallback, "MISSING_VALUE"), "contacts without a last name");
    assertEquals(2, count(withFallback, "TOO_LONG"), "the two accounts the emulator refuses for length");
    assertEquals(List.of("Company: cmp-0000002 -> cmp-0000003 -> cmp-0000002"), withFallback.parentCycles(),
        "the generator's parent loop");
    assertEquals(0, fixture.dataverse.count("account"), "preflight writes nothing");
  }

  @Test
  void ownersWithoutAMatchAndWithoutAFallbackBlock() {
    assertFalse(withFallback.hasBlockers(), withFallback.blockers().toString());
    assertTrue(withoutFallback.hasBlockers());
    assertTrue(withoutFallback.toText().contains("BLOCKED:"));
    assertFalse(withoutFallback.toJson().get("blockers").isEmpty());
  }

  @Test
  void theCustomTableCountIsCheckedAgainstTheCap() {
    assertEquals(0, withFallback.customTables());
    assertEquals(Preflight.PROFESSIONAL_CUSTOM_TABLE_CAP, withFallback.customTableCap());
  }
}
