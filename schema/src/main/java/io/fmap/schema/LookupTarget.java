package io.fmap.schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One table a lookup column may point to.
 *
 * @param table              target table logical name
 * @param navigationProperty single-valued navigation property used with {@code @odata.bind}
 *                           ({@code parentcustomerid_account}); null on the Spark side
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LookupTarget(String table, String navigationProperty) {}
