package io.fmap.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pinned schema snapshots ({@code schemas/spark.json}, {@code schemas/dynamics.json}): pretty,
 * sorted JSON with LF line endings so that a schema change is a readable git diff, and the same
 * schema always gives the same bytes.
 */
public final class SchemaSnapshots {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private SchemaSnapshots() {}

  public static String toJson(SystemSchema schema) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(schema.sorted()) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SystemSchema fromJson(String json) throws IOException {
    var tree = MAPPER.readTree(json);
    if (tree == null || !tree.isObject() || !tree.hasNonNull("system") || !tree.has("tables")) {
      throw new IOException("not a schema snapshot: it needs \"system\" and \"tables\"");
    }
    return MAPPER.treeToValue(tree, SystemSchema.class);
  }

  public static SystemSchema read(Path file) throws IOException {
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var loc = e.getLocation();
      throw new IOException(file + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
          + ": " + e.getOriginalMessage(), e);
    }
  }

  public static void write(Path file, SystemSchema schema) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, toJson(schema), StandardCharsets.UTF_8);
  }
}
