package io.paykit.juyifu;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a settlement bill ({@code {order_id, type, amount, fee, occurred_at}}). Experimental:
 * the gateway documents only the heading (账单查询); the fields are PayKit's proposal.
 *
 * <p>Immutable and thread-safe.
 */
public final class BillItem {
  private final String orderId;
  private final BillItemType type;
  private final Long amount;
  private final Long fee;
  private final Instant occurredAt;

  private BillItem(Map<String, Object> m, String path) throws Wire.WireException {
    this.orderId = Wire.string(m, "order_id");
    this.type = BillItemType.fromWire(Wire.string(m, "type"));
    this.amount = Wire.longValue(m, "amount", path);
    this.fee = Wire.longValue(m, "fee", path);
    this.occurredAt = Wire.shanghai(m, "occurred_at");
  }

  static BillItem from(Map<String, Object> m, String path) throws Wire.WireException {
    return new BillItem(m, path);
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
   * Returns whether this is a payment or a refund; {@link BillItemType#UNKNOWN} otherwise.
   *
   * @return the line's type, never null
   */
  public BillItemType getType() {
    return type;
  }

  /**
   * Returns the amount in fen, or null.
   *
   * @return the amount in fen, or null
   */
  public Long getAmount() {
    return amount;
  }

  /**
   * Returns the fee in fen, or null.
   *
   * @return the fee in fen, or null
   */
  public Long getFee() {
    return fee;
  }

  /**
   * Returns when it happened (read at Asia/Shanghai), or null.
   *
   * @return the time of the payment or refund, or null
   */
  public Instant getOccurredAt() {
    return occurredAt;
  }

  @Override
  public String toString() {
    return "BillItem{orderId=" + orderId + ", type=" + type + ", amount=" + amount + ", fee=" + fee
        + ", occurredAt=" + occurredAt + "}";
  }
}
