package io.fmap.runtime.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LedgerLocationTest {

  private static final Path PROJECT = Path.of("/work/acme");

  @Test
  void noConfiguredLedgerMeansTheProjectsFmapLedgerFile() {
    LedgerLocation location = LedgerLocation.parse(PROJECT, "  ");
    assertEquals(Dialect.SQLITE, location.dialect());
    assertEquals(Path.of("/work/acme/.fmap/ledger.db"), location.sqlitePath());
  }

  @Test
  void aConfiguredPathIsRelativeToTheProject() {
    assertEquals(Path.of("/work/acme/state/ledger.db"), LedgerLocation.parse(PROJECT, "state/ledger.db").sqlitePath());
    assertEquals(Path.of("/var/fmap/l.db"), LedgerLocation.parse(PROJECT, "/var/fmap/l.db").sqlitePath());
  }

  @Test
  void aPostgresUrlIsTakenAsGivenAndHasNoFile() {
    LedgerLocation location = LedgerLocation.parse(PROJECT, "jdbc:postgresql://127.0.0.1:5432/fmap");
    assertEquals(Dialect.POSTGRES, location.dialect());
    assertEquals("jdbc:postgresql://127.0.0.1:5432/fmap", location.jdbcUrl());
    assertNull(location.sqlitePath());
  }

  @Test
  void anUnsupportedDatabaseIsRefusedWithoutEchoingItsPassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LedgerLocation.parse(PROJECT, "jdbc:mysql://db/fmap?user=ana&password=s3cret"));
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void passwordsInAUrlNeverReachItsPrintedForm() {
    assertEquals("jdbc:postgresql://db:5432/fmap?user=ana&password=***&ssl=true",
        LedgerLocation.parse(PROJECT, "jdbc:postgresql://db:5432/fmap?user=ana&password=s3cret&ssl=true").toString());
    assertEquals("jdbc:postgresql://ana:***@db/fmap",
        LedgerLocation.parse(PROJECT, "jdbc:postgresql://ana:s3cret@db/fmap").redacted());
  }

  @Test
  void anSqliteUrlNamesItsFileSoItCanBeLockedAndAMemoryLedgerHasNone() {
    assertEquals(Path.of("/var/fmap/l.db"), LedgerLocation.parse(PROJECT, "jdbc:sqlite:/var/fmap/l.db").sqlitePath());
    assertEquals(Path.of("/var/fmap/l.db"), LedgerLocation.parse(PROJECT, "jdbc:sqlite:file:/var/fmap/l.db?cache=shared").sqlitePath());
    assertNull(LedgerLocation.parse(PROJECT, "jdbc:sqlite::memory:").sqlitePath());
    assertNull(LedgerLocation.parse(PROJECT, "jdbc:sqlite:file:ledger?mode=memory&cache=shared").sqlitePath());
  }
}
