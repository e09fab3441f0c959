package io.fmap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.TargetKey;
import io.fmap.runtime.api.TargetRef;
import io.fmap.runtime.api.TargetRow;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares like with like: the three transforms give the same answers, every output
 * field of every record, so none of them can win by doing less work.
 */
class TransformEquivalenceTest {

  private static final int RECORDS = 5_000;

  @Test
  void generatedHandWrittenAndJsltAgreeOnEveryFieldOfEveryRecord() throws IOException {
    TransformBenchmark.Records records = new TransformBenchmark.Records();
    records.setUp();
    TransformBenchmark.Generated fmap = new TransformBenchmark.Generated();
    fmap.setUp();
    TransformBenchmark.Jslt jsltState = new TransformBenchmark.Jslt();
    jsltState.setUp(records);
    int leads = 0;
    for (int i = 0; i < RECORDS; i++) {
      var record = records.data.records.get(i);
      TargetRow generated = row(fmap.plan.transform(record, records.context).get(0));
      TargetRow hand = row(HandWrittenContacts.transform(record, records.context));
      JsonNode jslt = jsltState.expression.apply(jsltState.variables, records.data.trees.get(i));

      assertEquals(hand, generated, record::toString);
      assertEquals(asJslt(generated), jslt, record::toString);
      if (generated.table().equals("lead")) leads++;
    }
    // Both routes are exercised, not one of them only.
    assertEquals(true, leads > RECORDS / 10 && leads < RECORDS * 9 / 10, "leads: " + leads);
  }

  /**
   * The row as the JSLT transform writes it: the table, the key, the columns as text (JSLT keeps
   * dates and times as the source's ISO text, which is what {@code toString} prints for these
   * whole-second values), lookups and the owner as {@code @odata.bind} paths; null columns left
   * out, as JSLT leaves them out of the objects it builds.
   */
  private static JsonNode asJslt(TargetRow row) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("table", row.table());
    ((TargetKey.ByAlternateKey) row.key()).values().forEach((column, value) -> node.put(column, value.toString()));
    row.columns().forEach((column, value) -> {
      if (value instanceof Integer option) node.put(column, option);
      else if (value != null) node.put(column, value.toString());
    });
    row.lookups().forEach((column, ref) -> node.put(ref.navigationProperty() + "@odata.bind", bind(ref)));
    node.put("ownerid@odata.bind", "/systemusers(" + ((TargetKey.ById) row.owner().key()).id() + ")");
    return node;
  }

  private static String bind(TargetRef ref) {
    Map.Entry<String, Object> key = ((TargetKey.ByAlternateKey) ref.key()).values().entrySet().iterator().next();
    return "/" + ref.table() + "s(" + key.getKey() + "='" + key.getValue() + "')";
  }

  private static TargetRow row(MapResult result) {
    return assertInstanceOf(MapResult.Mapped.class, result, result::toString).rows().get(0);
  }
}
