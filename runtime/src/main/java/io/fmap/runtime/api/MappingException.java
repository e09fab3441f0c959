package io.fmap.runtime.api;

/**
 * Thrown by standard functions and generated code when a value cannot be used (a malformed date, a
 * number in the wrong format). It carries no location: the {@link CompiledPlan} knows which
 * {@code .fmap} line the throwing statement came from and turns it into a {@link MappingError}.
 */
public final class MappingException extends RuntimeException {

  private final MappingError.Code code;

  public MappingException(MappingError.Code code, String message) {
    // The stack trace stays: it is how the plan finds the .fmap line of the throwing statement.
    super(message);
    this.code = java.util.Objects.requireNonNull(code, "code");
  }

  public static MappingException invalid(String message) {
    return new MappingException(MappingError.Code.INVALID_VALUE, message);
  }

  public MappingError.Code code() {
    return code;
  }
}
