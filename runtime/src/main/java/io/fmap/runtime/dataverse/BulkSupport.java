package io.fmap.runtime.dataverse;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tables accept {@code CreateMultiple} / {@code UpsertMultiple}: not all standard tables do,
 * and the answer differs between orgs, so it is asked once per table and message from
 * {@code sdkmessagefilters} (a non-empty answer means supported) and remembered.
 */
public final class BulkSupport {
  private final Map<String, Boolean> known = new ConcurrentHashMap<>();

  public boolean supports(DataverseClient client, String message, String table) throws IOException {
    String key = message + "/" + table;
    Boolean cached = known.get(key);
    if (cached != null) return cached;
    ApiResponse r = client.send(ApiRequest.get("sdkmessagefilters?$select=sdkmessagefilterid&$filter="
        + ODataKeys.encode("sdkmessageid/name eq '" + message + "' and primaryobjecttypecode eq '" + table + "'")));
    if (!r.ok()) throw new IOException("cannot ask which bulk messages " + table + " supports: " + r.error());
    boolean yes = r.json().path("value").size() > 0;
    known.put(key, yes);
    return yes;
  }
}
