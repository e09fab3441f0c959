package io.fmap.emulator.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a deterministic Spark export ({@code docs/spark-export-format.md}): the same seed and
 * size give the same bytes, on any machine. Every object draws from its own random stream, so a
 * change to one object's generator leaves the others' bytes alone. Records are written as they are
 * made: memory does not grow with the size.
 */
public final class SampleGenerator {
  /** Everything happens before this instant (2026-06-01T00:00:00Z), whatever the clock says. */
  static final long NOW = 1_780_272_000L;
  /**
   * The instant the generated data ends ({@link #NOW}): an export made today still looks as it did
   * then, so rules that count days up to today (a contact idle for N days becomes a lead) must add
   * the days since.
   */
  public static final java.time.Instant DATA_ENDS = java.time.Instant.ofEpochSecond(NOW);
  private static final long YEAR = 365L * 24 * 3600;
  /** The body of the first file is over 128 MB, the size where Dynamics needs chunked upload. */
  public static final long LARGE_FILE_SIZE = 128L * 1024 * 1024 + 65_537;
  public static final String LARGE_FILE_ID = "fil-0000001";

  private final long seed;
  private final SampleCounts counts;

  /**
   * What was written.
   *
   * @param counts records per collection, in writing order
   * @param largeFileWritten whether the large file's body is in {@code files/}
   */
  public record Result(Map<String, Integer> counts, boolean largeFileWritten) {
    public long total() {
      return counts.values().stream().mapToLong(Integer::longValue).sum();
    }
  }

  public SampleGenerator(long seed, int size) {
    this.seed = seed;
    this.counts = SampleCounts.of(size);
  }

