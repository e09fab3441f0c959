package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** CreateMultiple / UpdateMultiple / UpsertMultiple: all-or-nothing on standard tables (fact sheet §10). */
class BulkTest extends SharedEmulator {

  private static String targets(String... names) {
    StringBuilder b = new StringBuilder("{\"Targets\":[");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) b.append(',');
      b.append("{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"name\":\"").append(names[i]).append("\"}");
    }
    return b.append("]}").toString();
  }

  @Test
  void createMultipleAnswersTheNewIdsInOrder() {
    Http.Answer a = http.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", targets("A", "B", "C"));
    assertEquals(200, a.status(), a.body());
    JsonNode ids = a.json().path("Ids");
    assertEquals(3, ids.size());
    assertEquals(1, dv.stats().requests(), "a bulk message is one request for service protection");
    assertEquals("B", http.get("accounts(" + ids.get(1).asText() + ")?$select=name").json().path("name").asText());
  }

  @Test
  void oneBadTargetRollsBackTheWholeRequest() {
    Http.Answer a = http.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", targets("A", "x".repeat(161), "C"));
    assertEquals(400, a.status());
    assertEquals("0x80044331", a.code());
    assertEquals(0, dv.count("account"));
  }

  @Test
  void everyTargetNeedsItsOdataType() {
    Http.Answer a = http.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", "{\"Targets\":[{\"name\":\"A\"}]}");
    assertEquals(400, a.status());
  }

  @Test
  void tablesWithoutTheMessageDoNotHaveTheSegment() {
    Http.Answer a = http.post("contacts/Microsoft.Dynamics.CRM.CreateMultiple", "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.contact\",\"lastname\":\"A\"}]}");
    assertEquals(404, a.status());
    assertEquals("0x8006088a", a.code());
  }

  @Test
  void updateMultipleChangesTheTargetsByPrimaryKey() {
    JsonNode ids = http.post("accounts/Microsoft.Dynamics.CRM.CreateMultiple", targets("A", "B")).json().path("Ids");
    String body = "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"accountid\":\"" + ids.get(0).asText() + "\",\"name\":\"A2\"},"
        + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"accountid\":\"" + ids.get(1).asText() + "\",\"name\":\"B2\"}]}";
    assertEquals(204, http.post("accounts/Microsoft.Dynamics.CRM.UpdateMultiple", body).status());
    assertEquals("B2", http.get("accounts(" + ids.get(1).asText() + ")").json().path("name").asText());
  }

  @Test
  void upsertMultipleByAlternateKeyOnACustomTable() {
    http.post("EntityDefinitions", "{\"SchemaName\":\"new_Project\",\"OwnershipType\":\"UserOwned\",\"Attributes\":[{\"@odata.type\":"
        + "\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Name\",\"IsPrimaryName\":true}]}");
    http.post("EntityDefinitions(LogicalName='new_project')/Attributes", "{\"@odata.type\":\"Microsoft.Dynamics.CRM.StringAttributeMetadata\",\"SchemaName\":\"new_Code\"}");
    assertEquals(204, http.post("EntityDefinitions(LogicalName='new_project')/Keys", "{\"SchemaName\":\"new_code_key\",\"KeyAttributes\":[\"new_code\"]}").status());
    String body = "{\"Targets\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.new_project\",\"@odata.id\":\"new_projects(new_code='P-1')\",\"new_name\":\"One\"},"
        + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.new_project\",\"@odata.id\":\"new_projects(new_code='P-2')\",\"new_name\":\"Two\"}]}";
    assertEquals(204, http.post("new_projects/Microsoft.Dynamics.CRM.UpsertMultiple", body).status());
    assertEquals(204, http.post("new_projects/Microsoft.Dynamics.CRM.UpsertMultiple", body.replace("\"One\"", "\"Uno\"")).status());
    assertEquals(2, dv.count("new_project"));
    assertEquals("Uno", http.get("new_projects(new_code='P-1')?$select=new_name").json().path("new_name").asText());
  }
}
