package io.fmap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import io.fmap.runtime.api.MapResult;
import io.fmap.runtime.api.TargetRow;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The benchmark compares like with like: the three transforms give the same answers. */
class TransformEquivalenceTest {

  @Test
  void generatedHandWrittenAndJsltAgreeOnEveryRecord() throws IOException {
    TransformBenchmark.Records records = new TransformBenchmark.Records();
    records.setUp();
    TransformBenchmark.Generated fmap = new TransformBenchmark.Generated();
    fmap.setUp();
    TransformBenchmark.Jslt jsltState = new TransformBenchmark.Jslt();
    jsltState.setUp(records);
    for (int i = 0; i < 2_000; i++) {
      var record = records.data.records.get(i);
      TargetRow generated = row(fmap.plan.transform(record, records.context).get(0));
      TargetRow hand = row(HandWrittenContacts.transform(record, records.context));
      // JSLT leaves null values out of the object it builds.
      JsonNode jslt = jsltState.expression.apply(jsltState.variables, records.data.trees.get(i));

      assertEquals(hand.table(), generated.table(), record::toString);
      assertEquals(hand.columns(), generated.columns(), record::toString);
      assertEquals(hand.lookups(), generated.lookups(), record::toString);
      assertEquals(hand.owner(), generated.owner(), record::toString);
      assertEquals(hand.key(), generated.key(), record::toString);
      assertEquals(generated.table(), jslt.get("table").asText(), record::toString);
      assertEquals(String.valueOf(generated.columns().get("emailaddress1")),
          jslt.hasNonNull("emailaddress1") ? jslt.get("emailaddress1").asText() : "null", record::toString);
      assertEquals(generated.columns().get("lastname"), jslt.get("lastname").asText(), record::toString);
    }
  }

  private static TargetRow row(MapResult result) {
    return assertInstanceOf(MapResult.Mapped.class, result, result::toString).rows().get(0);
  }
}
