package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.emulator.dataverse.DataverseEmulator;
import io.fmap.emulator.dataverse.EmulatorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fmap emulate dataverse}: options become an emulator configuration; mistakes are usage errors. */
class EmulateDataverseCommandTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = Fmap.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static EmulatorConfig parse(String... args) throws Exception {
    EmulateDataverseCommand command = new EmulateDataverseCommand();
    CommandLine cli = new CommandLine(command);
    cli.parseArgs(args);
    return command.config();
  }

  @Test
  void helpShowsAnExample() {
    Run r = run("emulate", "dataverse", "--help");
    assertEquals(Fmap.OK, r.code());
    assertTrue(r.out().contains("fmap emulate dataverse --port 5555"), r.out());
  }

  @Test
  void optionsBecomeTheConfiguration(@TempDir Path tmp) throws Exception {
    Path users = tmp.resolve("users.json");
    Files.writeString(users, "[{\"firstname\":\"Ana\",\"lastname\":\"Lee\",\"internalemailaddress\":\"ana@corp.example\"}]");
    EmulatorConfig c = parse("--port", "0", "--auth", "none", "--limits", "strict", "--max-requests", "7", "--client", "a:b",
        "--client", "c:d", "--faults", "0.25", "--seed-users", users.toString());
    assertFalse(c.auth());
    assertEquals(7, c.limits().requests());
    assertEquals(8, c.limits().concurrent());
    assertEquals(2, c.clients().size());
    assertEquals(1, c.seedUsers().size());
    try (DataverseEmulator dv = DataverseEmulator.start(c)) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dv.baseUrl()
          + "systemusers?$select=internalemailaddress&$filter=internalemailaddress%20eq%20'ana@corp.example'")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(r.body().contains("ana@corp.example"), r.body());
    }
  }

  @Test
  void unknownLimitsProfileIsAUsageErrorNamingTheChoices() {
    Run r = run("emulate", "dataverse", "--port", "0", "--limits", "fast");
    assertEquals(Fmap.USAGE, r.code());
    assertTrue(r.err().contains("none, default or strict"), r.err());
  }

  @Test
  void clientWithoutSecretIsAUsageError() {
    Run r = run("emulate", "dataverse", "--port", "0", "--client", "only-an-id");
    assertEquals(Fmap.USAGE, r.code());
    assertTrue(r.err().contains("ID:SECRET"), r.err());
  }

  @Test
  void missingSeedUsersFileIsAUsageError(@TempDir Path tmp) {
    Run r = run("emulate", "dataverse", "--port", "0", "--seed-users", tmp.resolve("nope.json").toString());
    assertEquals(Fmap.USAGE, r.code());
    assertTrue(r.err().contains("--seed-users"), r.err());
  }

  @Test
  void faultRateOutsideZeroToOneIsAUsageError() {
    Run r = run("emulate", "dataverse", "--port", "0", "--faults", "2");
    assertEquals(Fmap.USAGE, r.code());
  }
}
