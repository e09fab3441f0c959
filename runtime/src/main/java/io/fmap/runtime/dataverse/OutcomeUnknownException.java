package io.fmap.runtime.dataverse;

import java.io.IOException;

/**
 * A request that is not safe to repeat failed in a way that leaves open whether the server
 * executed it (5xx, connection lost mid-response). The caller checks what landed before retrying.
 */
public final class OutcomeUnknownException extends IOException {
  public OutcomeUnknownException(String message, Throwable cause) { super(message, cause); }
}
