package io.fmap.emulator.dataverse;

/**
 * A failure answered the way Dataverse answers it: an HTTP status plus {@code {"error":{"code","message"}}}.
 * The hex codes are the ones the Web API returns (fact sheet §5.2); where the sheet has no code
 * for a rule, the code is listed as unverified in docs/emulator-dataverse.md.
 */
public final class DataverseError extends RuntimeException {
  public static final String ODATA = "0x0";
  public static final String OBJECT_DOES_NOT_EXIST = "0x80040217";
  public static final String DUPLICATE_RECORD = "0x80040237";
  public static final String DUPLICATE_KEY = "0x80060892";
  public static final String KEY_NOT_FOUND = "0x80060891";
  public static final String VALIDATION = "0x80044331";
  public static final String PICKLIST_OUT_OF_RANGE = "0x80044150";
  public static final String FILE_TOO_BIG = "0x80044a02";
  public static final String RESOURCE_NOT_FOUND = "0x8006088a";
  public static final String INVALID_ARGUMENT = "0x80040203";
  /** AccountLoopBeingCreated, from Microsoft's list of Dataverse web service error codes. */
  public static final String ACCOUNT_LOOP = "0x80040507";
  public static final String REQUEST_LIMIT = "0x80072322";
  public static final String TIME_LIMIT = "0x80072321";
  public static final String CONCURRENCY_LIMIT = "0x80072326";

  private final int status;
  private final String code;

  public DataverseError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() { return status; }
  public String code() { return code; }

  static DataverseError badRequest(String code, String message) { return new DataverseError(400, code, message); }

  static DataverseError notFound(String table, Object id) {
    return new DataverseError(404, OBJECT_DOES_NOT_EXIST, table + " With Id = " + id + " Does Not Exist");
  }

  static DataverseError segment(String segment) {
    return new DataverseError(404, RESOURCE_NOT_FOUND, "Resource not found for the segment '" + segment + "'.");
  }

  static DataverseError invalidProperty(String property, String table) {
    return badRequest(ODATA, "Invalid property '" + property + "' was found in entity 'Microsoft.Dynamics.CRM."
        + table + "'.");
  }

  static DataverseError noSuchProperty(String property, String table) {
    return badRequest(ODATA, "Could not find a property named '" + property + "' on type 'Microsoft.Dynamics.CRM."
        + table + "'.");
  }

  static DataverseError validation(String detail) {
    return badRequest(VALIDATION, "A validation error occurred.  " + detail);
  }
}
