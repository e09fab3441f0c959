package io.fmap.runtime.api;

import java.util.Objects;

/**
 * A many-to-many relationship the load fills after both sides have landed: every record of
 * {@code sourceObject} lists, in {@code sourceField}, the ids of the {@code otherObject} records it
 * is linked to; each pair becomes one association of {@code relationship}. The compiler pairs the
 * relationship a plan declares in the target with the source's many-to-many relationship between
 * the objects that map to its two tables.
 *
 * @param relationship       the target relationship's schema name ({@code fmap_project_contact})
 * @param sourceObject       the source object holding the links ({@code Project})
 * @param table              the target table {@code sourceObject} maps to ({@code fmap_project})
 * @param navigationProperty the collection-valued navigation property on {@code table}: the Web API
 *                           associates through {@code POST <set>(<id>)/<navigationProperty>/$ref}
 * @param sourceField        the source field listing the linked ids ({@code contact_ids})
 * @param otherObject        the source object those ids belong to ({@code Contact})
 * @param otherTable         the target table {@code otherObject} maps to ({@code contact})
 * @param location           the {@code .fmap} line declaring the relationship
 */
public record Association(String relationship, String sourceObject, String table, String navigationProperty,
                          String sourceField, String otherObject, String otherTable, FmapLocation location) {

  public Association {
    Objects.requireNonNull(relationship, "relationship");
    Objects.requireNonNull(sourceObject, "sourceObject");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(navigationProperty, "navigationProperty");
    Objects.requireNonNull(sourceField, "sourceField");
    Objects.requireNonNull(otherObject, "otherObject");
    Objects.requireNonNull(otherTable, "otherTable");
    Objects.requireNonNull(location, "location");
  }
}
