package io.fmap.runtime.spark;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Retries a request a bounded number of times: on 429 after the server's {@code Retry-After}
 * (capped), on 5xx and broken connections after an exponential backoff. The last answer (or
 * failure) is returned as is, so the caller can report it.
 */
final class RetryPolicy implements Interceptor {
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxWait;
  private final Sleeper sleeper;

  /** Waits between attempts; replaced in tests that count waits. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxWait, Sleeper sleeper) {
    this.maxRetries = maxRetries;
    this.initialBackoff = initialBackoff;
    this.maxWait = maxWait;
    this.sleeper = sleeper;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Duration backoff = initialBackoff;
    for (int attempt = 0; ; attempt++) {
      Response response;
      try {
        response = chain.proceed(chain.request());
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        if (attempt >= maxRetries) throw e;
        pause(backoff);
        backoff = next(backoff);
        continue;
      }
      int code = response.code();
      boolean retryable = code == 429 || code == 502 || code == 503 || code == 504 || code == 500;
      if (!retryable || attempt >= maxRetries) return response;
      Duration wait = code == 429 ? retryAfter(response.header("Retry-After"), backoff) : backoff;
      response.close();
      pause(wait);
      backoff = next(backoff);
    }
  }

  private Duration next(Duration backoff) {
    Duration doubled = backoff.multipliedBy(2);
    return doubled.compareTo(maxWait) > 0 ? maxWait : doubled;
  }

  /** Retry-After in seconds or as an HTTP date; without one, the backoff; never more than maxWait. */
  Duration retryAfter(String header, Duration fallback) {
    Duration wait = fallback;
    if (header != null) {
      String h = header.trim();
      try {
        wait = Duration.ofSeconds(Math.max(0, Long.parseLong(h)));
      } catch (NumberFormatException notSeconds) {
        try {
          wait = Duration.between(java.time.Instant.now(), ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME));
          if (wait.isNegative()) wait = Duration.ZERO;
        } catch (DateTimeParseException notADate) {
          wait = fallback;
        }
      }
    }
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }

  private void pause(Duration d) throws IOException {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
