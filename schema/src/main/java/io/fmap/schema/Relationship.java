package io.fmap.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A many-to-many relationship (one-to-many ones are lookup columns with targets).
 *
 * @param name             schema name ({@code new_project_contact})
 * @param table1           first side
 * @param table2           second side
 * @param intersectTable   Dataverse intersect (junction) table; the Spark field holding the links otherwise
 * @param navigation1      collection-valued navigation property on table1 (Dataverse), else null
 * @param navigation2      collection-valued navigation property on table2 (Dataverse), else null
 * @param custom           created by the customer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Relationship(String name, String table1, String table2, String intersectTable,
                           String navigation1, String navigation2, boolean custom) {}
