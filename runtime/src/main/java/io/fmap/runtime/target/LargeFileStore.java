package io.fmap.runtime.target;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a file goes that the target org will not take (larger than its {@code maxuploadfilesize}):
 * a SharePoint document library, a folder, a blob store. The record gets the returned link instead of
 * the body. Storing the same file again (a resumed or repeated run) replaces it: stores are idempotent.
 */
public interface LargeFileStore {

  /**
   * @param table    the table of the record the file belongs to ({@code annotation})
   * @param sourceId the source record's id
   * @param fileName the file's name as the mapping gave it
   * @param content  the file's bytes, read once as far as the store needs; the caller closes it
   * @return a link people can follow to the file
   */
  String store(String table, String sourceId, String fileName, InputStream content) throws IOException;
}