  /** @param largeFiles also write the body of the file over 128 MB (otherwise it is served lazily) */
  public Result writeTo(Path dir, boolean largeFiles) throws IOException {
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(dir.resolve("schema.json"), SampleSchema.json(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("export.json"), exportJson(), StandardCharsets.UTF_8);
    users(dir);
    pipelines(dir);
    companies(dir);
    contacts(dir);
    deals(dir);
    projects(dir);
    new SampleActivities(seed, counts).write(dir);
    SampleNotesAndFiles attachments = new SampleNotesAndFiles(seed, counts);
    attachments.writeNotes(dir);
    attachments.writeFiles(dir, largeFiles);
    return new Result(counts.byCollection(), largeFiles);
  }

  private String exportJson() {
    StringBuilder sb = new StringBuilder("{\n  \"format\": \"spark-export/1\",\n  \"generator\": {\"seed\": ")
        .append(seed).append(", \"size\": ").append(counts.total()).append("},\n  \"counts\": {");
    String sep = "";
    for (var e : counts.byCollection().entrySet()) {
      sb.append(sep).append('"').append(e.getKey()).append("\": ").append(e.getValue());
      sep = ", ";
    }
    return sb.append("}\n}\n").toString();
  }

  /** A random stream per object (and per file body), independent of every other. */
  static SplittableRandom random(long seed, long stream) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + 1);
  }

  static String id(String prefix, long n) {
    return prefix + "-" + String.format("%07d", n);
  }

  /** Owners: mostly the active users with an email, every awkward one now and then. */
  static SampleUsers.SampleUser owner(SplittableRandom r) {
    List<SampleUsers.SampleUser> roster = SampleUsers.roster();
    return r.nextInt(10) == 0 ? roster.get(15 + r.nextInt(5)) : roster.get(r.nextInt(15));
  }

  static void owned(JsonLines out, SplittableRandom r) throws IOException {
    SampleUsers.SampleUser owner = owner(r);
    out.text("owner_id", owner.id()).text("owner_email", owner.email());
  }

  /** created_at somewhere in the last three years; updated_at after it. */
  static void stamps(JsonLines out, SplittableRandom r) throws IOException {
    long created = NOW - 3 * YEAR + r.nextLong(3 * YEAR - 86_400);
    out.instant("created_at", created).instant("updated_at", created + r.nextLong(NOW - created));
  }

  private void users(Path dir) throws IOException {
    SplittableRandom r = random(seed, 1);
    try (JsonLines out = new JsonLines(dir.resolve("users.jsonl"))) {
      for (SampleUsers.SampleUser u : SampleUsers.roster()) {
        out.begin(u.id()).text("email", u.email()).text("name", u.name()).bool("active", u.activeInSpark());
        stamps(out, r);
        out.end();
      }
    }
  }

  private void pipelines(Path dir) throws IOException {
    SplittableRandom r = random(seed, 2);
    try (JsonLines out = new JsonLines(dir.resolve("pipelines.jsonl"))) {
      for (SamplePipelines.Pipeline p : SamplePipelines.ALL) {
        out.begin(p.id()).text("name", p.name()).bool("active", true);
        stamps(out, r);
        out.end();
      }
    }
    try (JsonLines out = new JsonLines(dir.resolve("stages.jsonl"))) {
      for (SamplePipelines.Stage s : SamplePipelines.stages()) {
        out.begin(s.id()).text("pipeline_id", s.pipelineId()).text("name", s.name()).number("order", s.order())
            .number("probability", s.probability()).text("color", s.color());
        stamps(out, r);
        out.end();
      }
    }
  }

  private void companies(Path dir) throws IOException {
    SplittableRandom r = random(seed, 3);
    String[] industries = {"Software", "Manufacturing", "Retail", "Finance", "Healthcare", "Education", "Other"};
    String[] tiers = {"Gold", "Silver", "Bronze"};
    String[] tags = {"partner", "reference", "at-risk", "strategic"};
    try (JsonLines out = new JsonLines(dir.resolve("companies.jsonl"))) {
      for (int i = 1; i <= counts.companies(); i++) {
        String name = companyName(r, i);
        String slug = "company" + i;
        int place = r.nextInt(SampleText.CITY.length);
        out.begin(id("cmp", i)).text("name", name)
            .text("website", i == 6 ? "https://www." + slug + ".example/" + SampleText.longText("landing", 220)
                .replace(' ', '-') : "https://www." + slug + ".example")
            .text("phone", "+1 555 01" + String.format("%02d", r.nextInt(100)) + " " + r.nextInt(1000))
            .text("industry", r.nextInt(12) == 0 ? null : industries[r.nextInt(industries.length)])
            .text("parent_id", parent(r, i));
        owned(out, r);
        out.text("street", (1 + r.nextInt(200)) + " " + SampleText.STREET[place]).text("city", SampleText.CITY[place])
            .text("state", null).text("postal_code", String.format("%05d", r.nextInt(100_000)))
            .text("country", SampleText.COUNTRY[place]);
        stamps(out, r);
        out.text("tier", tiers[r.nextInt(tiers.length)]).cents("annual_revenue", r.nextLong(10_000_000_000L))
            .number("employee_count", 1 + r.nextInt(50_000))
            .date("Customer Since", (NOW - 10 * YEAR) / 86_400 + r.nextInt(3650));
        if (r.nextInt(3) == 0) out.text("linkedin_url", "https://www.linkedin.example/company/" + slug);
        List<String> chosen = new ArrayList<>();
        for (String t : tags) if (r.nextInt(4) == 0) chosen.add(t);
        out.list("tags", chosen);
        if (r.nextInt(5) == 0) out.text("internal_notes", SampleText.sentence(r, 30));
        out.end();
      }
    }
  }

  private static String companyName(SplittableRandom r, int i) {
    // One name longer than Dynamics' 160 characters for account.name (Spark allows 255).
    if (i == 5) return SampleText.longText("Consolidated International Holdings of Greater Metropolitan Regions", 230);
    if (r.nextInt(8) == 0) return SampleText.pick(r, SampleText.COMPANY_NON_LATIN) + " " + i;
    return SampleText.pick(r, SampleText.COMPANY_A) + " " + SampleText.pick(r, SampleText.COMPANY_B) + " "
        + SampleText.pick(r, SampleText.COMPANY_SUFFIX);
  }

  /** Companies 2 and 3 are each other's parent (the accidental cycle); about a third of the rest have a parent. */
  private static String parent(SplittableRandom r, int i) {
    if (i == 2) return id("cmp", 3);
    if (i == 3) return id("cmp", 2);
    if (i > 4 && r.nextInt(3) == 0) return id("cmp", 1 + r.nextInt(i - 1));
    return null;
  }

  private void contacts(Path dir) throws IOException {
    SplittableRandom r = random(seed, 4);
    String[] languages = {"en", "de", "fr", "ja", "zh", "ar"};
    try (JsonLines out = new JsonLines(dir.resolve("contacts.jsonl"))) {
      for (int i = 1; i <= counts.contacts(); i++) {
        String[] first = SampleText.pick(r, SampleText.FIRST);
        String[] last = SampleText.pick(r, SampleText.LAST);
        List<String> companies = companiesOf(r, i);
        String email = r.nextInt(25) == 0 ? null : first[1] + "." + last[1] + i + "@" + "client" + (1 + i % 97) + ".example";
        if (email != null && r.nextInt(10) == 0) email = email.toUpperCase(java.util.Locale.ROOT);
        int status = r.nextInt(10);
        out.begin(id("con", i)).text("first_name", first[0]).text("last_name", r.nextInt(40) == 0 ? null : last[0])
            .text("email", email).text("phone", r.nextInt(4) == 0 ? null : "+44 20 7946 " + String.format("%04d", r.nextInt(10_000)))
            .text("title", i == 4 ? SampleText.longText("Senior Vice President of Strategic Partnerships", 150)
                : SampleText.pick(r, SampleText.TITLE))
            .text("status", status < 3 ? "new" : status < 5 ? "unqualified" : status < 8 ? "qualified" : "customer")
            .list("company_ids", companies).text("primary_company_id", companies.isEmpty() ? null : companies.get(0));
        owned(out, r);
        out.instant("last_activity_at", NOW - r.nextLong(2 * YEAR));
        stamps(out, r);
        if (r.nextInt(3) == 0) out.date("birthday", -7000 + r.nextInt(15_000));
        out.bool("newsletter", r.nextBoolean()).cents("lead_score", r.nextLong(10_000));
        if (r.nextInt(6) == 0) out.text("secondary_email", first[1] + i + "@home.example");
        if (r.nextInt(3) == 0) out.text("mobile_phone", "+49 151 " + String.format("%08d", r.nextInt(100_000_000)));
        if (r.nextInt(4) == 0) out.instant("last_webinar_at", NOW - r.nextLong(YEAR));
        out.text("preferred_language", languages[r.nextInt(languages.length)]);
        out.end();
      }
    }
  }

  /** Every 7th contact has no company, every 5th several; the rest one. */
  private List<String> companiesOf(SplittableRandom r, int i) {
    if (i % 7 == 0) return List.of();
    int n = i % 5 == 0 ? 2 + r.nextInt(2) : 1;
    List<String> ids = new ArrayList<>(n);
    while (ids.size() < n) {
      String c = id("cmp", 1 + r.nextInt(counts.companies()));
      if (!ids.contains(c)) ids.add(c);
    }
    return ids;
  }

  private void deals(Path dir) throws IOException {
    SplittableRandom r = random(seed, 5);
    String[] currencies = {"USD", "USD", "EUR", "GBP", "JPY"};
    String[] forecast = {"pipeline", "best_case", "commit", "omitted"};
    String[] competitors = {"Northwind", "Contoso", "Fabrikam", "Other"};
    try (JsonLines out = new JsonLines(dir.resolve("deals.jsonl"))) {
      for (int i = 1; i <= counts.deals(); i++) {
        // The first deal sits in a custom stage no standard sales stage matches.
        SamplePipelines.Pipeline p = i == 1 ? SamplePipelines.ALL.get(2)
            : SamplePipelines.ALL.get(r.nextInt(5) < 3 ? 0 : 1 + r.nextInt(2));
        SamplePipelines.Stage stage = i == 1 ? p.stages().get(1) : p.stages().get(r.nextInt(p.stages().size()));
        int status = r.nextInt(10);
        out.begin(id("del", i)).text("name", SampleText.pick(r, SampleText.PRODUCTS) + " – deal " + i)
            .cents("amount", 100_000 + r.nextLong(50_000_000)).text("currency", currencies[r.nextInt(currencies.length)])
            .date("close_date", NOW / 86_400 - 400 + r.nextInt(800))
            .text("stage_id", stage.id()).text("stage", stage.name()).text("pipeline_id", p.id())
            .text("company_id", r.nextInt(10) == 0 ? null : id("cmp", 1 + r.nextInt(counts.companies())));
        List<String> contactIds = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
          String c = id("con", 1 + r.nextInt(counts.contacts()));
          if (!contactIds.contains(c)) contactIds.add(c);
        }
        out.list("contact_ids", contactIds);
        owned(out, r);
        out.text("status", status < 6 ? "open" : status < 8 ? "won" : "lost");
        stamps(out, r);
        out.text("forecast_category", forecast[r.nextInt(forecast.length)]).cents("discount_pct", r.nextInt(3000));
        List<String> chosen = new ArrayList<>();
        for (String c : competitors) if (r.nextInt(5) == 0) chosen.add(c);
        out.list("competitors", chosen);
        if (r.nextInt(4) == 0) out.text("referral_source", SampleText.sentence(r, 3));
        out.end();
      }
    }
  }

  private void projects(Path dir) throws IOException {
    SplittableRandom r = random(seed, 6);
    String[] statuses = {"planned", "active", "on_hold", "done"};
    try (JsonLines out = new JsonLines(dir.resolve("projects.jsonl"))) {
      for (int i = 1; i <= counts.projects(); i++) {
        List<String> team = new ArrayList<>();
        for (int k = 1 + r.nextInt(5); k > 0; k--) {
          String c = id("con", 1 + r.nextInt(counts.contacts()));
          if (!team.contains(c)) team.add(c);
        }
        out.begin(id("prj", i)).text("name", "Project " + SampleText.pick(r, SampleText.COMPANY_A) + " " + i)
            .text("code", String.format("PRJ-%05d", i)).cents("budget", r.nextLong(100_000_000))
            .text("status", statuses[r.nextInt(statuses.length)]).date("start_date", NOW / 86_400 - r.nextInt(700))
            .text("company_id", id("cmp", 1 + r.nextInt(counts.companies()))).list("contact_ids", team);
        owned(out, r);
        stamps(out, r);
        out.end();
      }
    }
  }

  /** A file's body: deterministic bytes from the seed and the id, made as they are read. */
  public static InputStream body(long seed, String fileId, long size) {
    return new LazyBody(random(seed, 1_000_000L + fileId.hashCode()), size);
  }
}
