package io.fmap.runtime.target;

import java.io.IOException;

/**
 * Where a file goes that the target org will not take (larger than its {@code maxuploadfilesize}):
 * a SharePoint document library, a blob store. The record gets the returned link instead of the body.
 */
public interface LargeFileStore {

  /**
   * @param table    the table of the record the file belongs to ({@code annotation})
   * @param sourceId the source record's id
   * @param fileName the file's name as the source gave it
   * @param base64   the file's content, Base64-encoded
   * @return a link people can follow to the file
   */
  String store(String table, String sourceId, String fileName, String base64) throws IOException;
}
