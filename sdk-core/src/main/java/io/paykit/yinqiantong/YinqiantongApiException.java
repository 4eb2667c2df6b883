package io.paykit.yinqiantong;

import io.paykit.ApiException;
import java.util.Locale;

/**
 * The gateway answered HTTP 200 with a business error {@code code} (4403 bad signature, 4414 bad
 * parameters, 4404 not found, 4500 server error, or a code this SDK does not know).
 *
 * <p>{@link #getBusinessCode()} names the code; {@link #getCode()} holds it as text. {@link
 * #isRetrySafe()} is true for refusals (4403, 4404, 4414) and for every query error; a create's 4500 or
 * unknown code is not retry-safe as such: {@link YinqiantongClient#createOrder} reconciles a 4500
 * through a query before it sends again. Immutable; carries no credential.
 */
public final class YinqiantongApiException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** The business code the gateway answered with. */
  private final BusinessCode businessCode;

  YinqiantongApiException(
      int httpStatus,
      long code,
      String gatewayMessage,
      String requestId,
      boolean retrySafe) {
    super(
        httpStatus,
        Long.toString(code),
        BusinessCode.of(code).name().toLowerCase(Locale.ROOT),
        gatewayMessage,
        null,
        requestId,
        retrySafe);
    this.businessCode = BusinessCode.of(code);
  }

  /**
   * Returns the business code, {@link BusinessCode#UNKNOWN} when this SDK does not know it.
   *
   * @return the business code, never null
   */
  public BusinessCode getBusinessCode() {
    return businessCode;
  }
}
