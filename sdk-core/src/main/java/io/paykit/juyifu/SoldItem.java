package io.paykit.juyifu;

import java.time.Instant;
import java.util.Map;

/**
 * One sold item ({@code {order_id, product_id, product_name, amount, paid_at}}). Experimental: the
 * gateway documents only the heading (已售商品); the fields are PayKit's proposal.
 *
 * <p>Immutable and thread-safe.
 */
public final class SoldItem {
  private final String orderId;
  private final String productId;
  private final String productName;
  private final Long amount;
  private final Instant paidAt;

  private SoldItem(Map<String, Object> m, String path) throws Wire.WireException {
    this.orderId = Wire.string(m, "order_id");
    this.productId = Wire.string(m, "product_id");
    this.productName = Wire.string(m, "product_name");
    this.amount = Wire.longValue(m, "amount", path);
    this.paidAt = Wire.shanghai(m, "paid_at");
  }

  static SoldItem from(Map<String, Object> m, String path) throws Wire.WireException {
    return new SoldItem(m, path);
  }

  /**
   * Returns the order id, or null.
   *
   * @return the order id, or null
   */
  public String getOrderId() {
    return orderId;
  }

  /**
   * Returns the product id, or null.
   *
   * @return the product id, or null
   */
  public String getProductId() {
    return productId;
  }

  /**
   * Returns the product name, or null.
   *
   * @return the product name, or null
   */
  public String getProductName() {
    return productName;
  }

  /**
   * Returns the amount paid in fen, or null.
   *
   * @return the amount paid in fen, or null
   */
  public Long getAmount() {
    return amount;
  }

  /**
   * Returns when it was paid (read at Asia/Shanghai), or null.
   *
   * @return the payment time, or null
   */
  public Instant getPaidAt() {
    return paidAt;
  }

  @Override
  public String toString() {
    return "SoldItem{orderId=" + orderId + ", productId=" + productId + ", productName="
        + productName + ", amount=" + amount + ", paidAt=" + paidAt + "}";
  }
}
