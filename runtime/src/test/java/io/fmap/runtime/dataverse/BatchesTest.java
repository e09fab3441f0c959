package io.fmap.runtime.dataverse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** A request as a {@code $batch} part carries the headers it would carry alone. */
class BatchesTest {

  @Test
  void aPartWithABodyGetsTheWriteHeadersAndOneWithoutGetsOnlyItsOwnAsWhenSentAlone() {
    URI url = URI.create("http://127.0.0.1:1");
    DataverseConfig config = new DataverseConfig(url, "v9.2", URI.create(url + "/token"), url + "/.default",
        List.of(new Identity("fmap-demo", "FMAP_SECRET", Secret.of("fmap-demo"))), 10, 2, true, true, null);
    DataverseClient client = new DataverseClient("fmap-demo", new OkHttpClient(), config, null, new ThrottleGate(2),
        RetryPolicy.DEFAULT, new Redactor());

    BatchCodec.Part update = Batches.part(client, "PATCH", "accounts(1)", Map.of("If-Match", "*"), "{}");
    assertEquals(Map.of("MSCRM.BypassBusinessLogicExecution", "CustomSync,CustomAsync",
        "MSCRM.SuppressCallbackRegistrationExpanderJob", "true", "If-Match", "*"), update.headers());

    // DataverseClient adds the write headers to a request with a body only: a delete goes without them.
    BatchCodec.Part delete = Batches.part(client, "DELETE", "accounts(1)", Map.of("If-Match", "W/\"7\""), null);
    assertEquals(Map.of("If-Match", "W/\"7\""), delete.headers());
    assertEquals("/api/data/v9.2/accounts(1)", delete.url());
  }
}
