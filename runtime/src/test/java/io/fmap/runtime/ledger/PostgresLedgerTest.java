package io.fmap.runtime.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The ledger contract on PostgreSQL, when {@code FMAP_TEST_PG_URL} names a database to test in
 * (see docs/ledger.md). Each test gets a schema of its own, dropped afterwards, so the database's
 * other contents are never touched.
 */
@EnabledIfEnvironmentVariable(named = "FMAP_TEST_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresLedgerTest extends LedgerContract {

  private final List<String> schemas = new ArrayList<>();

  @Override
  Ledger openFresh() throws Exception {
    String base = System.getenv("FMAP_TEST_PG_URL");
    String schema = "fmap_ledger_test_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    schemas.add(schema);
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return Ledger.open(new LedgerLocation(url, Dialect.POSTGRES), new SteppingClock());
  }

  @AfterEach
  void dropSchemas() throws Exception {
    ledger.close();
    try (Connection c = DriverManager.getConnection(System.getenv("FMAP_TEST_PG_URL"));
        Statement s = c.createStatement()) {
      for (String schema : schemas) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
