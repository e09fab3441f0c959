package io.fmap.runtime.ledger;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a project's ledger lives: an embedded SQLite file (the default, {@code .fmap/ledger.db}) or
 * a PostgreSQL database given by JDBC URL.
 *
 * @param jdbcUrl the JDBC URL the ledger connects to
 * @param dialect which SQL dialect that URL speaks
 */
public record LedgerLocation(String jdbcUrl, Dialect dialect) {

  /** The default ledger file, relative to the project folder. */
  public static final String DEFAULT_FILE = ".fmap/ledger.db";

  public LedgerLocation {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(dialect, "dialect");
  }

  /** The ledger of a project whose configuration names no ledger. */
  public static LedgerLocation defaultFor(Path projectDir) {
    return sqliteFile(projectDir.resolve(DEFAULT_FILE));
  }

  /** An SQLite ledger in the given file. */
  public static LedgerLocation sqliteFile(Path file) {
    return new LedgerLocation("jdbc:sqlite:" + file.toAbsolutePath().normalize(), Dialect.SQLITE);
  }

  /**
   * Reads the configured ledger: a {@code jdbc:postgresql:} or {@code jdbc:sqlite:} URL as given,
   * anything else as a file path relative to the project folder; blank means the default file.
   *
   * @throws IllegalArgumentException for a JDBC URL of a database the ledger does not support
   */
  public static LedgerLocation parse(Path projectDir, String configured) {
    if (configured == null || configured.isBlank()) {
      return defaultFor(projectDir);
    }
    String value = configured.strip();
    if (value.startsWith("jdbc:postgresql:")) {
      return new LedgerLocation(value, Dialect.POSTGRES);
    }
    if (value.startsWith("jdbc:sqlite:")) {
      return new LedgerLocation(value, Dialect.SQLITE);
    }
    if (value.startsWith("jdbc:")) {
      throw new IllegalArgumentException("the ledger supports SQLite (a file path or jdbc:sqlite:) and "
          + "PostgreSQL (jdbc:postgresql:), not " + redact(value));
    }
    return sqliteFile(projectDir.resolve(value));
  }

  /** The file an SQLite ledger lives in (also for a {@code file:} URI), or null for a server or in-memory one. */
  public Path sqlitePath() {
    if (dialect != Dialect.SQLITE) {
      return null;
    }
    String rest = jdbcUrl.substring("jdbc:sqlite:".length());
    if (rest.startsWith("file:")) {
      rest = rest.substring("file:".length());
    }
    int query = rest.indexOf('?');
    String file = query < 0 ? rest : rest.substring(0, query);
    return file.isEmpty() || file.startsWith(":memory:") || rest.contains("mode=memory") ? null : Path.of(file);
  }

  /** The URL without any password it carries, for messages and logs. */
  public String redacted() {
    return redact(jdbcUrl);
  }

  @Override
  public String toString() {
    return redacted();
  }

  // A JDBC URL may carry user:password@ or a password= parameter; neither may reach a log.
  static String redact(String url) {
    String noUserInfo = url.replaceAll("//([^/@?]*):([^/@?]*)@", "//$1:***@");
    return noUserInfo.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
  }
}
