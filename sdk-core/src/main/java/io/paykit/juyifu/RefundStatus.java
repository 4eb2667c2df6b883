package io.paykit.juyifu;

import java.util.Locale;

/**
 * The state of a refund. Experimental: the gateway documents only the heading (退款); the values are
 * PayKit's proposal, read from a number ({@code 1}–{@code 3}) or a name ({@code "processing"}, …).
 *
 * <p>Immutable and thread-safe. Anything else reads as {@link #UNKNOWN}.
 */
public enum RefundStatus {
  /** {@code 0}, or a value this SDK does not know. */
  UNKNOWN(0, "unknown"),
  /** {@code 1} / {@code "processing"}: accepted, not yet settled. */
  PROCESSING(1, "processing"),
  /** {@code 2} / {@code "success"}: refunded. */
  SUCCESS(2, "success"),
  /** {@code 3} / {@code "failure"}: the refund failed. */
  FAILURE(3, "failure");

  private final int code;
  private final String wireName;

  RefundStatus(int code, String wireName) {
    this.code = code;
    this.wireName = wireName;
  }

  /**
   * Returns the numeric value.
   *
   * @return the numeric value
   */
  public int code() {
    return code;
  }

  /**
   * Returns the status for a number or name as sent; {@link #UNKNOWN} for null or unknown values.
   * Never throws.
   *
   * @param value the number or name as sent, or null
   * @return the matching status, never null
   */
  public static RefundStatus fromWire(String value) {
    if (value == null) return UNKNOWN;
    String v = value.trim().toLowerCase(Locale.ROOT);
    Long n = Wire.parseLong(v);
    for (RefundStatus s : values()) {
      if (n != null ? s.code == n : s.wireName.equals(v)) return s;
    }
    return UNKNOWN;
  }
}
