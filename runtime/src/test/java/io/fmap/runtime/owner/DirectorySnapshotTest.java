package io.fmap.runtime.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import io.fmap.emulator.dataverse.Limits;
import io.fmap.runtime.dataverse.DataverseConfig;
import io.fmap.runtime.dataverse.DataverseTargetConnector;
import io.fmap.runtime.dataverse.Identity;
import io.fmap.runtime.dataverse.RetryPolicy;
import io.fmap.runtime.dataverse.Secret;
import io.fmap.runtime.target.LinkOnlyFileStore;
import io.fmap.schema.SchemaSnapshots;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Owner resolution against the Dataverse emulator's seeded users, read through the real connector. */
public class DirectorySnapshotTest {

  @Test
  void theEmulatorsSeededUsersAndTeamResolveOwnersByEmail() throws Exception {
    try (DataverseEmulator emulator = DataverseEmulator.start(EmulatorConfig.defaults().withLimits(Limits.none()));
        DataverseTargetConnector target = connectorTo(emulator)) {
      DirectorySnapshot directory = DirectorySnapshot.read(target);

      List<TargetUser> people = directory.users().stream()
          .filter(u -> u.email() != null && u.email().endsWith("@fmap.example")).toList();
      assertEquals(17, people.size(), directory.users().toString());
      assertTrue(directory.teams().stream().anyMatch(t -> t.name().equals("fmap-demo")), directory.teams().toString());

      OwnerResolver resolver = OwnerResolver.create(List.of(
              new SourceUser("u1", "Ana.Lopez@FMAP.example ", "Ana", true),
              new SourceUser("u2", "pat.former@fmap.example", "Pat", true),
              new SourceUser("u3", "nobody@spark.example", "Nobody", true),
              new SourceUser("u4", "sales.team@fmap.example", "Sales", true)),
          directory, FallbackRule.parse("team:fmap-demo"));
      OwnerResolution ana = resolver.resolve("u1");
      assertEquals(OwnerStatus.MATCHED, ana.status());
      assertTrue(ana.owner().odataBind().startsWith("/systemusers("), ana.owner().odataBind());
      assertEquals(OwnerStatus.DISABLED_USER, resolver.resolve("u2").status());
      assertEquals(OwnerStatus.DUPLICATE_EMAIL, resolver.resolve("u4").status(), "two enabled users share the email");
      OwnerResolution nobody = resolver.resolve("u3");
      assertEquals(OwnerStatus.UNMATCHED, nobody.status());
      assertTrue(nobody.byFallback());
      assertTrue(nobody.owner().odataBind().startsWith("/teams("), nobody.owner().odataBind());
      assertFalse(OwnerReport.builder(resolver).count("Contact", "u3").build().hasBlockers());
    }
  }

  /** The real connector to the emulator as its client, with the standard set's Dynamics schema. */
  public static DataverseTargetConnector connectorTo(DataverseEmulator emulator) throws Exception {
    return DataverseTargetConnector.open(new DataverseConfig(
            URI.create(emulator.rootUrl()), DataverseConfig.DEFAULT_API_VERSION, URI.create(emulator.tokenUrl("fmap")),
            emulator.rootUrl() + "/.default", List.of(new Identity("fmap-demo", null, Secret.of("fmap-demo"))),
            100, 2, false, false, null),
        SchemaSnapshots.fromJson(stdlibDynamicsSchema()), RetryPolicy.DEFAULT, new LinkOnlyFileStore("files"));
  }

  private static String stdlibDynamicsSchema() throws Exception {
    try (InputStream in = DirectorySnapshotTest.class.getResourceAsStream(EmulatorConfig.STDLIB_SCHEMA)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
