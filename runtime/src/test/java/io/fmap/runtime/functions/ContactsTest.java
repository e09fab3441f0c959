package io.fmap.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContactsTest {

  /** The rule email_normalize applied before the character loop replaced it. */
  private static final Pattern REGEX_RULE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

  @Test
  void theAddressCheckAcceptsExactlyWhatTheRegexRuleAccepted() {
    String alphabet = "aaaaaaab..@@ \t\n\u000B\f\r\u00a0-+";
    Random random = new Random(11);
    int accepted = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(9);
      for (int i = 0; i < length; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String candidate = s.toString();
      boolean expected = REGEX_RULE.matcher(candidate).matches();
      assertEquals(expected, Contacts.isPlainAddress(candidate), () -> "'" + candidate + "'");
      if (expected) accepted++;
    }
    // The random strings must exercise both answers, or the comparison above proves little.
    org.junit.jupiter.api.Assertions.assertTrue(accepted > 100, "accepted " + accepted);
  }

  @Test
  void theOnePassEmailAnswersAsTheGeneralOneForEveryText() {
    // ASCII addresses with capitals and spaces (the one pass), and what it leaves to the general
    // path: display forms, mailto:, Unicode white space (em space, no-break space) and letters.
    String[] pieces = {"a", "B", "Jo", ".", "@", "@", "com", " ", "\t", "\u001C", "\u2003", "\u00a0", "<", ">",
        "mailto:", "MAILTO:", "é", "İ", "K", "Ö", "ß", "ÿ", "×", "Þ", "\u0085", "\u00b5", "\u0100"};
    Random random = new Random(13);
    int addresses = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(10);
      for (int i = 0; i < length; i++) s.append(pieces[random.nextInt(pieces.length)]);
      String text = s.toString();
      String expected = Contacts.emailInAnyForm(text);
      assertEquals(expected, Contacts.email(text), () -> "'" + text + "'");
      if (expected != null) addresses++;
    }
    org.junit.jupiter.api.Assertions.assertTrue(addresses > 500, "addresses " + addresses);
  }

  @Test
  void theOnePassPhoneAnswersAsTheGeneralOneForEveryTextAndCountryCode() {
    // Digits, pluses and punctuation (the one pass), and what it leaves to the general path:
    // extensions, letters, #, Unicode white space and digits, national numbers with a country code.
    String[] pieces = {"+", "0", "00", "1", "44", "7", " ", "(", ")", "-", ".", "/", "\t", "\u001C", "\u2003",
        "\u00a0", "x", "ext.", "#", "é", "\u0663"};
    String[] countryCodes = {null, "44", "+49", "", "x1"};
    Random random = new Random(17);
    int numbers = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(10);
      for (int i = 0; i < length; i++) s.append(pieces[random.nextInt(pieces.length)]);
      String text = s.toString();
      String countryCode = countryCodes[random.nextInt(countryCodes.length)];
      String expected = Contacts.phoneInAnyForm(text, countryCode);
      assertEquals(expected, Contacts.phone(text, countryCode), () -> "'" + text + "' with " + countryCode);
      if (expected != null) numbers++;
    }
    org.junit.jupiter.api.Assertions.assertTrue(numbers > 10_000, "numbers " + numbers);
  }

  @Test
  void accentedCapitalsOfWesternNamesAreLoweredLikeAnyOther() {
    assertEquals("björn.öz@exämple.com", Contacts.email(" BJÖRN.Öz@ExÄmple.COM "));
    assertEquals("a×b@x.io", Contacts.email("A×B@X.IO"), "× is no capital");
  }
}
