package io.fmap.runtime.target;

import java.util.UUID;

/**
 * What happened to one row.
 *
 * @param sourceId the row's source id
 * @param targetId the row's id in the target when written, else null
 * @param status   the HTTP status that decided the row (for a bulk request: the request's status)
 * @param code     the server's error code ({@code 0x80044331}) when failed, else ""
 * @param message  the server's error message when failed, else ""
 */
public record WriteResult(String sourceId, UUID targetId, int status, String code, String message) {

  public static WriteResult written(String sourceId, UUID targetId, int status) {
    return new WriteResult(sourceId, targetId, status, "", "");
  }

  public static WriteResult failed(String sourceId, int status, String code, String message) {
    return new WriteResult(sourceId, null, status, code, message);
  }

  public boolean ok() { return status >= 200 && status < 300; }

  /** The code a refusal is recorded under: the server's, else {@code HTTP_<status>}. */
  public String errorCode() {
    return code == null || code.isEmpty() ? "HTTP_" + status : code;
  }
}
