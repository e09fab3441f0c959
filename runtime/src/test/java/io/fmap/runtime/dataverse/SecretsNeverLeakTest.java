package io.fmap.runtime.dataverse;

import static io.fmap.runtime.dataverse.FakeOrg.error;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fmap.runtime.target.RowAddress;
import io.fmap.runtime.target.RowWrite;
import io.fmap.runtime.target.WriteResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Every byte a run produces for people (logs, errors, results) is free of the secret and the token. */
class SecretsNeverLeakTest {

  @Test
  void aServerThatEchoesCredentialsCannotMakeFmapRepeatThem() throws Exception {
    // Log records arrive on OkHttp's and the server's threads, some after the run returns: the
    // capture is a concurrent queue, and the assertions read a snapshot taken once the handler is gone.
    Queue<String> output = new ConcurrentLinkedQueue<>();
    Handler capture = new Handler() {
      @Override public void publish(LogRecord r) {
        output.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
      }
      @Override public void flush() {}
      @Override public void close() {}
    };
    Logger root = Logger.getLogger("");
    Level before = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    try (FakeOrg org = new FakeOrg()) {
      AtomicInteger n = new AtomicInteger();
      org.handle(r -> {
        String echo = "you sent " + r.getHeaders().get("Authorization") + " and " + FakeOrg.SECRET;
        return switch (n.incrementAndGet()) {
          case 1 -> new MockResponse.Builder(error(429, "0x80072322", echo)).addHeader("Retry-After", "0").build();
          case 2 -> error(401, "", echo);
          default -> error(400, "0x0", echo);
        };
      });
      DataverseConfig config = org.config(1, 2);
      output.add(config.toString());
      try (var c = org.connector(config, false, false)) {
        List<WriteResult> results = c.write("account",
            List.of(new RowWrite("S1", RowAddress.ByKey.of("fmap_sourceid", "S1"), Map.of("name", "A"))));
        output.add(results.toString());
        try {
          c.count("account");
        } catch (IOException e) {
          output.add(e.toString());
        }
      }
    } finally {
      root.removeHandler(capture);
      root.setLevel(before);
    }
    List<String> lines = List.copyOf(output);
    assertTrue(lines.stream().anyMatch(s -> s.contains("you sent")), "the server's message is kept: " + lines);
    for (String line : lines) {
      assertFalse(line.contains(FakeOrg.SECRET), line);
      assertFalse(line.contains(FakeOrg.TOKEN_PREFIX), line);
    }
  }
}
