package io.fmap.emulator.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Calls, emails, meetings and tasks, the largest object of every dataset. */
final class SampleActivities {
  private final long seed;
  private final SampleCounts counts;

  SampleActivities(long seed, SampleCounts counts) {
    this.seed = seed;
    this.counts = counts;
  }

  /** What an activity, note or file is about: {object, id}. */
  static String[] related(SplittableRandom r, SampleCounts counts) {
    int pick = r.nextInt(10);
    if (pick < 4) return new String[] {"Contact", SampleGenerator.id("con", 1 + r.nextInt(counts.contacts()))};
    if (pick < 7) return new String[] {"Company", SampleGenerator.id("cmp", 1 + r.nextInt(counts.companies()))};
    if (pick < 9) return new String[] {"Deal", SampleGenerator.id("del", 1 + r.nextInt(counts.deals()))};
    return new String[] {"Project", SampleGenerator.id("prj", 1 + r.nextInt(counts.projects()))};
  }

  void write(Path dir) throws IOException {
    SplittableRandom r = SampleGenerator.random(seed, 7);
    String[] types = {"call", "call", "email", "email", "email", "meeting", "task", "task"};
    try (JsonLines out = new JsonLines(dir.resolve("activities.jsonl"))) {
      for (int i = 1; i <= counts.activities(); i++) {
        // The first four cover every type, so every dataset has each.
        String type = i <= 4 ? new String[] {"call", "email", "meeting", "task"}[i - 1] : types[r.nextInt(types.length)];
        long occurred = SampleGenerator.NOW - r.nextLong(2L * 365 * 86_400);
        out.begin(SampleGenerator.id("act", i)).text("type", type).text("subject", subject(r, i, type))
            .text("body", r.nextInt(3) == 0 ? null : SampleText.sentence(r, 10 + r.nextInt(40)))
            .instant("occurred_at", occurred);
        switch (type) {
          case "call" -> out.number("duration_min", 1 + r.nextInt(90)).text("direction", r.nextBoolean() ? "inbound" : "outbound");
          case "email" -> {
            boolean inbound = r.nextBoolean();
            out.text("direction", inbound ? "inbound" : "outbound")
                .text("from", inbound ? "client" + r.nextInt(97) + "@client.example" : SampleGenerator.owner(r).email())
                .list("to", recipients(r));
          }
          case "meeting" -> out.number("duration_min", 15 * (1 + r.nextInt(8))).list("attendees", recipients(r));
          default -> out.date("due_date", occurred / 86_400 + r.nextInt(30)).text("task_status", r.nextInt(3) == 0 ? "open" : "done");
        }
        SampleGenerator.owned(out, r);
        String[] related = related(r, counts);
        out.related("related", related[0], related[1]);
        SampleGenerator.stamps(out, r);
        out.end();
      }
    }
  }

  /** Some subjects are empty or missing; one is longer than Dynamics' 200 characters. */
  private static String subject(SplittableRandom r, int i, String type) {
    if (i == 6) return SampleText.longText("Follow-up on the renewal negotiation", 300);
    int roll = r.nextInt(40);
    if (roll == 0 || i == 5) return "";
    if (roll == 1) return null;
    return SampleText.sentence(r, 2 + r.nextInt(5)) + " (" + type + ")";
  }

  private static List<String> recipients(SplittableRandom r) {
    List<String> to = new ArrayList<>();
    for (int k = 1 + r.nextInt(3); k > 0; k--) to.add("person" + r.nextInt(500) + "@client.example");
    return to;
  }
}
