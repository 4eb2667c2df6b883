package io.paykit.yinqiantong;

/**
 * The gateway's business codes (the final unified table). The HTTP status stays 200 and the outcome is
 * in the body's {@code code}.
 */
public enum BusinessCode {
  /** 200: success (for a query: paid). */
  OK(200),
  /** 4201: the order awaits payment (query). */
  AWAITING_PAYMENT(4201),
  /** 4400: the payment failed (query). */
  PAYMENT_FAILED(4400),
  /** 4403: the signature was wrong; check the app secret and the clock. */
  SIGNATURE_ERROR(4403),
  /** 4404: not found. */
  NOT_FOUND(4404),
  /** 4408: the order expired (query). */
  ORDER_EXPIRED(4408),
  /** 4409: an order with this {@code client_out_trade_no} already exists. */
  ORDER_EXISTS(4409),
  /** 4414: the request's parameters were rejected. */
  INVALID_REQUEST(4414),
  /** 4500: the gateway failed; for a create, whether the order was made is unknown. */
  SERVER_ERROR(4500),
  /** A code this SDK does not know. */
  UNKNOWN(0);

  private final int value;

  BusinessCode(int value) {
    this.value = value;
  }

  /**
   * Returns the numeric code, or 0 for {@link #UNKNOWN}.
   *
   * @return the numeric code
   */
  public int getValue() {
    return value;
  }

  static BusinessCode of(long code) {
    for (BusinessCode c : values()) {
      if (c != UNKNOWN && c.value == code) return c;
    }
    return UNKNOWN;
  }
}
