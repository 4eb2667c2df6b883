package io.paykit.qbitpay;

import io.paykit.http.ApiResponse;
import io.paykit.http.Interceptor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Adds {@code Authorization: Basic base64("<apiKey>:")}: the API key as user name, no password. */
final class BasicAuthInterceptor implements Interceptor {
  private final String headerValue;

  BasicAuthInterceptor(String apiKey) {
    this.headerValue = headerValue(apiKey);
  }

  static String headerValue(String apiKey) {
    return "Basic "
        + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public ApiResponse intercept(Chain chain) {
    return chain.proceed(chain.request().newBuilder().header("Authorization", headerValue).build());
  }

  @Override
  public String toString() {
    return "BasicAuthInterceptor{****}";
  }
}
