package io.fmap.runtime.cutover;

import io.fmap.runtime.api.Association;
import io.fmap.runtime.api.CompiledPlan;
import io.fmap.runtime.api.LoadTier;
import io.fmap.runtime.api.MapTransform;
import io.fmap.runtime.api.SourceRouter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order rollback removes rows in: the plan's load tiers reversed, so that children go before the
 * parents their lookups point to (activities and notes, then opportunities, contacts, leads, accounts).
 * A table the plan does not write (an N:N intersect table, rows of an older plan) goes first: whatever
 * it is, nothing loaded by the plan points to it.
 *
 * @param tables the plan's tables, first removed first
 */
/**
 * @param tables removal order of tables (children first)
 * @param links  the plan's many-to-many links: rollback disassociates those a run made, before any row
 */
public record UndoOrder(List<String> tables, List<Association> links) {

  /** Sales' own dependency order, for a ledger whose plan is not at hand. */
  public static final UndoOrder SALES = new UndoOrder(List.of("activityparty", "task", "phonecall", "email",
      "appointment", "letter", "fax", "annotation", "opportunityproduct", "opportunity", "contact", "lead", "account"),
      List.of());

  public UndoOrder {
    tables = List.copyOf(tables);
    links = List.copyOf(links);
  }

  /** The association whose links a ledger entry of this source object records ({@code Project~fmap_project_contact}). */
  java.util.Optional<Association> linkOf(String sourceObject) {
    return links.stream().filter(a -> sourceObject.equals(a.sourceObject() + "~" + a.relationship())).findFirst();
  }

  /** Tiers last to first; the tables of one tier by name. */
  public static UndoOrder of(CompiledPlan plan) {
    Set<String> order = new LinkedHashSet<>();
    List<LoadTier> tiers = new ArrayList<>(plan.tiers());
    tiers.sort(Comparator.comparingInt(LoadTier::number).reversed());
    for (LoadTier tier : tiers) {
      Set<String> tables = new TreeSet<>();
      for (String object : tier.sourceObjects()) {
        plan.routers().stream().filter(r -> r.sourceObject().equals(object)).map(SourceRouter::maps)
            .flatMap(List::stream).map(MapTransform::targetTable).forEach(tables::add);
      }
      order.addAll(tables);
    }
    return new UndoOrder(List.copyOf(order), plan.associations());
  }

  /** Sorts tables into removal order: unknown tables first (by name), then the plan's. */
  Comparator<String> comparator() {
    return Comparator.comparingInt((String t) -> tables.indexOf(t)).thenComparing(Comparator.naturalOrder());
  }
}
