package io.fmap.schema;

import java.util.List;

/** A Dataverse alternate key: unique over its columns, usable in upsert URLs. */
public record AlternateKey(String name, List<String> columns) {
  public AlternateKey { columns = columns == null ? List.of() : List.copyOf(columns); }
}
