package io.fmap.compiler.emit;

/**
 * Generated code did not compile. The checker accepted the project, so this is a bug in fmap (or
 * a missing JDK), never the user's mapping: the message says which and carries javac's findings.
 */
public final class GeneratedCodeException extends RuntimeException {

  public GeneratedCodeException(String message) {
    super(message);
  }
}
