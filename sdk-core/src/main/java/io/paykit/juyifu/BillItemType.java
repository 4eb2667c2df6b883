package io.paykit.juyifu;

import java.util.Locale;

/**
 * What a bill line records. Experimental: the gateway documents only the heading (账单查询).
 *
 * <p>Immutable and thread-safe. Anything else reads as {@link #UNKNOWN}.
 */
public enum BillItemType {
  /** A value this SDK does not know. */
  UNKNOWN,
  /** {@code "payment"}: money in. */
  PAYMENT,
  /** {@code "refund"}: money out. */
  REFUND;

  static BillItemType fromWire(String value) {
    if (value == null) return UNKNOWN;
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("payment")) return PAYMENT;
    if (v.equals("refund")) return REFUND;
    return UNKNOWN;
  }
}
