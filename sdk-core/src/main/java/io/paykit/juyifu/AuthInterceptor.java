package io.paykit.juyifu;

import io.paykit.AccessToken;
import io.paykit.NetworkException;
import io.paykit.http.ApiRequest;
import io.paykit.http.ApiResponse;
import io.paykit.http.Interceptor;
import io.paykit.http.TokenCache;
import java.io.IOException;

/**
 * Puts the access token in the {@code access_token} header (seed 001's header, PROPOSED form): a fixed
 * token, or one from a {@link TokenCache} that is replaced after the gateway answers 401, with the
 * request sent once more. The token request itself carries no token. Thread-safe.
 */
final class AuthInterceptor implements Interceptor {
  static final String HEADER = "access_token";
  static final String TOKEN_PATH = "/token";

  private final AccessToken fixed;
  private final TokenCache cache;

  AuthInterceptor(AccessToken fixed, TokenCache cache) {
    this.fixed = fixed;
    this.cache = cache;
  }

  @Override
  public ApiResponse intercept(Chain chain) {
    ApiRequest request = chain.request();
    if (request.path().equals(TOKEN_PATH) || (fixed == null && cache == null)) {
      return chain.proceed(request);
    }
    if (fixed != null) return chain.proceed(withToken(request, fixed));
    AccessToken token = token(request);
    ApiResponse response = chain.proceed(withToken(request, token));
    if (response.status() != 401) return response;
    // A 401 means the gateway refused the request before acting on it, so sending it once more with a
    // fresh token is safe even for a create. invalidate() ignores a token another thread already
    // replaced, so a burst of 401s causes one fetch.
    cache.invalidate(token);
    return chain.proceed(withToken(request, token(request)));
  }

  /**
   * Gets a token before the request goes out. A network failure of the token call is reported as
   * one of this request that never left, so a create is not mistaken for one that may have arrived.
   */
  private AccessToken token(ApiRequest request) {
    try {
      return cache.get();
    } catch (NetworkException e) {
      Throwable cause = e.getCause();
      throw new NetworkException(
          request.operation() + " was not sent: fetching the access token failed ("
              + e.getMessage() + ")",
          cause instanceof IOException ? (IOException) cause : null,
          false,
          true);
    }
  }

  private static ApiRequest withToken(ApiRequest request, AccessToken token) {
    return request.newBuilder().header(HEADER, token.getValue()).build();
  }
}
