package io.fmap.runtime.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Proof that this process is the only one writing runs to a ledger: two {@code fmap migrate} on one
 * project would both resume the same run. The lock belongs to the operating system (a file lock
 * beside an SQLite ledger) or to the database session (an advisory lock in PostgreSQL), so a killed
 * process releases it at once and never leaves a stale lock behind. Readers ({@code fmap report})
 * need no lock.
 */
public sealed interface WriterLock extends AutoCloseable {

  @Override
  void close();

  /** The lock file {@code <ledger file>.lock}; its content names the holder, for the next one's message. */
  record OnFile(FileChannel channel, FileLock lock) implements WriterLock {
    static WriterLock acquire(Path ledgerFile, String holder, String where) {
      Path lockFile = ledgerFile.resolveSibling(ledgerFile.getFileName() + ".lock");
      FileChannel channel = null;
      try {
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
          lock = null;
        }
        if (lock == null) {
          String other = readHolder(channel);
          channel.close();
          throw busy(where, other);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new OnFile(channel, lock);
      } catch (IOException e) {
        closeQuietly(channel);
        throw new LedgerException("cannot lock the ledger " + where + " (" + lockFile + "): " + e.getMessage(), e);
      }
    }

    private static String readHolder(FileChannel channel) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(512);
      int read = channel.read(buffer, 0);
      return read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).strip();
    }

    private static void closeQuietly(FileChannel channel) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // The failure to lock is what the user needs to see.
        }
      }
    }

    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new LedgerException("releasing the ledger lock failed: " + e.getMessage(), e);
      }
    }
  }

  /** A session-level advisory lock, held by the ledger's own connection. */
  record OnSession(Connection connection, Object monitor) implements WriterLock {
    // Advisory locks are per database; keying by schema lets projects share a database.
    static final String KEY = "hashtext('fmap-ledger:' || current_schema())";

    static WriterLock acquire(Connection connection, Object monitor, String where) {
      synchronized (monitor) {
        try {
          boolean locked = Jdbc.first(connection, "SELECT pg_try_advisory_lock(" + KEY + ")", row -> row.getBoolean(1))
              .orElse(false);
          connection.commit();
          if (!locked) {
            throw busy(where, "");
          }
          return new OnSession(connection, monitor);
        } catch (SQLException e) {
          throw new LedgerException("cannot lock the ledger " + where + ": " + e.getMessage(), e);
        }
      }
    }

    @Override
    public void close() {
      synchronized (monitor) {
        try {
          if (!connection.isClosed()) {
            Jdbc.first(connection, "SELECT pg_advisory_unlock(" + KEY + ")", row -> row.getBoolean(1));
            connection.commit();
          }
        } catch (SQLException e) {
          throw new LedgerException("releasing the ledger lock failed: " + e.getMessage(), e);
        }
      }
    }
  }

  /** A ledger with nothing to lock (an in-memory SQLite ledger lives and dies with its process). */
  record None() implements WriterLock {
    @Override
    public void close() {
      // Nothing was locked.
    }
  }

  private static LedgerException busy(String where, String holder) {
    return new LedgerException("another fmap process is writing the ledger " + where
        + (holder.isEmpty() ? "" : " (" + holder + ")")
        + "; wait for it to finish or stop it, then run the command again");
  }
}
