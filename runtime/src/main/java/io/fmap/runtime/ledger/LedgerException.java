package io.fmap.runtime.ledger;

/**
 * The ledger could not be opened, read or written. The message names the ledger (its location with
 * any password removed) and what to do; the cause, when there is one, is the database's own error.
 */
public final class LedgerException extends RuntimeException {

  public LedgerException(String message) {
    super(message);
  }

  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
