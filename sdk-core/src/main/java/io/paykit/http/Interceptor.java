package io.paykit.http;

/**
 * One step in a {@link Transport}'s chain: authentication, signing, retry or logging. Each step sees the
 * request, may change it, and passes it on with {@link Chain#proceed(ApiRequest)}.
 *
 * <p>Implementations must be thread-safe: one chain serves every call of a client.
 */
public interface Interceptor {
  /**
   * Handles one request.
   *
   * @throws io.paykit.PayKitException when the call fails
   */
  ApiResponse intercept(Chain chain);

  /** The rest of the chain, as seen from one interceptor. */
  interface Chain {
    /** Returns the request as it reached this interceptor. */
    ApiRequest request();

    /**
     * Passes a request to the next step and returns its response.
     *
     * @throws io.paykit.PayKitException when the call fails
     */
    ApiResponse proceed(ApiRequest request);
  }
}
