package io.fmap.emulator.dataverse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Emulators for tests: loopback, ephemeral port, stdlib schema, no auth and no limits unless a test asks. */
final class Emulators {
  private Emulators() {}

  static EmulatorConfig open() {
    return EmulatorConfig.defaults().withAuth(false).withLimits(Limits.none()).withThreads(16)
        .withKeyActivation(Duration.ZERO);
  }

  static DataverseEmulator start(EmulatorConfig config) {
    try {
      return DataverseEmulator.start(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DataverseEmulator start() { return start(open()); }
}
