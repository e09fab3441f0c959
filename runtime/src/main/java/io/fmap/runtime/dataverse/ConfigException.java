package io.fmap.runtime.dataverse;

/** A mistake in {@code fmap.yaml} or the environment a person can fix; the message says where and how. */
public final class ConfigException extends Exception {
  public ConfigException(String message) { super(message); }
}
