package io.fmap.runtime.target;

import java.util.Objects;
import java.util.UUID;

/**
 * One association of a many-to-many relationship between two rows that exist.
 *
 * @param label   what the ledger and the results call it ({@code prj-1→con-7}), reported back in
 *                the {@link WriteResult}
 * @param id      the row on the relationship's side being written from
 * @param otherId the row on the other side
 */
public record Link(String label, UUID id, UUID otherId) {
  public Link {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(otherId, "otherId");
  }
}
