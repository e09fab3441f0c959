package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.schema.SchemaSnapshots;
import io.fmap.schema.SystemSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The whole org (metadata and rows) as one JSON file, so a rehearsal can stop and resume:
 * {@code {"schema": <schema snapshot>, "rows": {"account": [{"id", "version", "values", "lookups"}]}}}.
 */
final class Snapshots {
  private Snapshots() {}

  static void save(Store store, Path file) {
    ObjectNode root = dump(store);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(file, Json.write(root), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole org as the snapshot file holds it. */
  static ObjectNode dump(Store store) {
    return store.read(s -> {
      Catalog c = s.catalog();
      SystemSchema schema = new SystemSchema("dynamics", c.tables(), c.manyToMany(), new TreeMap<>(c.settings()));
      ObjectNode o = Json.object();
      try {
        o.set("schema", Json.MAPPER.readTree(SchemaSnapshots.toJson(schema)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ObjectNode rows = o.putObject("rows");
      for (String table : new TreeMap<>(s.counts()).keySet()) {
        ArrayNode arr = rows.putArray(table);
        for (Row r : s.all(table)) {
          ObjectNode row = arr.addObject();
          row.put("id", r.id().toString());
          row.put("version", r.version());
          row.set("values", Json.MAPPER.valueToTree(r.values()));
          row.set("lookups", Json.MAPPER.valueToTree(r.lookups()));
        }
      }
      return o;
    });
  }

  static void load(Store store, Path file, Map<String, Set<String>> bulkSupport) {
    try {
      JsonNode root = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      SystemSchema schema = SchemaSnapshots.fromJson(Json.write(root.path("schema")));
      store.replaceAll(new Catalog(schema, bulkSupport));
      store.writeVoid(tx -> {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("rows").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> table = it.next();
          for (JsonNode r : table.getValue()) {
            Map<String, JsonNode> values = new HashMap<>();
            r.path("values").fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue()));
            Map<String, String> lookups = new HashMap<>();
            r.path("lookups").fields().forEachRemaining(f -> lookups.put(f.getKey(), f.getValue().asText()));
            tx.put(new Row(table.getKey(), UUID.fromString(r.path("id").asText()), r.path("version").asLong(), values, lookups));
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException(file + ": not an emulator snapshot (" + e.getMessage()
          + "); delete it or point --snapshot at another file", e));
    }
  }
}
