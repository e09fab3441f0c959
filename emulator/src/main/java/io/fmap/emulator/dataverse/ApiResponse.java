package io.fmap.emulator.dataverse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Web API answer.
 *
 * @param rows rows read or written, for the execution-time cost model of service protection
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body, int rows) {
  static final String JSON = "application/json; odata.metadata=minimal";

  public ApiResponse {
    headers = new LinkedHashMap<>(headers);
    body = body == null ? new byte[0] : body;
  }

  static ApiResponse json(int status, String json, int rows) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", JSON);
    h.put("OData-Version", "4.0");
    return new ApiResponse(status, h, json.getBytes(StandardCharsets.UTF_8), rows);
  }

  static ApiResponse noContent(int rows) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("OData-Version", "4.0");
    return new ApiResponse(204, h, null, rows);
  }

  /** 204 naming the row written ({@code OData-EntityId}), as creates and upserts answer. */
  static ApiResponse noContent(int rows, String entityId) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("OData-Version", "4.0");
    h.put("OData-EntityId", entityId);
    return new ApiResponse(204, h, null, rows);
  }

  static ApiResponse error(DataverseError e) {
    return json(e.status(), Json.error(e.code(), e.getMessage()), 0);
  }

  ApiResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiResponse(status, h, body, rows);
  }

  String bodyText() { return new String(body, StandardCharsets.UTF_8); }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 412 -> "Precondition Failed";
      case 413 -> "Payload Too Large";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }
}
