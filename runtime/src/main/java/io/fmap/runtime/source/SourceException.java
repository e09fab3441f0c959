package io.fmap.runtime.source;

/** A source could not be read; the message says where and what to do next. */
public class SourceException extends RuntimeException {
  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
