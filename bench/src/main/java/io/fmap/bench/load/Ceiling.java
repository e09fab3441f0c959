package io.fmap.bench.load;

/**
 * The best rows/s a set of service-protection limits and a latency model allow for one load, so that
 * a measured rate can be reported as a share of what is possible.
 *
 * <p>Per identity, a request of {@code B} rows costs {@code t = requestCost + B * rowCost} ms of server
 * time and (with latency on) as much wall time. Loading {@code N} rows takes {@code n = N / B} requests
 * and {@code X = n * t} ms of execution time. The shortest time {@code T} that respects every limit is
 * the largest of:
 * <pre>
 *   concurrency:     T >= n * t / (C * 1000)                (C requests in flight, each t ms long)
 *   request count:   T >= W * (n - R) / R      when n > R   (R requests per window W)
 *   execution time:  T >= W * (X - E) / E      when X > E   (E ms of execution per window W)
 * </pre>
 * and the ceiling is {@code N / T}, times the number of identities (limits are per user).
 */
record Ceiling(double rowsPerSecond, String binding, String formula) {

  static Ceiling of(long rows, int batch, int identities, long requestCostMs, long rowCostMs, int concurrent,
                    int requestsPerWindow, long executionMsPerWindow, double windowSeconds) {
    double perIdentityRows = (double) rows / identities;
    double n = Math.ceil(perIdentityRows / batch);
    double t = requestCostMs + (double) batch * rowCostMs;
    double x = n * t;
    double byConcurrency = n * t / (concurrent * 1000.0);
    double byRequests = n > requestsPerWindow ? windowSeconds * (n - requestsPerWindow) / requestsPerWindow : 0;
    double byExecution = x > executionMsPerWindow ? windowSeconds * (x - executionMsPerWindow) / executionMsPerWindow : 0;
    double seconds = Math.max(byConcurrency, Math.max(byRequests, byExecution));
    String binding = seconds == byConcurrency ? "concurrency" : seconds == byRequests ? "request count" : "execution time";
    String formula = String.format(java.util.Locale.ROOT,
        "N=%d rows, B=%d, identities=%d, t=%d+%d*B=%.0f ms, n=%.0f requests/identity, X=%.0f ms;%n"
            + "  concurrency T>=n*t/(C*1000)=%.3f s (C=%d), requests T>=%.3f s (R=%d/%.0fs), execution T>=%.3f s"
            + " (E=%d ms/%.0fs)%n  ceiling = N/T = %.0f rows/s (bound by %s)",
        rows, batch, identities, requestCostMs, rowCostMs, t, n, x, byConcurrency, concurrent, byRequests,
        requestsPerWindow, windowSeconds, byExecution, executionMsPerWindow, windowSeconds, rows / seconds, binding);
    return new Ceiling(rows / seconds, binding, formula);
  }
}
