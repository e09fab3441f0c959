package io.fmap.runtime.target;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The default {@link LargeFileStore}: copies nothing (the body is not even read), links to where the
 * file will live under a document location (a SharePoint folder the customer copies large files into)
 * and keeps the list of such files for the run to report. The ledger's files-pass entry of each such
 * file ({@code File~files}) is the write of the note that carries the link.
 */
public final class LinkOnlyFileStore implements LargeFileStore {
  /** A file left outside the target: which record, which name, where the link points. */
  public record KeptFile(String table, String sourceId, String fileName, String link) {}

  private final String documentLocation;
  private final List<KeptFile> kept = new ArrayList<>();

  /** @param documentLocation base URL of the document location, e.g. {@code https://contoso.sharepoint.com/sites/crm/migrated} */
  public LinkOnlyFileStore(String documentLocation) {
    this.documentLocation = documentLocation.replaceAll("/+$", "");
  }

  @Override
  public synchronized String store(String table, String sourceId, String fileName, InputStream content) {
    String link = link(documentLocation, table, sourceId, fileName);
    kept.add(new KeptFile(table, sourceId, fileName, link));
    return link;
  }

  public synchronized List<KeptFile> kept() { return List.copyOf(kept); }

  /** {@code base/table/sourceId/fileName}, each segment percent-encoded. */
  private static String link(String base, String table, String sourceId, String fileName) {
    return base + "/" + encode(table) + "/" + encode(sourceId) + "/" + encode(fileName);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
