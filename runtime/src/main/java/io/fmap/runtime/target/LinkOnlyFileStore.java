package io.fmap.runtime.target;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The default {@link LargeFileStore}: copies nothing, links to where the file will live under a
 * document location (a SharePoint folder the customer copies large files into) and keeps the list of
 * such files, which the run writes to the ledger so that none is forgotten.
 */
public final class LinkOnlyFileStore implements LargeFileStore {
  /** A file left outside the target: which record, which name, how big, where the link points. */
  public record KeptFile(String table, String sourceId, String fileName, long base64Length, String link) {}

  private final String documentLocation;
  private final List<KeptFile> kept = new ArrayList<>();

  /** @param documentLocation base URL of the document location, e.g. {@code https://contoso.sharepoint.com/sites/crm/migrated} */
  public LinkOnlyFileStore(String documentLocation) {
    this.documentLocation = documentLocation.replaceAll("/+$", "");
  }

  @Override
  public synchronized String store(String table, String sourceId, String fileName, String base64) {
    String link = documentLocation + "/" + encode(table) + "/" + encode(sourceId) + "/" + encode(fileName);
    kept.add(new KeptFile(table, sourceId, fileName, base64.length(), link));
    return link;
  }

  public synchronized List<KeptFile> kept() { return List.copyOf(kept); }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
