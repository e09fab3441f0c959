package io.fmap.runtime.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnerResolverTest {

  static final TargetUser ANA = new TargetUser("0001", "Ana.Lopez@fmap.example", "Ana Lopez", true);
  static final TargetUser BEN_OLD = new TargetUser("0002", "ben@fmap.example", "Ben (left)", false);
  static final TargetUser BEN = new TargetUser("0003", "BEN@fmap.example", "Ben Okafor", true);
  static final TargetUser CARA = new TargetUser("0004", "cara@fmap.example", "Cara Diaz", false);
  static final TargetUser DAN_1 = new TargetUser("0005", "dan@fmap.example", "Dan One", true);
  static final TargetUser DAN_2 = new TargetUser("0006", "dan@fmap.example", "Dan Two", true);
  static final TargetUser OPS = new TargetUser("0007", "ops@fmap.example", "Migration Ops", true);
  static final TargetTeam SALES = new TargetTeam("t-01", "Sales Migration");
  static final TargetDirectory TARGET =
      new FixedDirectory(List.of(ANA, BEN_OLD, BEN, CARA, DAN_1, DAN_2, OPS), List.of(SALES));

  static final List<SourceUser> SPARK = List.of(
      new SourceUser("u1", "  ana.lopez@FMAP.example ", "Ana", true),
      new SourceUser("u2", "ben@fmap.example", "Ben", true),
      new SourceUser("u3", "cara@fmap.example", "Cara", true),
      new SourceUser("u4", "dan@fmap.example", "Dan", true),
      new SourceUser("u5", "eve@spark.example", "Eve", true),
      new SourceUser("u6", null, "No Mail", true),
      new SourceUser("u7", "ANA.LOPEZ@fmap.example", "Ana (second account)", false));

  static OwnerResolver resolver(FallbackRule rule) {
    return OwnerResolver.create(SPARK, TARGET, rule);
  }

  @Test
  void emailsMatchIgnoringCaseAndSurroundingBlanks() {
    OwnerResolution ana = resolver(new FallbackRule.None()).resolve("u1");
    assertEquals(OwnerStatus.MATCHED, ana.status());
    assertEquals("ana.lopez@fmap.example", ana.email());
    assertEquals(new TargetOwner.User(ANA), ana.owner());
    assertEquals("/systemusers(0001)", ana.owner().odataBind());
    assertFalse(ana.byFallback());
    assertNull(ana.reason());
  }

  @Test
  void aDisabledDuplicateDoesNotHideTheOneEnabledUser() {
    OwnerResolution ben = resolver(new FallbackRule.None()).resolve("u2");
    assertEquals(OwnerStatus.MATCHED, ben.status());
    assertEquals(new TargetOwner.User(BEN), ben.owner());
    assertEquals(List.of(BEN_OLD, BEN), ben.candidates());
  }

  @Test
  void eachKindOfFailureIsToldApart() {
    OwnerResolver resolver = resolver(new FallbackRule.None());
    assertEquals(OwnerStatus.DISABLED_USER, resolver.resolve("u3").status());
    assertEquals(OwnerStatus.DUPLICATE_EMAIL, resolver.resolve("u4").status());
    assertEquals(List.of(DAN_1, DAN_2), resolver.resolve("u4").candidates());
    assertEquals(OwnerStatus.UNMATCHED, resolver.resolve("u5").status());
    assertEquals(OwnerStatus.MISSING_OWNER, resolver.resolve("u6").status());
    assertEquals("Spark user u6 has no email", resolver.resolve("u6").reason());
    assertEquals(OwnerStatus.MISSING_OWNER, resolver.resolve("u404").status());
    assertEquals("owner u404 is not among Spark's users", resolver.resolve("u404").reason());
    assertEquals(OwnerStatus.MISSING_OWNER, resolver.resolve(null).status());
    assertEquals(OwnerStatus.MISSING_OWNER, resolver.resolve("  ").status());
    for (String id : new String[] {"u3", "u4", "u5", "u6", "u404"}) {
      assertFalse(resolver.resolve(id).resolved(), id + " has no owner without a fallback");
    }
  }

  @Test
  void aFallbackUserOwnsWhatDidNotMatch() {
    OwnerResolver resolver = resolver(FallbackRule.parse("user: OPS@fmap.example"));
    assertEquals(Optional.of(new TargetOwner.User(OPS)), resolver.fallbackOwner());
    OwnerResolution eve = resolver.resolve("u5");
    assertEquals(OwnerStatus.UNMATCHED, eve.status(), "the status still says what went wrong");
    assertEquals(new TargetOwner.User(OPS), eve.owner());
    assertTrue(eve.byFallback());
    assertEquals(new TargetOwner.User(ANA), resolver.resolve("u1").owner(), "matched owners keep their user");
  }

  @Test
  void aFallbackTeamIsFoundByNameIgnoringCase() {
    OwnerResolver resolver = resolver(FallbackRule.parse("team:sales migration"));
    assertEquals("/teams(t-01)", resolver.resolve(null).owner().odataBind());
  }

  @Test
  void aFallbackThatNamesNobodyUsableIsAProblemAndResolvesNothing() {
    assertEquals(Optional.of("no user of the target has the email nobody@fmap.example"),
        resolver(FallbackRule.parse("user:nobody@fmap.example")).fallbackProblem());
    assertEquals(Optional.of("the target user cara@fmap.example is disabled"),
        resolver(FallbackRule.parse("user:cara@fmap.example")).fallbackProblem());
    assertEquals(Optional.of("2 enabled users of the target share the email dan@fmap.example"),
        resolver(FallbackRule.parse("user:dan@fmap.example")).fallbackProblem());
    OwnerResolver noTeam = resolver(FallbackRule.parse("team:Nobody"));
    assertEquals(Optional.of("the target has no team named \"Nobody\""), noTeam.fallbackProblem());
    assertFalse(noTeam.resolve("u5").resolved());
  }

  @Test
  void fallbackRulesAreReadFromTheirConfiguredForm() {
    assertEquals(new FallbackRule.None(), FallbackRule.parse(null));
    assertEquals(new FallbackRule.None(), FallbackRule.parse("none"));
    assertEquals(new FallbackRule.UserByEmail("ops@fmap.example"), FallbackRule.parse("user:ops@fmap.example"));
    assertEquals(new FallbackRule.TeamByName("Sales Migration"), FallbackRule.parse(" team: Sales Migration "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FallbackRule.parse("ops@fmap.example"));
    assertTrue(e.getMessage().contains("user:EMAIL"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FallbackRule.parse("user:"));
  }

  @Test
  void sparkUsersSharingAnEmailAreListed() {
    assertEquals(List.of(new OwnerResolver.SharedEmail("ana.lopez@fmap.example", List.of("u1", "u7"))),
        resolver(new FallbackRule.None()).sharedSourceEmails());
  }

  @Test
  void sparkUserRecordsBecomeSourceUsers() {
    var record = new io.fmap.runtime.api.SourceRecord("User", "u9",
        java.util.Map.of("id", "u9", "email", " Zoe@Spark.example", "name", "Zoe", "active", false));
    assertEquals(new SourceUser("u9", " Zoe@Spark.example", "Zoe", false), SourceUser.of(record));
    assertTrue(SourceUser.of(new io.fmap.runtime.api.SourceRecord("User", "u8", java.util.Map.of())).active());
  }

  @Test
  void anEmailResolvesDirectlyAsAMappingsOwnerCallDoes() {
    OwnerResolver resolver = resolver(FallbackRule.parse("team:Sales Migration"));
    OwnerResolution ana = resolver.resolveEmail(" ANA.lopez@fmap.example");
    assertEquals(OwnerStatus.MATCHED, ana.status());
    assertEquals(new TargetOwner.User(ANA), ana.owner());
    assertNull(ana.sourceOwnerId());
    assertEquals(OwnerStatus.DISABLED_USER, resolver.resolveEmail("cara@fmap.example").status());
    OwnerResolution none = resolver.resolveEmail(null);
    assertEquals(OwnerStatus.MISSING_OWNER, none.status());
    assertEquals(new TargetOwner.Team(SALES), none.owner());
  }

  @Test
  void anOwnerBecomesTheReferenceAMappedRowCarries() {
    String guid = "5f3c7c1e-0000-4000-8000-000000000001";
    TargetOwner team = new TargetOwner.Team(new TargetTeam(guid, "Sales"));
    assertEquals(new io.fmap.runtime.api.TargetRef("team", "ownerid",
        new io.fmap.runtime.api.TargetKey.ById(java.util.UUID.fromString(guid))), team.toTargetRef());
    assertEquals("systemuser", new TargetOwner.User(new TargetUser(guid, "a@fmap.example", "A", true))
        .toTargetRef().table());
  }
}
