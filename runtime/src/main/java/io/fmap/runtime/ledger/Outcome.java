package io.fmap.runtime.ledger;

import java.util.Objects;

/** What became of a record: the target's answer to a write, or fmap's decision not to send it. */
public sealed interface Outcome {

  RecordKey key();

  Operation operation();

  /**
   * The target holds the write.
   *
   * @param operation     created, updated, deleted or restored
   * @param targetId      the row's id in the target
   * @param targetVersion the row's version after the write (ETag or modifiedon) when the target
   *                      gave one, so a later delta can see rows changed in the target since
   */
  record Landed(RecordKey key, Operation operation, String targetId, String targetVersion) implements Outcome {
    public Landed {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(targetId, "targetId");
      if (!operation.landed()) {
        throw new IllegalArgumentException(operation + " is not an operation the target holds");
      }
    }
  }

  /** The target refused the write; the error code is the target's (or fmap's) code. */
  record Failed(RecordKey key, String errorCode, String message) implements Outcome {
    public Failed {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(errorCode, "errorCode");
    }

    @Override
    public Operation operation() {
      return Operation.FAILED;
    }
  }

  /** fmap set the record aside before sending it (it fails a rule); the run goes on. */
  record Quarantined(RecordKey key, String reasonCode, String message) implements Outcome {
    public Quarantined {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(reasonCode, "reasonCode");
    }

    @Override
    public Operation operation() {
      return Operation.QUARANTINED;
    }
  }

  /** Nothing to send (unchanged since the last write, or a conflict policy kept the target's row). */
  record Skipped(RecordKey key, String reason, String contentHash) implements Outcome {
    public Skipped {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Operation operation() {
      return Operation.SKIPPED;
    }
  }
}
