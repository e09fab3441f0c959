package io.fmap.emulator.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Record operations and the validation rules, with the codes of fact sheet §2 and §5. */
class RecordRulesTest extends SharedEmulator {

  private String account(String name) {
    Http.Answer a = http.post("accounts", "{\"name\":\"" + name + "\"}");
    assertEquals(204, a.status(), a.body());
    return Http.idOf(a);
  }

  @Test
  void createAnswers204WithEntityIdHeader() {
    Http.Answer a = http.post("accounts", "{\"name\":\"Contoso\",\"telephone1\":\"555-0100\"}");
    assertEquals(204, a.status());
    assertTrue(a.header("OData-EntityId").matches(".*/api/data/v9\\.2/accounts\\([0-9a-f-]{36}\\)"), a.header("OData-EntityId"));
    assertEquals(1, dv.count("account"));
  }

  @Test
  void returnRepresentationAnswers201WithBodyAndNoEntityIdHeader() {
    Http.Answer a = http.post("accounts?$select=name", "{\"name\":\"Contoso\"}", "Prefer", "return=representation");
    assertEquals(201, a.status());
    assertNull(a.header("OData-EntityId"));
    assertEquals("Contoso", a.json().path("name").asText());
    assertTrue(a.json().path("@odata.etag").asText().startsWith("W/\""));
    assertTrue(a.json().has("accountid"));
  }

