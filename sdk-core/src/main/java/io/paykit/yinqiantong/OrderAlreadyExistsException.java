package io.paykit.yinqiantong;

import io.paykit.ApiException;

/**
 * The gateway already holds an order with this {@code client_out_trade_no}, and {@link
 * YinqiantongClient#createOrder} did not create a second one.
 *
 * <p>Either the gateway answered 4409 ({@link #getOrderState()} is then {@link OrderState#UNKNOWN}),
 * or an attempt of this very call failed ambiguously (connection dropped, 5xx, 4500, unreadable
 * response) and a query then found the order ({@link #getOrderState()} is what the query said). Either
 * way exactly one order exists, but its {@code pay_body} is lost: the gateway returns it only in the
 * create response, and a query cannot give it back.
 *
 * <p>Not retry-safe: creating again with the same {@code client_out_trade_no} can only end here again.
 * What to do: if the state is {@link OrderState#PAID}, the order is paid, fulfil it. Otherwise nobody
 * received that order's {@code pay_body}, so nobody can pay it and it expires by itself (the gateway
 * has no close operation); to let the payer pay, create a new order with a new {@code
 * client_out_trade_no}, and use {@link YinqiantongClient#queryOrder} to follow the old one if needed.
 *
 * <p>{@link #getCode()} is always {@code "4409"}, the gateway's code for this condition, whether the
 * gateway sent it or the client inferred it from a query. Immutable.
 */
public final class OrderAlreadyExistsException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** The merchant order number that already exists. */
  private final String clientOutTradeNo;
  /** What a query said about the existing order. */
  private final OrderState orderState;

  OrderAlreadyExistsException(
      int httpStatus, String clientOutTradeNo, OrderState orderState, String how, String requestId) {
    super(
        httpStatus,
        "4409",
        "order_already_exists",
        "order " + clientOutTradeNo + " already exists (" + how + "; state " + orderState
            + "); its pay_body cannot be fetched again, create a new order with a new"
            + " clientOutTradeNo to let the payer pay",
        null,
        requestId,
        false);
    this.clientOutTradeNo = clientOutTradeNo;
    this.orderState = orderState;
  }

  /**
   * Returns the merchant order number that already exists.
   *
   * @return the merchant order number
   */
  public String getClientOutTradeNo() {
    return clientOutTradeNo;
  }

  /**
   * Returns what a query said about the existing order, or {@link OrderState#UNKNOWN} when the gateway
   * answered 4409 and no query was made; never {@link OrderState#NOT_FOUND}.
   *
   * @return the existing order's state
   */
  public OrderState getOrderState() {
    return orderState;
  }
}
