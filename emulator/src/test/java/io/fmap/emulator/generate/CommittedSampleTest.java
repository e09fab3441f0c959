package io.fmap.emulator.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code samples/spark-export} (seed 1, size 300) is exactly what the generator writes, so tests
 * and demos elsewhere can read it without generating. Regenerate with {@code -Dfmap.regenerate=true}.
 */
class CommittedSampleTest {
  static final Path SAMPLE = Path.of("../samples/spark-export");

  @Test
  void committedSampleIsTheGeneratorsOutputForSeed1Size300(@TempDir Path tmp) throws Exception {
    if (Boolean.getBoolean("fmap.regenerate")) {
      if (Files.exists(SAMPLE)) {
        try (Stream<Path> walk = Files.walk(SAMPLE)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
      }
      new SampleGenerator(1, 300).writeTo(SAMPLE, false);
    }
    new SampleGenerator(1, 300).writeTo(tmp, false);
    assertEquals(SampleGeneratorTest.hash(tmp), SampleGeneratorTest.hash(SAMPLE),
        "samples/spark-export is stale: rerun with -Dfmap.regenerate=true and review the diff");
  }
}
