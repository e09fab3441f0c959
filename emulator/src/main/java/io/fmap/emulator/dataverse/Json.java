package io.fmap.emulator.dataverse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the emulator and the body parsing every handler shares. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() { return MAPPER.createObjectNode(); }

  static String error(String code, String message) {
    ObjectNode root = object();
    ObjectNode error = root.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return write(root);
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A request body that must be a JSON object; anything else is the OData reader's 400. */
  static ObjectNode body(ApiRequest request) {
    byte[] bytes = request.body();
    if (isBlank(bytes)) throw DataverseError.badRequest(DataverseError.ODATA, "The request body is empty; a JSON object was expected.");
    try {
      // Parsed from the bytes as received: no decoded copy of every body.
      JsonNode node = MAPPER.readTree(bytes);
      if (node instanceof ObjectNode o) return o;
    } catch (JsonProcessingException e) {
      throw DataverseError.badRequest(DataverseError.ODATA, "Invalid JSON. " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // bytes in memory: not reachable
    }
    throw DataverseError.badRequest(DataverseError.ODATA, "The request body must be a JSON object.");
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
    return true;
  }
}
