package io.paykit.juyifu;

import java.time.Instant;
import java.util.Map;

/**
 * A refund of a 聚易付 order ({@code {id, order_id, amount, status, created_at}}). Experimental: the
 * gateway documents only the heading (退款); the fields are PayKit's proposal.
 *
 * <p>Immutable and thread-safe.
 */
public final class Refund {
  private final String id;
  private final String orderId;
  private final Long amount;
  private final RefundStatus status;
  private final Instant createdAt;

  private Refund(Map<String, Object> m, String path) throws Wire.WireException {
    this.id = Wire.string(m, "id");
    this.orderId = Wire.string(m, "order_id");
    this.amount = Wire.longValue(m, "amount", path);
    this.status = RefundStatus.fromWire(Wire.string(m, "status"));
    this.createdAt = Wire.shanghai(m, "created_at");
  }

  static Refund from(Map<String, Object> m, String path) throws Wire.WireException {
    return new Refund(m, path);
  }

  /**
   * Returns the refund id as text, or null.
   *
   * @return the refund id, or null
   */
  public String getId() {
    return id;
  }

  /**
   * Returns the id of the refunded order, or null.
   *
   * @return the order id, or null
   */
  public String getOrderId() {
    return orderId;
  }

  /**
   * Returns the refunded amount in fen, or null.
   *
   * @return the refunded amount in fen, or null
   */
  public Long getAmount() {
    return amount;
  }

  /**
   * Returns the status; {@link RefundStatus#UNKNOWN} when absent or unknown.
   *
   * @return the refund status, never null
   */
  public RefundStatus getStatus() {
    return status;
  }

  /**
   * Returns when the refund was created (read at Asia/Shanghai), or null.
   *
   * @return the creation time, or null
   */
  public Instant getCreatedAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "Refund{id=" + id + ", orderId=" + orderId + ", amount=" + amount + ", status=" + status
        + ", createdAt=" + createdAt + "}";
  }
}
