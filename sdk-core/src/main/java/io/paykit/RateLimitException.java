package io.paykit;

import java.time.Duration;

/**
 * The gateway refused the request because of a rate or concurrency limit (HTTP 429, or the gateway's
 * {@code rate_limit_error}). The gateway did not act on it, so the same request may be sent again after
 * {@link #getRetryAfter()}.
 */
public final class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** How long the gateway asked to wait, or null when it did not say. */
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param httpStatus the HTTP status of the response
   * @param code the gateway's error code, or null
   * @param type the gateway's error type, or null
   * @param gatewayMessage the gateway's message, or null
   * @param requestId the request id, or null
   * @param retryAfter how long the gateway asked to wait, or null when it did not say
   */
  public RateLimitException(
      int httpStatus,
      String code,
      String type,
      String gatewayMessage,
      String requestId,
      Duration retryAfter) {
    super(httpStatus, code, type, gatewayMessage, null, requestId, true);
    this.retryAfter = retryAfter;
  }

  /**
   * Returns how long the gateway asked to wait before retrying, or null when it did not say.
   *
   * @return the requested wait, or null
   */
  public Duration getRetryAfter() {
    return retryAfter;
  }
}
