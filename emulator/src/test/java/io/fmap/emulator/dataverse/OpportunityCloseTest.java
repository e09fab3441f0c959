package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Fact sheet §7.4: an opportunity is closed as won or lost only through its close actions. */
class OpportunityCloseTest extends SharedEmulator {

  private String opportunity(String name) {
    Http.Answer a = http.post("opportunities", "{\"name\":\"" + name + "\"}");
    assertEquals(204, a.status(), a.body());
    return Http.idOf(a);
  }

  private static String close(String id, int status) {
    return "{\"Status\":" + status + ",\"OpportunityClose\":{\"subject\":\"Closed\","
        + "\"opportunityid@odata.bind\":\"/opportunities(" + id + ")\"}}";
  }

  @Test
  void winOpportunityClosesItAsWonAndRecordsTheClose() {
    String id = opportunity("Big deal");
    Http.Answer won = http.post("WinOpportunity", close(id, 3));
    assertEquals(204, won.status(), won.body());
    Http.Answer read = http.get("opportunities(" + id + ")?$select=statecode,statuscode");
    assertEquals(1, read.json().path("statecode").asInt());
    assertEquals(3, read.json().path("statuscode").asInt());
    assertEquals(1, dv.count("opportunityclose"));
    var record = dv.rows("opportunityclose").get(0);
    assertEquals(id, record.path("_opportunityid_value").asText());
    assertEquals(1, record.path("statecode").asInt(), "the close activity is completed");
  }

  @Test
  void loseOpportunityTakesALostStatusReasonOnly() {
    String id = opportunity("Lost deal");
    Http.Answer wrongStatus = http.post("LoseOpportunity", close(id, 3));
    assertEquals(400, wrongStatus.status());
    assertEquals(DataverseError.INVALID_ARGUMENT, wrongStatus.code());
    Http.Answer lost = http.post("LoseOpportunity", close(id, 5));
    assertEquals(204, lost.status(), lost.body());
    Http.Answer read = http.get("opportunities(" + id + ")?$select=statecode,statuscode");
    assertEquals(2, read.json().path("statecode").asInt());
    assertEquals(5, read.json().path("statuscode").asInt());
  }

  @Test
  void anUpdateCannotCloseAnOpportunity() {
    String id = opportunity("Deal");
    Http.Answer patch = http.patch("opportunities(" + id + ")", "{\"statecode\":1,\"statuscode\":3}");
    assertEquals(400, patch.status());
    assertTrue(patch.message().contains("WinOpportunity"), patch.message());
    assertEquals(0, http.get("opportunities(" + id + ")?$select=statecode").json().path("statecode").asInt());
  }

  @Test
  void aClosedOpportunityCannotBeClosedAgain() {
    String id = opportunity("Deal");
    assertEquals(204, http.post("WinOpportunity", close(id, 3)).status());
    Http.Answer again = http.post("LoseOpportunity", close(id, 4));
    assertEquals(400, again.status());
    assertTrue(again.message().contains("already closed"), again.message());
    assertEquals(1, dv.count("opportunityclose"));
  }
}
