package io.fmap.compiler;

import java.io.File;
import org.approvaltests.namer.ApprovalNamer;

/**
 * Puts an approved file right next to the corpus file it pins (corpus/invalid/x.fmap →
 * corpus/invalid/x.fmap.approved.txt), so a reviewer sees input and expected output together.
 */
public final class CorpusNamer implements ApprovalNamer {

  private final String folder;
  private final String baseName;
  private String additional = "";

  public CorpusNamer(String corpusFolder, String fileName) {
    this.folder = "src/test/resources/corpus/" + corpusFolder;
    this.baseName = fileName;
  }

  @Override
  public File getApprovedFile(String extension) {
    return new File(folder, baseName + additional + ".approved" + extension);
  }

  @Override
  public File getReceivedFile(String extension) {
    return new File(folder, baseName + additional + ".received" + extension);
  }

  @Override
  public ApprovalNamer addAdditionalInformation(String info) {
    additional = additional + "." + info;
    return this;
  }

  @Override
  public String getAdditionalInformation() {
    return additional;
  }

  @Override
  public String getApprovalName() {
    return baseName;
  }

  @Override
  public String getSourceFilePath() {
    return folder + "/";
  }
}
