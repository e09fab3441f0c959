package io.fmap.compiler.suggest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How alike a Spark name and a Dynamics name are, 0 to 1: the best of whole-name equality after
 * CRM synonyms, token overlap, and edit distance. Spark names are snake_case English
 * ({@code close_date}); Dynamics names are run-together lower case ({@code estimatedclosedate}) with
 * display names in words, so both the name and the display name are compared.
 */
final class NameSimilarity {
  private NameSimilarity() {}

  /**
   * CRM vocabulary: a Spark word or name on the left, the Dynamics word it means on the right.
   * Whole names first (close_date), then single words (company).
   */
  static final Map<String, String> SYNONYMS = Map.ofEntries(
      Map.entry("company", "account"), Map.entry("companies", "account"),
      Map.entry("deal", "opportunity"), Map.entry("deals", "opportunity"),
      Map.entry("amount", "estimatedvalue"), Map.entry("closedate", "estimatedclosedate"),
      Map.entry("phone", "telephone1"), Map.entry("mobilephone", "mobilephone"),
      Map.entry("website", "websiteurl"), Map.entry("annualrevenue", "revenue"),
      Map.entry("employeecount", "numberofemployees"), Map.entry("email", "emailaddress1"),
      Map.entry("secondaryemail", "emailaddress2"), Map.entry("title", "jobtitle"),
      Map.entry("street", "address1line1"), Map.entry("city", "address1city"),
      Map.entry("state", "address1stateorprovince"), Map.entry("postalcode", "address1postalcode"),
      Map.entry("zip", "address1postalcode"), Map.entry("country", "address1country"),
      Map.entry("internalnotes", "description"), Map.entry("notes", "description"),
      Map.entry("birthday", "birthdate"), Map.entry("createdat", "overriddencreatedon"),
      Map.entry("parentid", "parentaccountid"), Map.entry("note", "annotation"),
      Map.entry("user", "systemuser"), Map.entry("activity", "activitypointer"),
      Map.entry("probability", "closeprobability"), Map.entry("subject", "subject"),
      Map.entry("body", "description"), Map.entry("forecastcategory", "opportunityratingcode"),
      Map.entry("occurredat", "actualstart"), Map.entry("durationmin", "actualdurationminutes"),
      Map.entry("durationminutes", "actualdurationminutes"), Map.entry("from", "sender"),
      Map.entry("related", "regardingobjectid"), Map.entry("regarding", "regardingobjectid"),
      Map.entry("mimetype", "mimetype"), Map.entry("filename", "filename"));

  /**
   * Kinds of activity as CRM systems name them, to the Dynamics activity table of that kind: a
   * source object whose choice field has these values splits into those tables.
   */
  static final Map<String, String> ACTIVITY_KINDS = Map.ofEntries(
      Map.entry("call", "phonecall"), Map.entry("phonecall", "phonecall"), Map.entry("meeting", "appointment"),
      Map.entry("appointment", "appointment"), Map.entry("event", "appointment"), Map.entry("email", "email"),
      Map.entry("task", "task"), Map.entry("todo", "task"));

  /** Statuses of a person who is not yet qualified: in Dynamics such a person is a lead, not a contact. */
  static final Set<String> LEAD_STATUSES = Set.of("new", "unqualified", "open", "prospect", "lead", "attempted",
      "notcontacted", "contacted", "cold", "raw");

  /** Similarity of a source name to a target column or table (its name and display name). */
  static double score(String source, String targetName, String targetDisplay) {
    double best = score(source, targetName);
    if (targetDisplay != null && !targetDisplay.isBlank()) best = Math.max(best, score(source, targetDisplay));
    return best;
  }

  static double score(String source, String target) {
    String s = squash(source);
    String t = squash(target);
    if (s.isEmpty() || t.isEmpty()) return 0;
    if (s.equals(t)) return 1.0;
    String synonym = SYNONYMS.get(s);
    if (synonym != null && synonym.equals(t)) return 0.95;
    List<String> sourceTokens = tokens(source);
    List<String> targetTokens = tokens(target);
    Set<String> translated = new LinkedHashSet<>();
    for (String token : sourceTokens) translated.add(SYNONYMS.getOrDefault(token, token));
    double tokenScore = overlap(translated, new LinkedHashSet<>(targetTokens));
    double edit = 1.0 - (double) levenshtein(s, t) / Math.max(s.length(), t.length());
    return Math.max(0.85 * tokenScore, 0.8 * edit);
  }

  /** Lower-case letters and digits only: {@code Close Date}, {@code close_date} and {@code closeDate} agree. */
  static String squash(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** Words of a name: split at _, spaces, dots and lower-to-upper case changes. */
  static List<String> tokens(String name) {
    List<String> out = new ArrayList<>();
    for (String part : name.replaceAll("([a-z])([A-Z])", "$1 $2").split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) out.add(part.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Dice coefficient of two word sets. */
  private static double overlap(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) return 0;
    long common = a.stream().filter(b::contains).count();
    return 2.0 * common / (a.size() + b.size());
  }

  static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
