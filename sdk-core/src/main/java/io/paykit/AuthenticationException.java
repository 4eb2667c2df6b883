package io.paykit;

/**
 * The gateway refused the credentials (HTTP 401 or the gateway's own authentication error). Nothing was
 * acted on, so a retry cannot duplicate anything; it will fail again until the credentials are fixed.
 */
public final class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param httpStatus the HTTP status of the response
   * @param code the gateway's error code, or null
   * @param type the gateway's error type, or null
   * @param gatewayMessage the gateway's message, or null
   * @param requestId the request id, or null
   */
  public AuthenticationException(
      int httpStatus, String code, String type, String gatewayMessage, String requestId) {
    super(httpStatus, code, type, gatewayMessage, null, requestId, true);
  }
}
