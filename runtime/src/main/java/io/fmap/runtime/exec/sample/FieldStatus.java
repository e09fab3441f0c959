package io.fmap.runtime.exec.sample;

/** How one mapped column of one sampled record landed. */
public enum FieldStatus {
  /** The target holds a source field's value unchanged. */
  EQUAL("equal"),
  /** The target holds what the mapping made, which is not a source value as-is (a reference, a conversion). */
  TRANSFORMED("transformed as mapped"),
  /** The target holds something other than what the mapping made: the reviewer must look. */
  DIFFERS("differs");

  private final String label;

  FieldStatus(String label) {
    this.label = label;
  }

  /** The word reports print ({@code transformed as mapped}). */
  public String label() {
    return label;
  }
}
