package io.paykit.juyifu;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The settlement bill of one day. Experimental: the gateway documents only the heading (清算 /
 * 账单查询); the fields are PayKit's proposal. Amounts are in fen.
 *
 * <p>Immutable and thread-safe.
 */
public final class Bill {
  private final LocalDate date;
  private final String currency;
  private final Long orderCount;
  private final Long totalAmount;
  private final Long refundAmount;
  private final Long fee;
  private final Long netAmount;
  private final List<BillItem> items;

  private Bill(Map<String, Object> m, String path) throws Wire.WireException {
    this.date = Wire.date(m, "date");
    this.currency = Wire.string(m, "currency");
    this.orderCount = Wire.longValue(m, "order_count", path);
    this.totalAmount = Wire.longValue(m, "total_amount", path);
    this.refundAmount = Wire.longValue(m, "refund_amount", path);
    this.fee = Wire.longValue(m, "fee", path);
    this.netAmount = Wire.longValue(m, "net_amount", path);
    List<BillItem> list = new ArrayList<>();
    Object raw = m.get("items");
    if (raw != null && !(raw instanceof List)) {
      throw new Wire.WireException("expected an array at " + path + ".items");
    }
    if (raw != null) {
      List<?> rawItems = (List<?>) raw;
      for (int i = 0; i < rawItems.size(); i++) {
        String itemPath = path + ".items[" + i + "]";
        if (!(rawItems.get(i) instanceof Map)) {
          throw new Wire.WireException("expected an object at " + itemPath);
        }
        list.add(BillItem.from(Wire.object(rawItems.get(i)), itemPath));
      }
    }
    this.items = Collections.unmodifiableList(list);
  }

  static Bill from(Map<String, Object> m, String path) throws Wire.WireException {
    return new Bill(m, path);
  }

  /**
   * Returns the day the bill covers, or null when absent or unreadable.
   *
   * @return the bill's day, or null
   */
  public LocalDate getDate() {
    return date;
  }

  /**
   * Returns the currency as text, such as {@code "CNY"}, or null.
   *
   * @return the currency, or null
   */
  public String getCurrency() {
    return currency;
  }

  /**
   * Returns the number of orders, or null.
   *
   * @return the number of orders, or null
   */
  public Long getOrderCount() {
    return orderCount;
  }

  /**
   * Returns the total paid amount in fen, or null.
   *
   * @return the total paid amount in fen, or null
   */
  public Long getTotalAmount() {
    return totalAmount;
  }

  /**
   * Returns the total refunded amount in fen, or null.
   *
   * @return the total refunded amount in fen, or null
   */
  public Long getRefundAmount() {
    return refundAmount;
  }

  /**
   * Returns the total fee in fen, or null.
   *
   * @return the total fee in fen, or null
   */
  public Long getFee() {
    return fee;
  }

  /**
   * Returns the net amount settled in fen, or null.
   *
   * @return the net settled amount in fen, or null
   */
  public Long getNetAmount() {
    return netAmount;
  }

  /**
   * Returns the bill lines in the gateway's order; never null.
   *
   * @return the bill lines
   */
  public List<BillItem> getItems() {
    return items;
  }

  @Override
  public String toString() {
    return "Bill{date=" + date + ", currency=" + currency + ", orderCount=" + orderCount
        + ", totalAmount=" + totalAmount + ", refundAmount=" + refundAmount + ", fee=" + fee
        + ", netAmount=" + netAmount + ", items=" + items.size() + "}";
  }
}
