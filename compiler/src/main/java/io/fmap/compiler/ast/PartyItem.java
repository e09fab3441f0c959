package io.fmap.compiler.ast;

import io.fmap.compiler.diag.Span;
import java.util.List;

/**
 * {@code party to = each to resolve dynamics.contact, dynamics.lead}: the activity's participants in
 * one role, one per address (one per list element with {@code each}), each resolved by email in the
 * named tables in order and kept as the bare address when none has it.
 *
 * @param role    the participation role as written ({@code sender}, {@code to}, {@code required}, ...)
 * @param each    {@code each}: the value is a list and every element is a participant
 * @param address the address, or the list of addresses with {@code each}
 * @param resolve the tables searched by email, in the order written
 */
public record PartyItem(Name role, boolean each, Expr address, List<QualifiedName> resolve, Span span)
    implements MapItem {

  public PartyItem {
    resolve = List.copyOf(resolve);
  }
}
