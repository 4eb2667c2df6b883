package io.paykit.juyifu;

/**
 * The state of a 聚易付 order: {@code status} in the REST draft, {@code order_pay_status} in the 2014
 * protocol (FOUND, Android SDK {@code OrderStatus}).
 *
 * <p>Immutable and thread-safe. A value the gateway adds later reads as {@link #UNKNOWN}.
 */
public enum OrderStatus {
  /** {@code 0}: unknown, or a value this SDK does not know. */
  UNKNOWN(0),
  /** {@code 1}: not paid. */
  UNPAID(1),
  /** {@code 2}: payment in progress. */
  PAYING(2),
  /** {@code 3}: paid. */
  SUCCESS(3),
  /** {@code 4}: payment failed. */
  FAILURE(4),
  /** {@code 5}: cancelled. */
  CANCELLED(5),
  /** {@code 6}: a duplicate order. */
  DUPLICATE(6);

  private final int code;

  OrderStatus(int code) {
    this.code = code;
  }

  /**
   * Returns the numeric value the gateway sends.
   *
   * @return the numeric value
   */
  public int code() {
    return code;
  }

  /**
   * Returns the status for a value as sent ({@code 3} or {@code "3"}); {@link #UNKNOWN} for null,
   * unreadable or unknown values. Never throws.
   *
   * @param code the value as sent, or null
   * @return the matching status, never null
   */
  public static OrderStatus fromCode(String code) {
    if (code == null) return UNKNOWN;
    Long n = Wire.parseLong(code);
    if (n == null) return UNKNOWN;
    for (OrderStatus s : values()) {
      if (s.code == n) return s;
    }
    return UNKNOWN;
  }
}
