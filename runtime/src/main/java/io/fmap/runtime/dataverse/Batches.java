package io.fmap.runtime.dataverse;

import io.fmap.runtime.target.WriteResult;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Independent requests sent as one {@code $batch} with {@code continue-on-error}: the service-protection
 * limit counts the whole batch as one request (fact sheet §8), so a pass of one request per row is
 * no longer bound by 6000 requests per 5 minutes.
 */
public final class Batches {
  private static final AtomicLong IDS = new AtomicLong();

  private Batches() {}

  /** Builds the request of one item; the same request whether it goes alone or as a part. */
  @FunctionalInterface
  public interface Request<T> {
    ApiRequest of(T item) throws IOException;
  }

  /** What one item's answer means, from its status and (for a failure) the server's error. */
  @FunctionalInterface
  public interface Outcome<T> {
    WriteResult of(T item, int status, ServerError error) throws IOException;
  }

  /**
   * A request as a part: the write headers a single request gets (one with a body, as
   * {@link DataverseClient} sends them), then its own.
   */
  static BatchCodec.Part part(DataverseClient client, String method, String path, Map<String, String> headers,
                              String body) {
    Map<String, String> all = body == null ? Map.of() : client.writeHeaders();
    if (!headers.isEmpty()) {
      all = new LinkedHashMap<>(all);
      all.putAll(headers);
    }
    return new BatchCodec.Part(method, URI.create(client.apiRoot()).getRawPath() + path, all, body);
  }

  /**
   * The parts' answers in order; empty when the server refused the envelope itself. Sent as repeatable:
   * every caller's parts are upserts, updates or creates of an id fmap chose, safe to send twice.
   */
  static Optional<List<BatchCodec.PartResponse>> send(DataverseClient client, List<BatchCodec.Part> parts)
      throws IOException {
    String boundary = "batch_fmap" + IDS.incrementAndGet();
    ApiRequest batch = new ApiRequest("POST", "$batch", Map.of("Prefer", "odata.continue-on-error"),
        BatchCodec.encode(boundary, parts), BatchCodec.contentType(boundary), true);
    ApiResponse r = client.send(batch);
    if (!r.ok()) return Optional.empty();
    return Optional.of(BatchCodec.decode(r.header("Content-Type"), r.body()));
  }

  /**
   * One result per item, in order: the items of more than one go as a batch, and each part's answer
   * means what the same request's answer would alone. An item the batch did not answer (the envelope
   * refused, its outcome unknown, a part missing, throttled or a server fault) goes again alone, which
   * is why only requests safe to repeat come here.
   */
  static <T> List<WriteResult> each(DataverseClient client, List<T> items, Request<T> request, Outcome<T> outcome)
      throws IOException {
    List<BatchCodec.PartResponse> answers = List.of();
    if (items.size() > 1) {
      List<BatchCodec.Part> parts = new ArrayList<>(items.size());
      for (T item : items) {
        ApiRequest r = request.of(item);
        parts.add(part(client, r.method(), r.path(), r.headers(),
            r.body() == null ? null : new String(r.body(), StandardCharsets.UTF_8)));
      }
      try {
        answers = send(client, parts).orElse(List.of());
      } catch (OutcomeUnknownException e) {
        answers = List.of(); // some parts may have landed: a single request of each tells which
      }
    }
    List<WriteResult> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      BatchCodec.PartResponse a = i < answers.size() ? answers.get(i) : null;
      if (a != null && a.status() != 429 && a.status() < 500) {
        out.add(outcome.of(item, a.status(), ServerError.parse(a.status(), a.body())));
      } else {
        ApiResponse r = client.send(request.of(item));
        out.add(outcome.of(item, r.code(), r.error()));
      }
    }
    return out;
  }
}
