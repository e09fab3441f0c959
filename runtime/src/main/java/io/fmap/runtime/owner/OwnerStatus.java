package io.fmap.runtime.owner;

import java.util.Locale;

/** How a Spark owner fared against the target's users. */
public enum OwnerStatus {
  /** Exactly one enabled target user has the owner's email. */
  MATCHED("matched"),
  /** No target user has the owner's email. */
  UNMATCHED("unmatched"),
  /** Several enabled target users have the owner's email; picking one would be a guess. */
  DUPLICATE_EMAIL("duplicate email in target"),
  /** The only target users with the owner's email are disabled. */
  DISABLED_USER("disabled user"),
  /** The record names no owner, an owner Spark does not know, or an owner without email. */
  MISSING_OWNER("missing owner");

  private final String label;

  OwnerStatus(String label) {
    this.label = label;
  }

  /** How reports print the status. */
  public String label() {
    return label;
  }

  /** The status in JSON. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
