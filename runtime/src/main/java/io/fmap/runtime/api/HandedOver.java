package io.fmap.runtime.api;

import java.util.TreeMap;

/**
 * A sorted map its maker fills and then hands over to one row or key, keeping no reference.
 *
 * <p>Why: {@link TargetRow} and {@link TargetKey.ByAlternateKey} copy the maps they are given, so
 * that a caller cannot change a row after the fact. For the maps {@link TargetRow.Builder} and
 * {@link TargetKey#alternate(String, Object)} fill themselves that copy is pure cost (JFR: about a
 * fifth of a generated transform's CPU in bench/). Only code of this package makes these maps, and
 * each is passed to exactly one constructor and never touched again.
 */
final class HandedOver<V> extends TreeMap<String, V> {
  private static final long serialVersionUID = 1L;
}
