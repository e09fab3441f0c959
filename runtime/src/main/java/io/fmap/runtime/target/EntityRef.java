package io.fmap.runtime.target;

/**
 * A lookup value in a row body: written as {@code "<nav>@odata.bind": "/<entitySet>(<address>)"}.
 *
 * @param entitySet the target table's entity set ({@code accounts})
 * @param address   by id or by alternate key (a {@link RowAddress.New} is not a valid reference)
 */
public record EntityRef(String entitySet, RowAddress address) {}
