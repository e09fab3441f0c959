package io.fmap.emulator.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many records of each object a dataset of {@code size} records holds: the fixed users,
 * pipelines and stages, and the rest shared out in proportions like a real CRM's. Small sizes
 * still get enough of each object for every awkward case to appear.
 */
record SampleCounts(int users, int pipelines, int stages, int companies, int contacts, int deals, int projects,
                    int activities, int notes, int files) {

  static final int MIN_SIZE = 100;
  /** File bodies are real files on disk; more than this adds write time without new cases. */
  static final int MAX_FILES = 5000;

  static SampleCounts of(int size) {
    if (size < MIN_SIZE) throw new IllegalArgumentException("size must be at least " + MIN_SIZE + " records, was " + size);
    int users = SampleUsers.roster().size();
    int pipelines = SamplePipelines.ALL.size();
    int stages = SamplePipelines.stages().size();
    long rest = (long) size - users - pipelines - stages;
    int companies = share(rest, 10, 8);
    int contacts = share(rest, 25, 10);
    int deals = share(rest, 12, 4);
    int projects = share(rest, 2, 2);
    int notes = share(rest, 10, 4);
    int files = Math.min(MAX_FILES, share(rest, 5, 12));
    int activities = (int) (rest - companies - contacts - deals - projects - notes - files);
    return new SampleCounts(users, pipelines, stages, companies, contacts, deals, projects, activities, notes, files);
  }

  private static int share(long rest, int percent, int minimum) {
    return (int) Math.max(minimum, rest * percent / 100);
  }

  long total() {
    return (long) users + pipelines + stages + companies + contacts + deals + projects + activities + notes + files;
  }

  /** Per collection, in the order they are written. */
  Map<String, Integer> byCollection() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("users", users);
    m.put("pipelines", pipelines);
    m.put("stages", stages);
    m.put("companies", companies);
    m.put("contacts", contacts);
    m.put("deals", deals);
    m.put("projects", projects);
    m.put("activities", activities);
    m.put("notes", notes);
    m.put("files", files);
    return m;
  }
}
