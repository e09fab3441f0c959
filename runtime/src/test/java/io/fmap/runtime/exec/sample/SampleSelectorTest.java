package io.fmap.runtime.exec.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.emulator.dataverse.Limits;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.FmapLocation;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.MapTransform;
import io.fmap.runtime.api.MappingContext;
import io.fmap.runtime.api.SourceRecord;
import io.fmap.runtime.api.SourceRef;
import io.fmap.runtime.api.SourceRouter;
import io.fmap.runtime.exec.HandWrittenPlan;
import io.fmap.runtime.exec.LoadFixture;
import io.fmap.runtime.source.SourceConnector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleSelectorTest {
  @TempDir static Path dir;
  private LoadFixture fixture;
  private SourceConnector source;

  @BeforeAll
  void start() throws Exception {
    fixture = new LoadFixture(dir, 400, Limits.none());
    source = fixture.source();
  }

  @AfterAll
  void stop() {
    source.close();
    fixture.close();
  }

  /**
   * The hand-written plan with a second Contact route: every 40th contact (by id) becomes a lead,
   * a route rare enough that a small sample picked by rank alone would likely miss it.
   */
  static CompiledPlan twoRoutePlan() {
    CompiledPlan base = HandWrittenPlan.plan();
    MapTransform contact = new HandWrittenPlan.HandWrittenContactMap();
    MapTransform lead = new MapTransform() {
      @Override public String id() { return "Contact->lead"; }
      @Override public String sourceObject() { return "Contact"; }
      @Override public String targetTable() { return "lead"; }
      @Override public FmapLocation location() { return new FmapLocation("leads.fmap", 1); }
      @Override public MapResult apply(SourceRecord record, MappingContext context) {
        return contact.apply(record, context);
      }
    };
    SourceRouter contacts = new SourceRouter() {
      @Override public String sourceObject() { return "Contact"; }
      @Override public List<MapTransform> maps() { return List.of(contact, lead); }
      @Override public List<MapTransform> route(SourceRecord record, MappingContext context) {
        return Math.floorMod(record.id().hashCode(), 40) == 0 ? List.of(lead) : List.of(contact);
      }
    };
    SourceRouter companies = base.router("Company").orElseThrow();
    return new CompiledPlan("two-routes", base.params(), base.tiers(), List.of(companies, contacts),
        base.deferredLookups(), base.schemaChanges(), base.lines());
  }

  private SampleSelection select(int size, long seed) {
    return new SampleSelector(twoRoutePlan(), source, Clock.systemUTC()).select(size, seed);
  }

  private Map<SourceRef, SourceRecord> all(String object) {
    try (Stream<SourceRecord> records = source.records(object, null, bad -> { })) {
      return records.collect(Collectors.toMap(SourceRef::of, r -> r));
    }
  }

  @Test
  void theSameSeedPicksTheSameRecordsAndAnotherSeedOthers() {
    assertEquals(select(30, 1), select(30, 1));
    assertNotEquals(select(30, 1).records(), select(30, 2).records());
  }

  @Test
  void aSmallSampleSpansEveryObjectAndEveryRoute() {
    SampleSelection sample = select(6, 3);
    assertEquals(List.of("Company -> Company->account", "Contact -> Contact->contact", "Contact -> Contact->lead"),
        List.copyOf(sample.byRoute().keySet()), sample.toText());
  }

  @Test
  void everySelectedContactBringsItsCompanyAndEveryCompanyItsParent() {
    SampleSelection sample = select(40, 5);
    Map<SourceRef, SourceRecord> contacts = all("Contact");
    Map<SourceRef, SourceRecord> companies = all("Company");
    int checked = 0;
    for (SourceRef ref : sample.records()) {
      SourceRecord record = ref.object().equals("Contact") ? contacts.get(ref) : companies.get(ref);
      String field = ref.object().equals("Contact") ? "primary_company_id" : "parent_id";
      Object target = record.get(field);
      if (target == null || target.toString().isBlank()) continue;
      checked++;
      assertTrue(sample.contains(new SourceRef("Company", target.toString())), ref + " references " + target);
    }
    assertTrue(checked > 10, "the data has references to check: " + checked);
    assertTrue(!sample.referenced().isEmpty(), "some companies came in for references");
  }

  @Test
  void referencedRecordsCountTowardTheirObjectsShareSoOnlyTheOverflowExceedsTheSize() {
    SampleSelection sample = select(50, 9);
    int picked = sample.records().size() - sample.referenced().size();
    assertTrue(picked <= 50 && sample.records().size() >= 48, sample.toText());
    assertTrue(!sample.ownerEmails().isEmpty(), "owners the sample needs are listed");
  }
}
