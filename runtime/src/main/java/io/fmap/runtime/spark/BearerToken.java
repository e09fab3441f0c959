package io.fmap.runtime.spark;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds the bearer token to every request; the token itself never reaches a message or a log. */
final class BearerToken implements Interceptor {
  private final String token;

  BearerToken(String token) {
    this.token = token;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("Authorization", "Bearer " + token).build());
  }

  @Override
  public String toString() {
    return "BearerToken[***]";
  }
}
