package io.fmap.runtime.dataverse;

import java.util.Objects;

/**
 * A credential read from the environment. It prints as {@code ***} so that no toString, log line
 * or exception message built from a config object can leak it; only {@link #reveal()} gives the value.
 */
public final class Secret {
  private final String value;

  private Secret(String value) { this.value = Objects.requireNonNull(value); }

  public static Secret of(String value) { return new Secret(value); }

  /** The clear value, for the one place that must send it (the token request body). */
  String reveal() { return value; }

  @Override public String toString() { return "***"; }

  @Override public boolean equals(Object o) { return o instanceof Secret s && s.value.equals(value); }

  @Override public int hashCode() { return value.hashCode(); }
}
