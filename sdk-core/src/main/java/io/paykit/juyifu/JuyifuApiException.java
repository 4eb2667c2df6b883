package io.paykit.juyifu;

import io.paykit.ApiException;

/**
 * 聚易付 answered with an error: a business code other than success in the envelope ({@code 1000}–{@code
 * 3000}, see {@link JuyifuErrorCode}), or an HTTP error status other than 401 and 429 (those are
 * {@link io.paykit.AuthenticationException} and {@link io.paykit.RateLimitException}).
 *
 * <p>{@link #getCode()} is the code as sent, {@link #getErrorCode()} its meaning. Immutable; the
 * message never holds credentials or signatures.
 */
public final class JuyifuApiException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** The meaning of the gateway's code. */
  private final JuyifuErrorCode errorCode;

  JuyifuApiException(
      int httpStatus,
      String code,
      JuyifuErrorCode errorCode,
      String gatewayMessage,
      String requestId,
      boolean retrySafe) {
    super(
        httpStatus,
        code,
        code == null ? null : errorCode.name(),
        gatewayMessage,
        null,
        requestId,
        retrySafe);
    this.errorCode = errorCode;
  }

  /**
   * Returns the meaning of the gateway's code; {@link JuyifuErrorCode#UNKNOWN} when it sent none.
   *
   * @return the error code constant, never null
   */
  public JuyifuErrorCode getErrorCode() {
    return errorCode;
  }
}
