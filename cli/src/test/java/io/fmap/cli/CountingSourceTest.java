package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fmap.runtime.spark.ExportFilesConnector;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the read-only verbs count as progress: every record of an object once, however often it is read. */
class CountingSourceTest {
  private static final Path EXPORT = Path.of("..", "samples", "spark-export");

  @Test
  void countsTheFirstReadOfEachObjectAndNotTheLookupsAfterIt() {
    Map<String, Integer> seen = new TreeMap<>();
    try (CountingSource source = new CountingSource(new ExportFilesConnector(EXPORT),
        (object, n) -> seen.merge(object, n, Integer::sum))) {
      long companies;
      try (var records = source.records("Company", null, bad -> { })) {
        companies = records.count();
      }
      try (var lookup = source.records("Company", null, bad -> { })) {
        assertEquals(companies, lookup.count(), "a second read still gives every record");
      }
      assertEquals(Map.of("Company", (int) companies), seen);
    }
  }
}
