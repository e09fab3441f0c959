package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The query subset reconciliation needs: select, filter, order, top, count and paging. */
class QueryTest {
  static DataverseEmulator dv;
  static Http http;
  static String parent;

  @BeforeAll
  static void start() {
    dv = Emulators.start();
    http = new Http(dv);
    parent = Http.idOf(http.post("accounts", "{\"name\":\"Parent\",\"accountnumber\":\"P-0\"}"));
    for (int i = 1; i <= 12; i++) {
      String bind = i % 3 == 0 ? ",\"parentaccountid@odata.bind\":\"/accounts(" + parent + ")\"" : "";
      String number = i % 4 == 0 ? "" : ",\"accountnumber\":\"N-" + i + "\"";
      http.post("accounts", "{\"name\":\"Account " + (char) ('A' + i) + "\",\"industrycode\":" + (i % 2 + 1) + number + bind + "}");
    }
  }

  @AfterAll
  static void stop() { dv.close(); }

  private static List<String> names(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.path("value").forEach(v -> out.add(v.path("name").asText()));
    return out;
  }

  @Test
  void selectReturnsOnlyTheColumnsAskedForPlusKeyAndEtag() {
    JsonNode first = http.get("accounts?$select=name&$top=1").json().path("value").get(0);
    List<String> fields = new ArrayList<>();
    first.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("@odata.etag", "name", "accountid"), fields);
  }

  @Test
  void unknownPropertyInSelectIsOdataError() {
    Http.Answer a = http.get("accounts?$select=Name");
    assertEquals(400, a.status());
    assertEquals("Could not find a property named 'Name' on type 'Microsoft.Dynamics.CRM.account'.", a.message());
  }

  @Test
  void filterEqIsCaseInsensitiveOnText() {
    assertEquals(List.of("Account B"), names(http.get("accounts?$select=name&$filter=name eq 'account b'").json()));
  }

  @Test
  void filterCombinesAndOrNeAndNull() {
    JsonNode noNumber = http.get("accounts?$select=name&$filter=accountnumber eq null&$count=true").json();
    assertEquals(3, noNumber.path("@odata.count").asInt());
    JsonNode combined = http.get("accounts?$select=name&$filter=(industrycode eq 1 and accountnumber ne null) or name eq 'Parent'&$count=true").json();
    // industrycode 1 for even i (6 of 12), minus those without number (i = 4, 8, 12), plus the parent
    assertEquals(4, combined.path("@odata.count").asInt(), combined.toString());
  }

  @Test
  void filterOnLookupValueColumn() {
    JsonNode children = http.get("accounts?$select=name&$filter=_parentaccountid_value eq " + parent + "&$count=true").json();
    assertEquals(4, children.path("@odata.count").asInt());
  }

  @Test
  void orderbyAndTop() {
    assertEquals(List.of("Parent", "Account M", "Account L"), names(http.get("accounts?$select=name&$orderby=name desc&$top=3").json()));
  }

  @Test
  void pagingFollowsNextLinkUntilEveryRowWasSeenOnce() {
    Set<String> seen = new HashSet<>();
    String next = "accounts?$select=name&$count=true";
    int pages = 0;
    while (next != null && pages < 20) {
      Http.Answer a = http.get(next, "Prefer", "odata.maxpagesize=5");
      assertEquals("odata.maxpagesize=5", a.header("Preference-Applied"));
      JsonNode page = a.json();
      assertTrue(page.path("value").size() <= 5);
      page.path("value").forEach(v -> assertTrue(seen.add(v.path("accountid").asText()), "row twice"));
      next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
      pages++;
    }
    assertEquals(13, seen.size());
    assertEquals(3, pages);
  }

  @Test
  void sdkMessageFiltersTellWhichTablesSupportBulkMessages() {
    JsonNode account = http.get("sdkmessagefilters?$select=sdkmessagefilterid&$filter=sdkmessageid/name eq 'CreateMultiple' and primaryobjecttypecode eq 'account'").json();
    assertEquals(1, account.path("value").size());
    JsonNode contact = http.get("sdkmessagefilters?$select=sdkmessagefilterid&$filter=sdkmessageid/name eq 'CreateMultiple' and primaryobjecttypecode eq 'contact'").json();
    assertEquals(0, contact.path("value").size());
  }

  @Test
  void organizationsAnswerMaxUploadFileSize() {
    assertEquals(5242880, http.get("organizations?$select=maxuploadfilesize").json().path("value").get(0).path("maxuploadfilesize").asInt());
  }

  @Test
  void whoAmIIsAFunctionSoPostIsNotFound() {
    JsonNode me = http.get("WhoAmI").json();
    assertEquals(dv.applicationUser("fmap-demo").toString(), me.path("UserId").asText());
    assertEquals(dv.org().businessUnitId().toString(), me.path("BusinessUnitId").asText());
    assertEquals(404, http.post("WhoAmI", "{}").status());
  }

  @Test
  void filterSyntaxErrorIsBadRequest() {
    Http.Answer a = http.get("accounts?$filter=name eq");
    assertEquals(400, a.status());
    assertFalse(a.message().isEmpty());
  }

  @Test
  void seededUsersIncludeOneDisabledAndUseTheExampleDomain() {
    JsonNode users = http.get("systemusers?$select=internalemailaddress,isdisabled&$filter=isdisabled eq true").json().path("value");
    assertEquals(1, users.size());
    assertTrue(users.get(0).path("internalemailaddress").asText().endsWith("@fmap.example"));
  }
}
