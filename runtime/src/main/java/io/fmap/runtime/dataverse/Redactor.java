package io.fmap.runtime.dataverse;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes every credential fmap has seen (client secrets, bearer tokens) from text that may reach
 * a log, an error, a report or the ledger. Server messages are echoed to users, and a server (or a
 * proxy) may quote the request back, so they pass through here too.
 */
public final class Redactor {
  private static final int SHORTEST_SECRET = 4; // shorter values would blank ordinary words
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  void remember(String secret) {
    if (secret != null && secret.length() >= SHORTEST_SECRET) secrets.add(secret);
  }

  public String clean(String text) {
    if (text == null) return null;
    String out = text;
    for (String s : secrets) out = out.replace(s, "***");
    return out;
  }
}
