package io.fmap.runtime.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataverseConfigLoaderTest {
  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    return Files.writeString(dir.resolve("fmap.yaml"), text);
  }

  @Test
  void readsTheDataverseSectionWithTwoIdentitiesAndDefaults() throws Exception {
    Path f = yaml("""
        spark: {url: https://ignored.example}
        dataverse:
          url: https://contoso.crm4.dynamics.com/
          tenant: t-1
          identities:
            - {clientId: app-1, secretEnv: S1}
            - {clientId: app-2, secretEnv: S2}
        """);
    DataverseConfig c = DataverseConfigLoader.load(f, Map.of("S1", "first-secret", "S2", "second-secret"));
    assertEquals("https://contoso.crm4.dynamics.com/api/data/v9.2/", c.apiRoot());
    assertEquals("https://login.microsoftonline.com/t-1/oauth2/v2.0/token", c.tokenUrl().toString());
    assertEquals("https://contoso.crm4.dynamics.com/.default", c.scope());
    assertEquals(2, c.identities().size());
    assertEquals(DataverseConfig.DEFAULT_BATCH_SIZE, c.batchSize());
    assertFalse(c.bypassBusinessLogic());
    assertTrue(c.auditNotes().isEmpty(), "bypass is off by default, so there is nothing to audit");
  }

  @Test
  void bypassSwitchesAreAuditedWhenOn() throws Exception {
    Path f = yaml("""
        dataverse:
          url: https://contoso.crm.dynamics.com
          tokenUrl: https://login.example/token
          clientId: app
          secretEnv: S
          bypassBusinessLogic: true
          suppressPowerAutomate: true
        """);
    DataverseConfig c = DataverseConfigLoader.load(f, Map.of("S", "s3cr3t-value"));
    assertEquals(2, c.auditNotes().size());
    assertTrue(c.auditNotes().get(0).contains("MSCRM.BypassBusinessLogicExecution"));
    assertEquals(Map.of("MSCRM.BypassBusinessLogicExecution", "CustomSync,CustomAsync",
        "MSCRM.SuppressCallbackRegistrationExpanderJob", "true"), DataverseClient.writeHeaders(c));
  }

  @Test
  void aSecretWrittenInTheFileIsRefusedWithTheWayOut() throws Exception {
    Path f = yaml("""
        dataverse:
          url: https://contoso.crm.dynamics.com
          tenant: t
          clientId: app
          secret: do-not-commit-me
        """);
    ConfigException e = assertThrows(ConfigException.class, () -> DataverseConfigLoader.load(f, Map.of()));
    assertTrue(e.getMessage().contains("dataverse.secret"), e.getMessage());
    assertTrue(e.getMessage().contains("secretEnv"), e.getMessage());
    assertFalse(e.getMessage().contains("do-not-commit-me"), "the refused secret is not echoed");
  }

  @Test
  void aMissingEnvironmentVariableNamesTheVariable() throws Exception {
    Path f = yaml("""
        dataverse:
          url: https://contoso.crm.dynamics.com
          tenant: t
          identities: [{clientId: app, secretEnv: FMAP_DV_SECRET}]
        """);
    ConfigException e = assertThrows(ConfigException.class, () -> DataverseConfigLoader.load(f, Map.of()));
    assertTrue(e.getMessage().contains("identities[0].secretEnv"), e.getMessage());
    assertTrue(e.getMessage().contains("FMAP_DV_SECRET is not set"), e.getMessage());
  }

  @Test
  void theConfigPrintsWithoutItsSecret() throws Exception {
    Path f = yaml("""
        dataverse: {url: https://c.crm.dynamics.com, tenant: t, clientId: app, secretEnv: S}
        """);
    DataverseConfig c = DataverseConfigLoader.load(f, Map.of("S", "very-secret-value"));
    assertFalse(c.toString().contains("very-secret-value"), c.toString());
    assertTrue(c.toString().contains("***"));
  }

  @Test
  void aBadUrlSaysWhatAnUrlLooksLike() throws Exception {
    Path f = yaml("dataverse: {url: contoso, tenant: t, clientId: a, secretEnv: S}\n");
    ConfigException e = assertThrows(ConfigException.class, () -> DataverseConfigLoader.load(f, Map.of("S", "xxxx")));
    assertTrue(e.getMessage().contains("dataverse.url"), e.getMessage());
    assertTrue(e.getMessage().contains("https://contoso.crm.dynamics.com"), e.getMessage());
  }
}
