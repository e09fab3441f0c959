package io.fmap.compiler.suggest;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What sample values of one source field look like: the shape most of them share (emails, phone
 * numbers, dates, web addresses) and their distinct texts, for picklist overlap with option labels.
 */
public record ValueProfile(Optional<Shape> shape, Set<String> distinct, int count) {
  /** A recognisable kind of value and the words a target column for it tends to carry. */
  enum Shape {
    EMAIL(Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}"), List.of("email")),
    PHONE(Pattern.compile("\\+?[0-9][0-9 ()./-]{6,}"), List.of("phone", "telephone", "mobile", "fax")),
    DATE(Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?"), List.of("date", "on", "birth")),
    URL(Pattern.compile("https?://\\S+|www\\.\\S+"), List.of("url", "website", "web"));

    final Pattern pattern;
    final List<String> words;

    Shape(Pattern pattern, List<String> words) {
      this.pattern = pattern;
      this.words = words;
    }
  }

  /** A shape counts when at least four in five non-blank values have it. */
  static ValueProfile of(Collection<String> values) {
    List<String> present = values.stream().filter(v -> v != null && !v.isBlank()).toList();
    Optional<Shape> shape = Optional.empty();
    for (Shape s : Shape.values()) {
      long fits = present.stream().filter(v -> s.pattern.matcher(v.trim()).matches()).count();
      if (!present.isEmpty() && fits * 5 >= present.size() * 4L) {
        shape = Optional.of(s);
        break;
      }
    }
    return new ValueProfile(shape, new TreeSet<>(present), present.size());
  }

  static ValueProfile empty() {
    return new ValueProfile(Optional.empty(), Set.of(), 0);
  }

  /** Whether a target column's name suggests it holds values of this profile's shape. */
  boolean fitsName(String targetName) {
    String lower = targetName.toLowerCase(java.util.Locale.ROOT);
    return shape.map(s -> s.words.stream().anyMatch(lower::contains)).orElse(false);
  }

  /** Share of distinct sample values that are also option labels, 0 to 1. */
  double overlap(Set<String> labels) {
    if (distinct.isEmpty()) return 0;
    return (double) distinct.stream().filter(labels::contains).count() / distinct.size();
  }
}
