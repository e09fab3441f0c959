package io.fmap.emulator.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fmap.schema.SchemaSnapshots;
import io.fmap.schema.spark.SparkSchemaReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The stdlib's pinned {@code schemas/spark.json} is exactly what {@code schema pull} would write for
 * the generated sample data: the checker and the generator cannot drift apart.
 * Regenerate with {@code -Dfmap.regenerate=true}.
 */
class SampleSchemaSnapshotTest {

  @Test
  void pinnedSparkSnapshotMatchesTheGeneratorsSchema() throws IOException {
    String expected = SchemaSnapshots.toJson(SparkSchemaReader.read(SampleSchema.json()));
    Path pinned = Path.of("../stdlib-mappings/schemas/spark.json");
    if (Boolean.getBoolean("fmap.regenerate")) Files.writeString(pinned, expected, StandardCharsets.UTF_8);
    assertEquals(expected, Files.readString(pinned, StandardCharsets.UTF_8),
        "stdlib-mappings/schemas/spark.json is stale: rerun this test with -Dfmap.regenerate=true and review the diff");
  }
}
