package io.fmap.emulator.generate;

import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * A file body of any size, made while it is read: a 64 KiB random block repeated. The 128 MB
 * sample file exists only as this stream unless someone asks for it on disk.
 */
final class LazyBody extends InputStream {
  private final byte[] block = new byte[1 << 16];
  private final long size;
  private long position;

  LazyBody(SplittableRandom random, long size) {
    random.nextBytes(block);
    this.size = size;
  }

  @Override
  public int read() {
    if (position >= size) return -1;
    return block[(int) (position++ % block.length)] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) return 0;
    if (position >= size) return -1;
    int offset = (int) (position % block.length);
    int n = (int) Math.min(Math.min(len, block.length - offset), size - position);
    System.arraycopy(block, offset, b, off, n);
    position += n;
    return n;
  }

  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, size - position));
    position += skipped;
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, size - position);
  }
}
