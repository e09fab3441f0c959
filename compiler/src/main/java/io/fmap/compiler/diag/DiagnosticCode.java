package io.fmap.compiler.diag;

/**
 * The one catalogue of diagnostic codes. A code never changes meaning once released: tests,
 * CI filters and the docs refer to it. Ranges by phase:
 * FM1xxx syntax and loading, FM2xxx names, FM3xxx types, FM4xxx completeness, FM5xxx order.
 */
public enum DiagnosticCode {

  // ------------------------------------------------------------------ FM1xxx: syntax and loading
  UNEXPECTED_TOKEN("FM1001", Severity.ERROR, "something other than what the language allows here"),
  UNTERMINATED_STRING("FM1002", Severity.ERROR, "a text literal is not closed on its line"),
  UNEXPECTED_CHARACTER("FM1003", Severity.ERROR, "a character that is not part of the language"),
  MISSING_TOKEN("FM1004", Severity.ERROR, "a required symbol is missing"),
  UNCLOSED_BLOCK("FM1005", Severity.ERROR, "a block is not closed before the next declaration starts"),
  UNKNOWN_KEYWORD("FM1006", Severity.ERROR, "a word that looks like a misspelt keyword"),
  INVALID_ESCAPE("FM1007", Severity.ERROR, "a backslash escape the language does not know"),
  TOO_DEEPLY_NESTED("FM1008", Severity.ERROR, "brackets or expressions nested deeper than fmap reads"),
  NOT_TEXT("FM1009", Severity.ERROR, "the file holds binary data, not text"),
  INVALID_UTF8("FM1010", Severity.ERROR, "the file is not valid UTF-8"),
  INVALID_DATE("FM1011", Severity.ERROR, "a date or date-time literal that is not a real date"),
  INVALID_NUMBER("FM1012", Severity.ERROR, "a number too large for its place"),
  UNEXPECTED_END("FM1013", Severity.ERROR, "the file ends in the middle of a declaration"),
  EMPTY_FILE("FM1014", Severity.WARNING, "a .fmap file with no declarations"),
  TOO_MANY_ERRORS("FM1015", Severity.NOTE, "further syntax errors in the file are not shown"),
  UNTERMINATED_QUOTED_NAME("FM1016", Severity.ERROR, "a `quoted name` is not closed on its line"),
  IMPORT_NOT_FOUND("FM1017", Severity.ERROR, "an imported file does not exist"),
  UNREADABLE_FILE("FM1018", Severity.ERROR, "a file could not be read"),
  NO_FMAP_FILES("FM1019", Severity.WARNING, "a folder given to fmap holds no .fmap files"),
  UNCLOSED_BLOCK_AT_END("FM1020", Severity.ERROR, "a block is still open when the file ends"),
  FORMATTER_FAILED("FM1021", Severity.ERROR, "fmt could not reformat a file without changing its meaning (a bug)"),
  EXPRESSION_TOO_LONG("FM1022", Severity.ERROR, "an expression longer than fmap reads"),

  // ------------------------------------------------------------------ FM2xxx: names (checker)
  UNKNOWN_SYSTEM("FM2001", Severity.ERROR, "a qualified name that starts with neither `spark` nor `dynamics`"),
  UNKNOWN_SOURCE_OBJECT("FM2002", Severity.ERROR, "a Spark object the source schema does not have"),
  UNKNOWN_TARGET_TABLE("FM2003", Severity.ERROR, "a Dataverse table the target schema does not have"),
  UNKNOWN_SOURCE_FIELD("FM2004", Severity.ERROR, "a name that is no field of the source object, param or let"),
  UNKNOWN_TARGET_COLUMN("FM2005", Severity.ERROR, "a target column that neither exists nor is declared with `column`"),
  UNKNOWN_FUNCTION("FM2006", Severity.ERROR, "a call to a function the standard library does not have"),
  UNKNOWN_PARAM("FM2007", Severity.ERROR, "fmap.yaml sets a param that no .fmap file declares"),
  UNKNOWN_VALUE_MAP("FM2008", Severity.ERROR, "a value map applied by a name no `valuemap` declares"),
  DUPLICATE_DECLARATION("FM2009", Severity.ERROR, "two params, value maps, columns or tables with one name"),
  DUPLICATE_ASSIGNMENT("FM2010", Severity.ERROR, "one map assigns the same column twice"),
  COLUMN_ALREADY_EXISTS("FM2011", Severity.ERROR, "a schema change declares a column or table the target already has"),
  PUBLISHER_PREFIX("FM2012", Severity.ERROR, "a new column or table without the publisher prefix"),
  WRONG_DIRECTION("FM2013", Severity.ERROR, "a map or value map that does not go from spark to dynamics"),
  UNKNOWN_TYPE("FM2014", Severity.ERROR, "a type name the language does not have"),
  NESTED_TARGET("FM2015", Severity.ERROR, "an assignment to a dotted path instead of one target column"),
  UNKNOWN_PARTY_ROLE("FM2016", Severity.ERROR, "a `party` line whose role is none of sender, to, cc, bcc, required, optional, organizer"),


