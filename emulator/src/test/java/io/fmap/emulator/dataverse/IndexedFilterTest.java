package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code $filter} on the primary id or on the column of a one-column alternate key is answered from
 * the index; the answers must be exactly those a scan of every row gives.
 */
class IndexedFilterTest {
  static DataverseEmulator dv;
  static Http http;
  static final List<String> ids = new ArrayList<>();

  @BeforeAll
  static void start() {
    dv = Emulators.start();
    http = new Http(dv);
    Http.Answer key = http.post("EntityDefinitions(LogicalName='account')/Keys", "{\"SchemaName\":\"new_number_key\","
        + "\"KeyAttributes\":[\"accountnumber\"],\"DisplayName\":{\"LocalizedLabels\":[{\"Label\":\"Number\",\"LanguageCode\":1033}]}}");
    assertEquals(204, key.status(), key.body());
    for (int i = 0; i < 20; i++) {
      ids.add(Http.idOf(http.post("accounts", "{\"name\":\"Account " + i + "\",\"accountnumber\":\"N-" + i + "\"}")));
    }
  }

  @AfterAll
  static void stop() { dv.close(); }

  private static List<String> names(String filter) {
    Http.Answer a = http.get("accounts?$select=name&$orderby=name&$filter=" + filter);
    assertEquals(200, a.status(), a.body());
    List<String> out = new ArrayList<>();
    a.json().path("value").forEach(v -> out.add(v.path("name").asText()));
    return out;
  }

  @Test
  void keyEqualitiesIgnoreCaseAndRepeatedValuesGiveEachRowOnce() {
    assertEquals(List.of("Account 1", "Account 3"), names("accountnumber eq 'n-1' or accountnumber eq 'N-3' or accountnumber eq 'N-1'"));
    assertEquals(List.of(), names("accountnumber eq 'N-99'"));
  }

  @Test
  void idEqualitiesFindTheRowWhateverTheCaseOfTheGuid() {
    String upper = ids.get(4).toUpperCase(Locale.ROOT);
    assertEquals(List.of("Account 4"), names("accountid eq " + ids.get(4) + " or accountid eq " + upper));
    assertEquals(List.of(), names("accountid eq 00000000-0000-0000-0000-000000000000"));
  }

  @Test
  void theRestOfTheFilterStillApplies() {
    assertEquals(List.of(), names("accountnumber eq 'N-2' and name eq 'Account 3'"));
    assertEquals(List.of("Account 2"), names("name eq 'Account 2' and accountnumber eq 'N-2'"));
    // Different columns on the two sides of "or": no index can answer it, every row is read.
    assertEquals(List.of("Account 1", "Account 3"), names("accountnumber eq 'N-1' or name eq 'Account 3'"));
  }

  @Test
  void anUpdatedKeyValueIsFoundUnderItsNewValueOnly() {
    assertEquals(204, http.patch("accounts(" + ids.get(7) + ")", "{\"accountnumber\":\"N-70\"}").status());
    assertEquals(List.of(), names("accountnumber eq 'N-7'"));
    assertEquals(List.of("Account 7"), names("accountnumber eq 'N-70'"));
  }
}
