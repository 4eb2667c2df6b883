package io.paykit.juyifu;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A verified payment notification: the form 聚易付 POSTs to {@code notify_url}. Obtain one only from
 * {@link JuyifuClient#verifyNotification}, which checks the signature first.
 *
 * <pre>{@code
 * try {
 *   Notification n = client.verifyNotification(formParams);
 *   if (n.getStatus() == OrderStatus.SUCCESS) fulfil(n.getOrderId(), n.getAmount());
 *   reply(Notification.REPLY_SUCCESS);          // only after the order is handled
 * } catch (SignatureVerificationException e) {
 *   reply(Notification.REPLY_FAILURE);
 * }
 * }</pre>
 *
 * <p>The reply text is FOUND (2014); the field names are PROPOSED (the query's {@code data} fields).
 * Immutable and thread-safe.
 */
public final class Notification {
  /** The plain-text body to answer once the notification is verified and the order handled. */
  public static final String REPLY_SUCCESS = "success";
  /** The plain-text body to answer when it cannot be handled; the gateway will send it again. */
  public static final String REPLY_FAILURE = "fail";

  private final String orderId;
  private final OrderStatus status;
  private final Long amount;
  private final Integer payType;
  private final String extData;
  private final int signType;
  private final Map<String, String> params;

  Notification(Map<String, String> received, int signType) {
    Map<String, String> copy = new LinkedHashMap<>(received);
    copy.remove("sign");
    this.params = Collections.unmodifiableMap(copy);
    this.orderId = copy.get("order_id");
    this.status = OrderStatus.fromCode(copy.get("order_pay_status"));
    this.amount = copy.get("amount") == null ? null : Wire.parseLong(copy.get("amount"));
    Long pt = copy.get("pay_type") == null ? null : Wire.parseLong(copy.get("pay_type"));
    this.payType = pt == null || pt < Integer.MIN_VALUE || pt > Integer.MAX_VALUE ? null : pt.intValue();
    this.extData = copy.get("ext_data");
    this.signType = signType;
  }

  /**
   * Returns {@code order_id}, or null when absent.
   *
   * @return the order id, or null
   */
  public String getOrderId() {
    return orderId;
  }

  /**
   * Returns {@code order_pay_status}; {@link OrderStatus#UNKNOWN} when absent or unknown.
   *
   * @return the payment status, never null
   */
  public OrderStatus getStatus() {
    return status;
  }

  /**
   * Returns {@code amount} in fen, or null when absent or not an integer.
   *
   * @return the amount in fen, or null
   */
  public Long getAmount() {
    return amount;
  }

  /**
   * Returns {@code pay_type}, or null. The platform leaves it out of the signature, so do not base a
   * decision on it.
   *
   * @return the unsigned pay type, or null
   */
  public Integer getPayType() {
    return payType;
  }

  /**
   * Returns {@code ext_data} as received, or null.
   *
   * @return the merchant's extra data, or null
   */
  public String getExtData() {
    return extData;
  }

  /**
   * Returns the {@code sign_type} the notification was verified with: 1 (MD5) or 2 (RSA).
   *
   * @return 1 or 2
   */
  public int getSignType() {
    return signType;
  }

  /**
   * Returns every received field except {@code sign}, in the order received.
   *
   * @return the received fields without {@code sign}
   */
  public Map<String, String> getParams() {
    return params;
  }

  @Override
  public String toString() {
    return "Notification{orderId=" + orderId + ", status=" + status + ", amount=" + amount
        + ", payType=" + payType + ", signType=" + signType + "}";
  }
}