  // ------------------------------------------------------------------ FM3xxx: types (checker)
  TYPE_MISMATCH("FM3001", Severity.ERROR, "a value of one type assigned or passed where another is needed"),
  TEXT_TOO_LONG("FM3002", Severity.WARNING, "text that may be longer than the target column holds"),
  NEEDS_PARSE("FM3003", Severity.ERROR, "text assigned to a number, date or yes/no column without a parse"),
  LOSSY_NUMBER("FM3004", Severity.WARNING, "a decimal assigned to a whole-number column"),
  TIME_DROPPED("FM3005", Severity.WARNING, "a date-time assigned to a date-only column"),
  CHOICE_NEEDS_VALUE_MAP("FM3006", Severity.ERROR, "a choice column assigned something other than an option"),
  OPTION_NOT_IN_SET("FM3007", Severity.ERROR, "a literal assigned to a choice column that is none of its options"),
  LOOKUP_NEEDS_REF("FM3008", Severity.ERROR, "a lookup column assigned something other than `ref(...)`"),
  LOOKUP_TARGET_MISMATCH("FM3009", Severity.ERROR, "`ref(...)` to rows of a table the lookup cannot point to"),
  OWNER_NEEDS_OWNER("FM3010", Severity.ERROR, "`ownerid` assigned something other than `owner(...)`"),
  CONDITION_NOT_BOOL("FM3011", Severity.ERROR, "a `when`, `where`, `if` or `and`/`or` operand that is not yes/no"),
  WRONG_ARGUMENTS("FM3012", Severity.ERROR, "a function called with the wrong number or types of arguments"),
  OPERATOR_TYPES("FM3013", Severity.ERROR, "an operator applied to values it does not work on"),
  PARAM_VALUE_TYPE("FM3014", Severity.ERROR, "a param's default or fmap.yaml value that is not of its type"),
  VALUE_MAP_MISMATCH("FM3015", Severity.ERROR, "a value map used on another field or column than it was written for"),
  IGNORE_MISPLACED("FM3016", Severity.ERROR, "`ignore` inside an expression instead of as the whole value or after `??`"),
  LOOKUP_TARGET_PARTLY("FM3017", Severity.WARNING, "`ref(...)` whose object is also routed to a table the lookup cannot point to"),
  NUMBER_OUT_OF_RANGE("FM3018", Severity.ERROR, "a number literal outside the column's minimum and maximum"),
  STATUS_STATE_MISMATCH("FM3019", Severity.ERROR, "a status reason that belongs to another state than the row's"),
  PARTY_NOT_ACTIVITY("FM3020", Severity.ERROR, "a `party` line in a map into a table that has no activity parties"),
  PARTY_TABLE("FM3021", Severity.ERROR, "`resolve` names a table activity parties cannot point to or that has no email column"),
  PARTY_ADDRESS("FM3022", Severity.ERROR, "a party address that is not text, or a list of addresses without `each`"),
  RELATIONSHIP_LINKS("FM3023", Severity.ERROR, "a relationship's `from` field that is no reference list between the objects mapped to its two tables"),


  // ------------------------------------------------------------------ FM4xxx: completeness (checker)
  REQUIRED_COLUMN_UNMAPPED("FM4001", Severity.ERROR, "a required target column neither assigned nor ignored"),
  OWNER_MISSING("FM4002", Severity.ERROR, "a map into a user-owned table that never says who owns the row"),
  NOT_VALID_FOR_CREATE("FM4003", Severity.ERROR, "a column Dataverse does not accept when a row is created"),
  VALUE_MAP_NOT_EXHAUSTIVE("FM4004", Severity.ERROR, "a value map without `else` that misses source values"),
  VALUE_NOT_IN_OPTION_SET("FM4005", Severity.ERROR, "a value map target that is no option of the target column"),
  DUPLICATE_VALUE_MAP_ENTRY("FM4006", Severity.ERROR, "a value map that lists one source value twice"),
  UNKNOWN_SOURCE_VALUE("FM4007", Severity.WARNING, "a value map source value the source picklist does not have"),
  NO_OTHERWISE("FM4008", Severity.WARNING, "a routed source object whose maps may drop records"),
  TWO_OTHERWISE("FM4009", Severity.ERROR, "two maps of one source object that both take every remaining record"),
  CONSTANT_CONDITION("FM4010", Severity.WARNING, "a condition that is always true or always false"),
  UNREACHABLE_MAP("FM4011", Severity.WARNING, "a map whose records an earlier map of the object always takes"),
  PARAM_WITHOUT_VALUE("FM4012", Severity.ERROR, "a param with no default and no value in fmap.yaml"),
  UNUSED_PARAM("FM4013", Severity.WARNING, "a param no expression uses"),
  UNUSED_VALUE_MAP("FM4014", Severity.WARNING, "a value map no map uses"),
  MATCH_NOT_EXHAUSTIVE("FM4015", Severity.ERROR, "a `match` on a picklist without `else` that misses values"),
  NO_KEY("FM4016", Severity.WARNING, "a map without `key`: a rerun creates the rows again"),
  CUSTOM_TABLE_CAP("FM4017", Severity.ERROR, "more custom tables than the Dynamics 365 edition allows"),


  // ------------------------------------------------------------------ FM5xxx: order (checker)
  REF_TO_UNMAPPED_OBJECT("FM5001", Severity.ERROR, "`ref(...)` to a source object that no map migrates"),
  DEPENDENCY_CYCLE("FM5002", Severity.ERROR, "objects that need each other loaded first through required lookups"),
  TWO_PASS_LOAD("FM5003", Severity.NOTE, "a lookup written in a second pass to break a self-reference or cycle"),
  AFTER_UNMAPPED_OBJECT("FM5004", Severity.ERROR, "`after` names a source object no map migrates"),
  ;

  private final String id;
  private final Severity defaultSeverity;
  private final String summary;

  DiagnosticCode(String id, Severity defaultSeverity, String summary) {
    this.id = id;
    this.defaultSeverity = defaultSeverity;
    this.summary = summary;
  }

  /** The stable code people search for, e.g. {@code FM1002}. */
  public String id() {
    return id;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** One line saying what the code is about, for the docs table and {@code --explain}-style output. */
  public String summary() {
    return summary;
  }
}
