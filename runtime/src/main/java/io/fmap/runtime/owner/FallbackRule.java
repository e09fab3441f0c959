package io.fmap.runtime.owner;

import java.util.Objects;

/**
 * Who owns a record whose Spark owner cannot be matched in the target. Written in {@code fmap.yaml}
 * as {@code user:EMAIL} or {@code team:NAME}; absent means no fallback, and every unmatched owner
 * blocks the migration ("no record without an owner").
 */
public sealed interface FallbackRule {

  /** The rule as written in the configuration. */
  String text();

  record None() implements FallbackRule {
    @Override
    public String text() {
      return "none";
    }
  }

  record UserByEmail(String email) implements FallbackRule {
    public UserByEmail {
      Objects.requireNonNull(email, "email");
    }

    @Override
    public String text() {
      return "user:" + email;
    }
  }

  record TeamByName(String name) implements FallbackRule {
    public TeamByName {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String text() {
      return "team:" + name;
    }
  }

  /**
   * Reads a rule: blank or {@code none}, {@code user:EMAIL}, {@code team:NAME}.
   *
   * @throws IllegalArgumentException with the accepted forms, for anything else
   */
  static FallbackRule parse(String text) {
    if (text == null || text.isBlank() || text.strip().equals("none")) {
      return new None();
    }
    String value = text.strip();
    int colon = value.indexOf(':');
    String kind = colon < 0 ? "" : value.substring(0, colon).strip();
    String target = colon < 0 ? "" : value.substring(colon + 1).strip();
    if (!target.isEmpty() && kind.equals("user")) {
      return new UserByEmail(target);
    }
    if (!target.isEmpty() && kind.equals("team")) {
      return new TeamByName(target);
    }
    throw new IllegalArgumentException("fallback owner \"" + value
        + "\" is not a rule; write user:EMAIL (an enabled user of the target), team:NAME, or none");
  }
}
