package io.fmap.emulator.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Spark {@code schema.json} of the generated sample data. It does not depend on the seed or the
 * size, so the pinned {@code stdlib-mappings/schemas/spark.json} describes every generated dataset.
 */
public final class SampleSchema {
  private SampleSchema() {}

  public static String json() {
    try (InputStream in = SampleSchema.class.getResourceAsStream("schema.json")) {
      if (in == null) throw new IllegalStateException("schema.json missing from the emulator jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
