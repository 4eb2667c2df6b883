package io.paykit.qbitpay;

/**
 * The type of a Qbit Pay webhook {@link Event}. Types this version does not know read as {@link
 * #UNKNOWN}; {@link Event#getType()} always keeps the text as sent.
 */
public enum EventType {
  /** {@code charge.succeeded}: the charge was paid. */
  CHARGE_SUCCEEDED("charge.succeeded"),
  /** {@code charge.expired}: the charge expired unpaid. */
  CHARGE_EXPIRED("charge.expired"),
  /** {@code charge.failed}: the charge failed. */
  CHARGE_FAILED("charge.failed"),
  /** {@code charge.dispute.created}: the payer or seller opened a dispute. */
  CHARGE_DISPUTE_CREATED("charge.dispute.created"),
  /** {@code charge.dispute.closed}: a dispute was closed. */
  CHARGE_DISPUTE_CLOSED("charge.dispute.closed"),
  /** {@code payout.pending}: a payout was created. */
  PAYOUT_PENDING("payout.pending"),
  /**
   * {@code payout.inTransition} as documented; {@code payout.inTransit}, the spelling of the payout
   * status, is accepted too.
   */
  PAYOUT_IN_TRANSIT("payout.inTransition"),
  /** {@code payout.paid}: a payout arrived. */
  PAYOUT_PAID("payout.paid"),
  /** {@code payout.failed}: a payout failed. */
  PAYOUT_FAILED("payout.failed"),
  /** {@code payout.cancelled}: a payout was cancelled. */
  PAYOUT_CANCELLED("payout.cancelled"),
  /** A type this version of PayKit does not know, or none. */
  UNKNOWN(null);

  private final String value;

  EventType(String value) {
    this.value = value;
  }

  /**
   * Returns the documented wire value, such as {@code charge.succeeded}; null for {@link #UNKNOWN}.
   *
   * @return the wire value, or null
   */
  public String getValue() {
    return value;
  }

  /**
   * Returns the type for a wire value; {@link #UNKNOWN} for null or a value not listed here.
   *
   * @param value the wire value, or null
   * @return the matching type, never null
   */
  public static EventType fromValue(String value) {
    if (value == null) return UNKNOWN;
    if (value.equals("payout.inTransit")) return PAYOUT_IN_TRANSIT;
    for (EventType t : values()) {
      if (value.equals(t.value)) return t;
    }
    return UNKNOWN;
  }
}