  @Test
  void ownerDefaultsToTheCallerAndCanBeATeam() {
    String id = account("A");
    Http.Answer read = http.get("accounts(" + id + ")?$select=_ownerid_value");
    assertEquals(dv.applicationUser("fmap-demo").toString(), read.json().path("_ownerid_value").asText());
    Http.Answer team = http.post("accounts", "{\"name\":\"B\",\"ownerid@odata.bind\":\"/teams(" + dv.org().teamId() + ")\"}",
        "Prefer", "return=representation", "Prefer", "return=representation,odata.include-annotations=\"*\"");
    assertEquals(201, team.status(), team.body());
    assertEquals("team", team.json().path("_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText());
  }

  @Test
  void ownerCannotBeADisabledUser() {
    Http.Answer a = http.post("accounts", "{\"name\":\"A\",\"ownerid@odata.bind\":\"/systemusers(" + dv.org().disabledUserId() + ")\"}");
    assertEquals(400, a.status());
    assertEquals(DataverseError.INVALID_ARGUMENT, a.code());
  }

  @Test
  void bindToAMissingRowIsObjectDoesNotExist() {
    UUID missing = UUID.randomUUID();
    Http.Answer a = http.post("accounts", "{\"name\":\"A\",\"primarycontactid@odata.bind\":\"/contacts(" + missing + ")\"}");
    assertEquals(404, a.status());
    assertEquals("0x80040217", a.code());
    assertEquals("contact With Id = " + missing + " Does Not Exist", a.message());
    assertEquals(0, dv.count("account"));
  }

  @Test
  void loopsAreLetInOnlyWhenATestTurnsTheRuleOff() {
    String top = account("Top");
    String bottom = account("Bottom");
    assertEquals(204, http.patch("accounts(" + bottom + ")", parent(top)).status());
    dv.refuseHierarchyLoops(false);
    try {
      assertEquals(204, http.patch("accounts(" + top + ")", parent(bottom)).status(), "turned off: loops are let in");
    } finally {
      dv.refuseHierarchyLoops(true);
    }
    assertEquals("0x80040507", http.patch("accounts(" + top + ")", parent(top)).code(), "on again");
  }

  @Test
  void aParentAccountThatWouldCloseALoopIsRefused() {
    String top = account("Top");
    String middle = account("Middle");
    String bottom = account("Bottom");
    assertEquals(204, http.patch("accounts(" + middle + ")", parent(top)).status());
    assertEquals(204, http.patch("accounts(" + bottom + ")", parent(middle)).status());

    Http.Answer loop = http.patch("accounts(" + top + ")", parent(bottom));
    assertEquals(400, loop.status(), loop.body());
    assertEquals("0x80040507", loop.code());
    assertEquals("Creating this parental association would create a loop in Accounts hierarchy.", loop.message());
    Http.Answer self = http.patch("accounts(" + top + ")", parent(top));
    assertEquals("0x80040507", self.code(), self.body());
    assertTrue(http.get("accounts(" + top + ")?$select=_parentaccountid_value").json().path("_parentaccountid_value").isNull(),
        "the refused update changed nothing");
    assertEquals(204, http.patch("accounts(" + bottom + ")", parent(top)).status(), "a parent higher in the same tree is no loop");
  }

  private static String parent(String id) {
    return "{\"parentaccountid@odata.bind\":\"/accounts(" + id + ")\"}";
  }

  @Test
  void polymorphicNavigationPropertiesBindTheirOwnTable() {
    String account = account("A");
    Http.Answer contact = http.post("contacts", "{\"lastname\":\"Doe\",\"parentcustomerid_account@odata.bind\":\"/accounts(" + account + ")\"}");
    assertEquals(204, contact.status(), contact.body());
    Http.Answer task = http.post("tasks", "{\"subject\":\"Call\",\"regardingobjectid_account_task@odata.bind\":\"accounts(" + account + ")\"}");
    assertEquals(204, task.status(), task.body());
    Http.Answer wrong = http.post("contacts", "{\"lastname\":\"X\",\"parentcustomerid_account@odata.bind\":\"/contacts(" + Http.idOf(contact) + ")\"}");
    assertEquals(400, wrong.status());
    assertEquals("0x0", wrong.code());
  }

  @Test
  void unknownNavigationPropertyIsAnUndeclaredProperty() {
    Http.Answer a = http.post("contacts", "{\"lastname\":\"X\",\"parentcustomerid@odata.bind\":\"/accounts(" + UUID.randomUUID() + ")\"}");
    assertEquals(400, a.status());
    assertTrue(a.message().startsWith("An undeclared property 'parentcustomerid'"), a.message());
  }

  @Test
  void propertyNamesAreCaseSensitive() {
    Http.Answer a = http.post("accounts", "{\"Name\":\"A\"}");
    assertEquals(400, a.status());
    assertEquals("0x0", a.code());
    assertEquals("Invalid property 'Name' was found in entity 'Microsoft.Dynamics.CRM.account'.", a.message());
  }

  @Test
  void lookupColumnNameInsteadOfNavigationPropertyIsInvalid() {
    Http.Answer a = http.post("accounts", "{\"name\":\"A\",\"parentaccountid\":\"" + UUID.randomUUID() + "\"}");
    assertEquals(400, a.status());
    assertEquals("Invalid property 'parentaccountid' was found in entity 'Microsoft.Dynamics.CRM.account'.", a.message());
  }

  @Test
  void stringOverMaxLengthIsTheValidationError() {
    Http.Answer a = http.post("tasks", "{\"subject\":\"" + "x".repeat(201) + "\"}");
    assertEquals(400, a.status());
    assertEquals("0x80044331", a.code());
    assertEquals("A validation error occurred.  The length of the 'subject' attribute of the 'task' entity exceeded the maximum allowed length of '200'.", a.message());
  }

  @Test
  void optionValueOutsideTheSetIsRejected() {
    Http.Answer a = http.post("accounts", "{\"name\":\"A\",\"industrycode\":999}");
    assertEquals(400, a.status());
    assertEquals("0x80044150", a.code());
    assertTrue(a.message().contains("Accepted Values: 1,2,3"), a.message());
  }

  @Test
  void wrongJsonTypeCannotBeConverted() {
    Http.Answer a = http.post("accounts", "{\"name\":\"A\",\"industrycode\":\"one\"}");
    assertEquals(400, a.status());
    assertEquals("Cannot convert the literal 'one' to the expected type 'Edm.Int32'.", a.message());
  }

  @Test
  void missingSystemRequiredColumnIsRejected() {
    Http.Answer a = http.post("systemusers", "{\"firstname\":\"No\",\"lastname\":\"Domain\",\"businessunitid@odata.bind\":\"/businessunits("
        + dv.org().businessUnitId() + ")\"}");
    assertEquals(400, a.status());
    assertTrue(a.message().contains("'domainname'"), a.message());
  }

  @Test
  void statecodeCannotBeSetOnCreateWhereItIsNotValidForCreate() {
    Http.Answer a = http.post("tasks", "{\"subject\":\"Done\",\"statecode\":1,\"statuscode\":5}");
    assertEquals(400, a.status());
    assertTrue(a.message().startsWith("'statecode' is not valid for create on 'task'"), a.message());
  }

  @Test
  void closedActivitiesAreReadOnlyUntilReopened() {
    String task = Http.idOf(http.post("tasks", "{\"subject\":\"Call\"}"));
    assertEquals(204, http.patch("tasks(" + task + ")", "{\"statecode\":1,\"statuscode\":5}", "If-Match", "*").status());
    Http.Answer edit = http.patch("tasks(" + task + ")", "{\"subject\":\"Changed\"}", "If-Match", "*");
    assertEquals(400, edit.status());
    assertEquals(204, http.patch("tasks(" + task + ")", "{\"statecode\":0}", "If-Match", "*").status());
    assertEquals(204, http.patch("tasks(" + task + ")", "{\"subject\":\"Changed\"}", "If-Match", "*").status());
  }

  @Test
  void statusMustBelongToTheState() {
    String task = Http.idOf(http.post("tasks", "{\"subject\":\"Call\"}"));
    Http.Answer a = http.patch("tasks(" + task + ")", "{\"statecode\":1,\"statuscode\":6}", "If-Match", "*");
    assertEquals(400, a.status(), a.body());
  }

  @Test
  void duplicatePrimaryKeyIsDuplicateRecord() {
    UUID id = UUID.randomUUID();
    assertEquals(204, http.post("accounts", "{\"name\":\"A\",\"accountid\":\"" + id + "\"}").status());
    Http.Answer again = http.post("accounts", "{\"name\":\"B\",\"accountid\":\"" + id + "\"}");
    assertEquals(412, again.status());
    assertEquals("0x80040237", again.code());
  }

  @Test
  void overriddencreatedonBecomesCreatedonOnCreateOnly() {
    Http.Answer a = http.post("accounts?$select=createdon,overriddencreatedon", "{\"name\":\"A\",\"overriddencreatedon\":\"2019-03-04T05:06:07Z\"}",
        "Prefer", "return=representation");
    assertEquals("2019-03-04T05:06:07Z", a.json().path("createdon").asText());
    assertNotEquals("2019-03-04T05:06:07Z", a.json().path("overriddencreatedon").asText());
    String id = a.json().path("accountid").asText();
    http.patch("accounts(" + id + ")", "{\"overriddencreatedon\":\"2001-01-01T00:00:00Z\"}", "If-Match", "*");
    assertEquals("2019-03-04T05:06:07Z", http.get("accounts(" + id + ")?$select=createdon").json().path("createdon").asText());
  }

  @Test
  void ifMatchEtagMismatchIsPreconditionFailed() {
    String id = account("A");
    String etag = http.get("accounts(" + id + ")").json().path("@odata.etag").asText();
    assertEquals(204, http.patch("accounts(" + id + ")", "{\"name\":\"B\"}", "If-Match", etag).status());
    Http.Answer stale = http.patch("accounts(" + id + ")", "{\"name\":\"C\"}", "If-Match", etag);
    assertEquals(412, stale.status());
    assertEquals("The version of the existing record doesn't match the RowVersion property provided.", stale.message());
  }

  @Test
  void upsertByIdCreatesThenUpdatesAndHonoursIfMatchAndIfNoneMatch() {
    UUID id = UUID.randomUUID();
    assertEquals(404, http.patch("accounts(" + id + ")", "{\"name\":\"A\"}", "If-Match", "*").status());
    Http.Answer created = http.patch("accounts(" + id + ")?$select=name", "{\"name\":\"A\"}", "Prefer", "return=representation");
    assertEquals(201, created.status());
    Http.Answer updated = http.patch("accounts(" + id + ")?$select=name", "{\"name\":\"B\"}", "Prefer", "return=representation");
    assertEquals(200, updated.status());
    Http.Answer createOnly = http.patch("accounts(" + id + ")", "{\"name\":\"C\"}", "If-None-Match", "*");
    assertEquals(412, createOnly.status());
    assertEquals("A record with matching key values already exists.", createOnly.message());
    assertEquals("", createOnly.code());
    assertEquals(1, dv.count("account"));
  }

  @Test
  void deleteRemovesTheRowAndASecondDeleteIsNotFound() {
    String id = account("A");
    assertEquals(204, http.delete("accounts(" + id + ")").status());
    Http.Answer again = http.delete("accounts(" + id + ")");
    assertEquals(404, again.status());
    assertEquals("0x80040217", again.code());
  }

  @Test
  void entitySetNamesAreCaseSensitive() {
    Http.Answer a = http.get("Accounts");
    assertEquals(404, a.status());
    assertEquals("0x8006088a", a.code());
    assertEquals("Resource not found for the segment 'Accounts'.", a.message());
  }

  @Test
  void noteBodyOverMaxUploadFileSizeIsTooBig() {
    String org = http.get("organizations?$select=organizationid").json().path("value").get(0).path("organizationid").asText();
    assertEquals(204, http.patch("organizations(" + org + ")", "{\"maxuploadfilesize\":16}", "If-Match", "*").status());
    String account = account("A");
    String small = Base64.getEncoder().encodeToString("tiny".getBytes());
    Http.Answer ok = http.post("annotations?$select=filesize,isdocument", "{\"subject\":\"n\",\"documentbody\":\"" + small
        + "\",\"objectid_account@odata.bind\":\"/accounts(" + account + ")\"}", "Prefer", "return=representation");
    assertEquals(201, ok.status(), ok.body());
    assertEquals(4, ok.json().path("filesize").asInt());
    String big = Base64.getEncoder().encodeToString(new byte[64]);
    Http.Answer tooBig = http.post("annotations", "{\"subject\":\"n\",\"documentbody\":\"" + big + "\"}");
    assertEquals(400, tooBig.status());
    assertEquals("0x80044a02", tooBig.code());
    assertEquals("Attachment file size is too big.", tooBig.message());
  }

  @Test
  void emailActivityPartiesAreCreatedByDeepInsert() {
    String contact = Http.idOf(http.post("contacts", "{\"lastname\":\"Doe\"}"));
    Http.Answer email = http.post("emails", "{\"subject\":\"Hi\",\"email_activity_parties\":["
        + "{\"partyid_systemuser@odata.bind\":\"/systemusers(" + dv.org().userIds().get(0) + ")\",\"participationtypemask\":1},"
        + "{\"partyid_contact@odata.bind\":\"/contacts(" + contact + ")\",\"participationtypemask\":2},"
        + "{\"addressused\":\"someone@example.com\",\"participationtypemask\":3}]}");
    assertEquals(204, email.status(), email.body());
    Http.Answer parties = http.get("activityparties?$filter=_activityid_value eq " + Http.idOf(email) + "&$count=true");
    assertEquals(3, parties.json().path("@odata.count").asInt(), parties.body());
    assertEquals(204, http.delete("emails(" + Http.idOf(email) + ")").status());
    assertEquals(0, dv.count("activityparty"), "an activity's parties are deleted with it");
  }

  @Test
  void singlePropertyCanBeReadAndCleared() {
    String id = Http.idOf(http.post("accounts", "{\"name\":\"A\",\"telephone1\":\"1\"}"));
    assertEquals("1", http.get("accounts(" + id + ")/telephone1").json().path("value").asText());
    assertEquals(204, http.delete("accounts(" + id + ")/telephone1").status());
    assertTrue(http.get("accounts(" + id + ")/telephone1").json().path("value").isNull());
  }
}
