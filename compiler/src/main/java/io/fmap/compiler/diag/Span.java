package io.fmap.compiler.diag;

/**
 * A stretch of one source file. Lines and columns are 1-based and count Unicode code points,
 * as a person counts them in an editor; the end is exclusive. Offsets are code-point offsets
 * from the start of the file, end exclusive.
 */
public record Span(String file, int startLine, int startColumn, int endLine, int endColumn,
                   int startOffset, int endOffset) {

  public Span {
    if (file == null) throw new IllegalArgumentException("file must not be null");
    if (startLine < 1 || startColumn < 1 || endLine < startLine) {
      throw new IllegalArgumentException("bad span " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
    }
  }

  /** A zero-width span at the very start of a file, for findings about the file as a whole. */
  public static Span startOf(String file) {
    return new Span(file, 1, 1, 1, 1, 0, 0);
  }

  /** The smallest span covering both; both must be in the same file. */
  public Span to(Span other) {
    Span first = startOffset <= other.startOffset ? this : other;
    Span last = endOffset >= other.endOffset ? this : other;
    return new Span(file, first.startLine, first.startColumn, last.endLine, last.endColumn,
        first.startOffset, last.endOffset);
  }

  public int length() {
    return endOffset - startOffset;
  }

  /** {@code file:line:col}, the form editors and terminals turn into links. */
  public String location() {
    return file + ":" + startLine + ":" + startColumn;
  }
}
