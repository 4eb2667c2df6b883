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
   * @param chain the rest of the chain, holding the request
   * @return the response
   * @throws io.paykit.PayKitException when the call fails
   */
  ApiResponse intercept(Chain chain);

  /** The rest of the chain, as seen from one interceptor. */
  interface Chain {
    /**
     * Returns the request as it reached this interceptor.
     *
     * @return the request
     */
    ApiRequest request();

    /**
     * Passes a request to the next step and returns its response.
     *
     * @param request the request to pass on, possibly changed
     * @return the response of the next step
     * @throws io.paykit.PayKitException when the call fails
     */
    ApiResponse proceed(ApiRequest request);
  }
}
