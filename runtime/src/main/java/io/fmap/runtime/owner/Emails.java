package io.fmap.runtime.owner;

import java.util.Locale;

/** Emails compared the way people type them: surrounding blanks and letter case do not count. */
final class Emails {

  private Emails() {}

  /** The comparable form of an email, or null when there is none. */
  static String normalize(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
