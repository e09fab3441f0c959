package io.fmap.compiler.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fmap.schema.SystemSchema;
import io.fmap.schema.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Value profiles from a Spark export folder (one {@code <objects>.jsonl} file per object, e.g.
 * {@code companies.jsonl} for Company). Only the first records of each file are read: a few hundred
 * values tell an email column from a phone column as well as millions do.
 */
public final class SampleProfiles {
  /** Records read per object. */
  static final int SAMPLE_SIZE = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleProfiles() {}

  public static Map<String, Map<String, ValueProfile>> read(Path exportDir, SystemSchema source) throws IOException {
    Map<String, Map<String, ValueProfile>> out = new TreeMap<>();
    for (Table object : source.tables()) {
      Path file = exportDir.resolve(plural(object.name()) + ".jsonl");
      if (!Files.isRegularFile(file)) continue;
      Map<String, List<String>> values = new TreeMap<>();
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        for (int n = 0; n < SAMPLE_SIZE && (line = reader.readLine()) != null; n++) {
          if (line.isBlank()) continue;
          JsonNode record;
          try {
            record = JSON.readTree(line);
          } catch (IOException e) {
            continue; // a malformed line says nothing about the other records' shapes
          }
          for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
              values.computeIfAbsent(field.getKey(), k -> new ArrayList<>()).add(field.getValue().asText());
            }
          }
        }
      }
      Map<String, ValueProfile> profiles = new TreeMap<>();
      values.forEach((field, texts) -> profiles.put(field, ValueProfile.of(texts)));
      out.put(object.name(), profiles);
    }
    return out;
  }

  /** The export's file name for an object: Company -> companies, Deal -> deals. */
  static String plural(String object) {
    String lower = object.toLowerCase(Locale.ROOT);
    if (lower.endsWith("y") && !lower.matches(".*[aeiou]y")) return lower.substring(0, lower.length() - 1) + "ies";
    if (lower.endsWith("s")) return lower + "es";
    return lower + "s";
  }
}
