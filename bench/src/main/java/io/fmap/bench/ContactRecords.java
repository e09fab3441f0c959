package io.fmap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.api.SourceRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Spark contacts for the benchmark, the same records in both representations: {@link SourceRecord}
 * (what fmap's connector delivers) and Jackson trees (what JSLT reads). Seeded, so every run and
 * every machine transforms the same data. About one in six fields is messy the way CRM data is.
 */
final class ContactRecords {

  /** The instant the benchmark treats as now: routing by days_since depends on it. */
  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  private static final String[] FIRST = {"Jane", " Ana ", "Björn", "Li", "Ömer", "Zoë", "Kwame", "Priya", null};
  private static final String[] LAST = {"Doe", "Müller", "O'Brien", "Nakamura", "Smith-Jones", null};
  private static final String[] STATUS = {"new", "unqualified", "qualified", "customer"};
  private static final String[] TITLE = {"  CEO", "Head of Sales ", "Engineer", null, "VP Marketing"};
  private static final String[] DOMAIN = {"Example.com", "acme.io", "mail.co.uk"};

  final List<SourceRecord> records;
  final List<JsonNode> trees;

  private ContactRecords(List<SourceRecord> records, List<JsonNode> trees) {
    this.records = records;
    this.trees = trees;
  }

  static ContactRecords generate(int count, long seed) {
    Random random = new Random(seed);
    List<SourceRecord> records = new ArrayList<>(count);
    List<JsonNode> trees = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, Object> f = new LinkedHashMap<>();
      String id = "C-" + i;
      String first = pick(random, FIRST);
      String last = pick(random, LAST);
      f.put("id", id);
      f.put("first_name", first);
      f.put("last_name", last);
      f.put("email", random.nextInt(10) == 0 ? "n/a"
          : " " + (first == null ? "x" : first.strip()) + "." + i + "@" + pick(random, DOMAIN));
      f.put("secondary_email", random.nextBoolean() ? null : "alt" + i + "@" + pick(random, DOMAIN));
      f.put("phone", random.nextInt(4) == 0 ? null : "+1 (415) 555-" + String.format("%04d", i % 10000));
      f.put("mobile_phone", random.nextBoolean() ? null : "0171 " + (1000000 + i));
      f.put("title", pick(random, TITLE));
      f.put("status", pick(random, STATUS));
      f.put("last_activity_at", NOW.minusSeconds(86_400L * random.nextInt(200)).toString());
      f.put("created_at", NOW.minusSeconds(86_400L * (200 + random.nextInt(2000))).toString());
      f.put("birthday", random.nextInt(3) == 0 ? null : LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
      f.put("owner_email", "owner" + random.nextInt(20) + "@example.com");
      f.put("primary_company_id", random.nextInt(8) == 0 ? null : "CO-" + random.nextInt(5000));
      f.put("lead_score", BigDecimal.valueOf(random.nextInt(10000), 2));
      records.add(new SourceRecord("Contact", id, f));
      trees.add(tree(f));
    }
    return new ContactRecords(List.copyOf(records), List.copyOf(trees));
  }

  private static JsonNode tree(Map<String, Object> fields) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    fields.forEach((k, v) -> {
      if (v == null) {
        node.putNull(k);
      } else if (v instanceof BigDecimal d) {
        node.put(k, d);
      } else {
        node.put(k, v.toString());
      }
    });
    return node;
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
