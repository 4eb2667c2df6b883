package io.paykit.yinqiantong;

import java.util.Locale;

/**
 * The status of an order as a create response (V1) or a notification carries it. V2 writes it as a
 * code ({@code 0} unpaid, {@code 1} paid, {@code 2} failed, {@code 3} expired), V1 as a string
 * ({@code unpaid}, {@code paid}, {@code expired}, {@code refunding}, {@code refunded}); both are read.
 */
public enum OrderStatus {
  /** Not paid yet: V2 {@code 0}, V1 {@code unpaid}. */
  UNPAID,
  /** Paid: V2 {@code 1}, V1 {@code paid}. */
  PAID,
  /** Payment failed: V2 {@code 2}. */
  FAILED,
  /** Expired unpaid: V2 {@code 3}, V1 {@code expired}. */
  EXPIRED,
  /** Paid, and a refund is in progress: V1 {@code refunding}. */
  REFUNDING,
  /** Paid, then refunded: V1 {@code refunded}. */
  REFUNDED,
  /** A value this SDK does not know; treat the order as not paid until a query says otherwise. */
  UNKNOWN;

  /** Reads a V2 code (number or numeric string) or a V1 string; anything else is {@link #UNKNOWN}. */
  static OrderStatus parse(String wire) {
    if (wire == null) return UNKNOWN;
    Long n = Wire.integer(wire);
    if (n != null) {
      if (n == 0) return UNPAID;
      if (n == 1) return PAID;
      if (n == 2) return FAILED;
      if (n == 3) return EXPIRED;
      return UNKNOWN;
    }
    switch (wire.trim().toLowerCase(Locale.ROOT)) {
      case "unpaid":
        return UNPAID;
      case "paid":
        return PAID;
      case "failed":
        return FAILED;
      case "expired":
        return EXPIRED;
      case "refunding":
        return REFUNDING;
      case "refunded":
        return REFUNDED;
      default:
        return UNKNOWN;
    }
  }
}
