package io.fmap.compiler.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The plan as JSON ({@code fmap plan --format json}), for tools: the same facts as the text. */
public final class PlanJson {

  private PlanJson() {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  public static String render(PlanDocument plan) {
    try {
      return JSON.writeValueAsString(plan).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the plan document is plain records and always serializes", e);
    }
  }
}
