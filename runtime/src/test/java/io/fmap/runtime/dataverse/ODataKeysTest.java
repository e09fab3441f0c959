package io.fmap.runtime.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fmap.runtime.target.RowAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ODataKeysTest {

  @Test
  void quotesInAKeyAreDoubledSoTheLiteralCannotEnd() {
    assertEquals("accounts(fmap_sourceid='O''Brien')",
        ODataKeys.path("accounts", RowAddress.ByKey.of("fmap_sourceid", "O'Brien")));
  }

  @Test
  void hostileIdsCannotLeaveTheKeyOrThePath() {
    String hostile = "a')/contacts(x='1' & $filter=/../#?%20 ü";
    String path = ODataKeys.path("accounts", RowAddress.ByKey.of("fmap_sourceid", hostile));
    String inside = path.substring("accounts(fmap_sourceid='".length(), path.length() - "')".length());
    // only the doubled quote survives unencoded; no slash, paren, space, hash, question mark or percent sign
    assertFalse(inside.matches(".*[/()#? &$=].*"), inside);
    assertFalse(inside.replace("''", "").contains("'"), inside);
    HttpUrl url = HttpUrl.get("https://org.example/api/data/v9.2/" + path);
    assertEquals(4, url.pathSegments().size(), "the id stays inside one path segment: " + url);
    assertEquals(null, url.query());
  }

  @Test
  void numbersAndGuidsAreBareAndKeysAreSortedByColumn() {
    UUID id = UUID.fromString("7eb682f1-ca75-e511-80d4-00155d2a68d1");
    assertEquals("accounts(7eb682f1-ca75-e511-80d4-00155d2a68d1)", ODataKeys.path("accounts", new RowAddress.ById(id)));
    var key = new RowAddress.ByKey(new TreeMap<>(Map.of("b_key", 2, "a_key", "x")));
    assertEquals("records(a_key='x',b_key=2)", ODataKeys.path("records", key));
  }
}
