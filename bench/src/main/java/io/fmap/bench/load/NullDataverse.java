package io.fmap.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dataverse that accepts every write and keeps nothing: tokens, "no bulk messages" from
 * {@code sdkmessagefilters}, and a {@code 204} for every part of a {@code $batch}. Loading into it
 * measures the connector's own cost (bodies, {@code $batch} encoding and decoding, HTTP, gate),
 * which the emulator's rule checks would otherwise hide. Loopback only.
 */
final class NullDataverse implements AutoCloseable {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
    Thread t = new Thread(r, "null-dataverse");
    t.setDaemon(true);
    return t;
  });

  NullDataverse() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  String rootUrl() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

  private void handle(HttpExchange x) throws IOException {
    byte[] request = x.getRequestBody().readAllBytes();
    String path = x.getRequestURI().getPath();
    if (path.endsWith("/oauth2/v2.0/token")) {
      send(x, 200, "application/json", "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"null\"}");
    } else if (path.endsWith("/sdkmessagefilters")) {
      send(x, 200, "application/json", "{\"value\":[]}");
    } else if (path.endsWith("/$batch")) {
      Matcher m = BOUNDARY.matcher(x.getRequestHeaders().getFirst("Content-Type"));
      String delimiter = "--" + (m.find() ? m.group(1) : "");
      String body = new String(request, StandardCharsets.UTF_8);
      int parts = 0;
      for (int i = body.indexOf(delimiter); i >= 0; i = body.indexOf(delimiter, i + 1)) parts++;
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < parts - 1; i++) {
        out.append("--batchresponse_n\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
            + "HTTP/1.1 204 No Content\r\n\r\n\r\n");
      }
      out.append("--batchresponse_n--\r\n");
      send(x, 200, "multipart/mixed; boundary=batchresponse_n", out.toString());
    } else {
      send(x, 204, null, "");
    }
  }

  private static void send(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (type != null) x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream o = x.getResponseBody()) {
        o.write(bytes);
      }
    }
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
