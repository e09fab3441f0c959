package io.fmap.runtime.ledger;

import java.time.Instant;

/**
 * A change fmap made to the target's schema, kept so rollback {@code --schema} can remove it.
 *
 * @param kind      what was created ({@code table}, {@code column}, {@code optionset}, ...)
 * @param name      its logical name ({@code account.new_tier})
 * @param detail    JSON describing it as applied
 * @param removedBy the rollback run that removed it, or null while it is in place
 */
public record AppliedSchemaChange(long id, long runId, String kind, String name, String detail,
    Instant appliedAt, Long removedBy) {}
