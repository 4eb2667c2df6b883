package io.paykit.yinqiantong;

/**
 * What a query says about an order's payment.
 *
 * <p>V2 carries the state in the response's {@code code}: 200 {@link #PAID}, 4201 {@link
 * #AWAITING_PAYMENT}, 4400 {@link #FAILED}, 4408 {@link #EXPIRED}, 4404 {@link #NOT_FOUND}. V1 returns
 * the order, and its status maps as: {@code unpaid} → {@link #AWAITING_PAYMENT}, {@code paid} → {@link
 * #PAID}, {@code expired} → {@link #EXPIRED}, and {@code refunding} and {@code refunded} → {@link #PAID},
 * because the payment itself succeeded (a refund came afterwards; the state cannot tell that a refund
 * happened, so a V1 caller that refunds through the console must keep its own record of it).
 */
public enum OrderState {
  /** The payment succeeded. */
  PAID,
  /** The order exists and is not paid yet. */
  AWAITING_PAYMENT,
  /** The payment failed. */
  FAILED,
  /** The order expired unpaid. */
  EXPIRED,
  /** The gateway has no such order. */
  NOT_FOUND,
  /** The gateway returned a V1 status this SDK does not know; the order exists. */
  UNKNOWN;

  /** Maps an order status (V1 query) to a state. */
  static OrderState of(OrderStatus status) {
    // Comparisons rather than a switch, like ofCode: an enum switch costs a synthetic class.
    if (status == OrderStatus.UNPAID) return AWAITING_PAYMENT;
    if (status == OrderStatus.PAID
        || status == OrderStatus.REFUNDING
        || status == OrderStatus.REFUNDED) {
      return PAID;
    }
    if (status == OrderStatus.FAILED) return FAILED;
    if (status == OrderStatus.EXPIRED) return EXPIRED;
    return UNKNOWN;
  }

  /** Maps a query's business code to a state, or null when the code is not a state. */
  static OrderState ofCode(long code) {
    if (code == 200) return PAID;
    if (code == 4201) return AWAITING_PAYMENT;
    if (code == 4400) return FAILED;
    if (code == 4408) return EXPIRED;
    if (code == 4404) return NOT_FOUND;
    return null;
  }
}
