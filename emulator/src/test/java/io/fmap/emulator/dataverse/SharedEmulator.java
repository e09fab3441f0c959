package io.fmap.emulator.dataverse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One open emulator per test class, reset to its seed before each test. */
abstract class SharedEmulator {
  static DataverseEmulator dv;
  static Http http;

  @BeforeAll
  static void startShared() {
    dv = Emulators.start();
    http = new Http(dv);
  }

  @AfterAll
  static void stopShared() { dv.close(); }

  @BeforeEach
  void resetShared() { dv.reset(); }
}
