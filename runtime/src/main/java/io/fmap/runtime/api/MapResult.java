package io.fmap.runtime.api;

import java.util.List;
import java.util.Objects;

/** What one map made of one source record: target rows, or the reason it could not. */
public sealed interface MapResult {

  /** The rows to write, in the order they must be written (usually exactly one). */
  record Mapped(List<TargetRow> rows) implements MapResult {
    public Mapped {
      rows = List.copyOf(rows);
    }
  }

  /** The record is quarantined with this error. */
  record Failed(MappingError error) implements MapResult {
    public Failed {
      Objects.requireNonNull(error, "error");
    }
  }

  static MapResult of(TargetRow row) {
    return new Mapped(List.of(row));
  }

  static MapResult failed(MappingError error) {
    return new Failed(error);
  }
}
