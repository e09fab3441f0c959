package io.fmap.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium, headless, one process per page: a screenshot or the DOM after the page's
 * script ran. Every run has a fresh profile, no network services and a time limit, after which the
 * process is killed.
 */
final class HeadlessChromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 90;

  private final Path work;
  private int runs;

  private HeadlessChromium(Path work) {
    this.work = work;
  }

  /**
   * Chromium, when installed. In CI ({@code FMAP_CI} set, by {@code .ci/run}, which installs it) a
   * missing browser fails the test; elsewhere the test is skipped with how to install it.
   */
  static HeadlessChromium require(Path work) {
    if (!Files.isExecutable(BINARY)) {
      String ci = System.getenv("FMAP_CI");
      if (ci != null && !ci.isBlank()) fail(BINARY + " is missing in CI; .ci/run installs it (apt-get install chromium)");
      Assumptions.assumeTrue(false, BINARY + " is not installed (apt-get install chromium); HTML rendering not checked");
    }
    return new HeadlessChromium(work);
  }

  /**
   * Loads the page in a 1280×900 window, writes a PNG of what the window shows and returns the
   * document as the browser holds it after the page's inline script ran. One browser start for
   * both: each start costs seconds on a busy machine.
   */
  String render(Path page, String fragment, Path png) throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    Path dom = run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,900", "--dump-dom",
        url(page, fragment)));
    assertTrue(Files.isRegularFile(png), "chromium wrote no screenshot " + png);
    return Files.readString(dom, StandardCharsets.UTF_8);
  }

  private static String url(Path page, String fragment) {
    return page.toAbsolutePath().toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
  }

  /** Runs chromium with the arguments; returns the file its standard output went to. */
  private Path run(List<String> arguments) throws IOException, InterruptedException {
    int n = ++runs;
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + Files.createDirectories(work.resolve("profile-" + n))));
    command.addAll(arguments);
    Path out = work.resolve("chromium-" + n + ".out");
    Path err = work.resolve("chromium-" + n + ".err");
    // output to files, not pipes: a full pipe would stall the browser until the time limit
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
    }
    if (process.exitValue() != 0) {
      fail("chromium exited " + process.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
    }
    return out;
  }
}
