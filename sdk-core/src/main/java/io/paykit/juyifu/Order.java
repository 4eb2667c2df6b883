package io.paykit.juyifu;

import java.time.Instant;
import java.util.Map;

/**
 * A 聚易付 order, as {@code createOrder}, {@code queryOrders} and {@code queryOrder} return it.
 *
 * <p>The draft's response (seed 001) is read with its flaws repaired: {@code id} may be a string or a
 * number and is exposed as text; {@code status} or the 2014 {@code order_pay_status}; {@code
 * product{id,name}} or {@code product_id}/{@code product_name}; {@code payment{…}} or the 2014 flat
 * {@code amount}/{@code pay_type}/{@code currency}; {@code currency} is text such as {@code "CNY"};
 * dates are {@code yyyy-M-d HH:mm:ss} at Asia/Shanghai, exposed as {@link Instant}s.
 *
 * <p>Immutable and thread-safe. Nested parts are never null (their fields are null when absent).
 */
public final class Order {
  private final String id;
  private final OrderStatus status;
  private final Integer type;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final Instant expireAt;
  private final App app;
  private final Payment payment;
  private final Product product;
  private final String clientIp;
  private final String extData;
  private final Map<String, String> fields;

  private Order(Map<String, Object> m, String path) throws Wire.WireException {
    this.id = Wire.string(m, "id", "order_id");
    this.status = OrderStatus.fromCode(Wire.string(m, "status", "order_pay_status"));
    this.type = Wire.intValue(m, "type", path);
    this.createdAt = Wire.shanghai(m, "created_at");
    this.updatedAt = Wire.shanghai(m, "updated_at");
    this.expireAt = Wire.shanghai(m, "expire_at");
    this.app = new App(Wire.object(m.get("app")), path + ".app");
    this.payment =
        Wire.isObject(m, "payment")
            ? new Payment(Wire.object(m.get("payment")), path + ".payment", false)
            : new Payment(m, path, true);
    Map<String, Object> p = Wire.isObject(m, "product") ? Wire.object(m.get("product")) : null;
    this.product =
        p != null
            ? new Product(Wire.string(p, "id", "product_id"), Wire.string(p, "name", "product_name"))
            : new Product(Wire.string(m, "product_id"), Wire.string(m, "product_name"));
    this.clientIp =
        Wire.isObject(m, "client")
            ? Wire.string(Wire.object(m.get("client")), "ip")
            : Wire.string(m, "client_ip");
    this.extData = Wire.raw(m.get("ext_data"));
    this.fields = Wire.fields(m);
  }

  static Order from(Map<String, Object> m, String path) throws Wire.WireException {
    return new Order(m, path);
  }

  /**
   * Returns the order id as text (the gateway may send a number), or null when it sent none.
   *
   * @return the order id, or null
   */
  public String getId() {
    return id;
  }

  /**
   * Returns the status; {@link OrderStatus#UNKNOWN} when absent or unknown.
   *
   * @return the order status, never null
   */
  public OrderStatus getStatus() {
    return status;
  }

  /**
   * Returns the order type ({@code type}), or null.
   *
   * @return the order type, or null
   */
  public Integer getType() {
    return type;
  }

  /**
   * Returns when the order was created, or null when absent or unreadable.
   *
   * @return the creation time, or null
   */
  public Instant getCreatedAt() {
    return createdAt;
  }

  /**
   * Returns when the order last changed, or null when absent or unreadable.
   *
   * @return the last update time, or null
   */
  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /**
   * Returns when the order expires, or null when absent or unreadable.
   *
   * @return the expiry time, or null
   */
  public Instant getExpireAt() {
    return expireAt;
  }

  /**
   * Returns the app the order belongs to; never null.
   *
   * @return the order's app
   */
  public App getApp() {
    return app;
  }

  /**
   * Returns the payment details; never null.
   *
   * @return the payment details
   */
  public Payment getPayment() {
    return payment;
  }

  /**
   * Returns the product; never null.
   *
   * @return the product
   */
  public Product getProduct() {
    return product;
  }

  /**
   * Returns the payer's IP address ({@code client.ip}), or null.
   *
   * @return the payer's IP address, or null
   */
  public String getClientIp() {
    return clientIp;
  }

  /**
   * Returns {@code ext_data} as text: a string as sent; an object or array as compact JSON in the order
   * received, with numbers exactly as written ({@code 1} stays {@code 1}); null when absent.
   *
   * @return {@code ext_data} as text, or null
   */
  public String getExtData() {
    return extData;
  }

  /**
   * Returns every top-level field as received, in order, except {@code sign}: strings as sent,
   * numbers as written, objects as compact JSON. The 2014 query documents few of its fields; this
   * keeps the rest.
   *
   * @return the top-level fields as text, without {@code sign}
   */
  public Map<String, String> getFields() {
    return fields;
  }

  @Override
  public String toString() {
    return "Order{id=" + id + ", status=" + status + ", type=" + type + ", createdAt=" + createdAt
        + ", payment=" + payment + ", product=" + product + "}";
  }

  /** The app an order belongs to ({@code app{id, merchant_id}}). Immutable and thread-safe. */
  public static final class App {
    private final Long id;
    private final Long merchantId;

    App(Map<String, Object> m, String path) throws Wire.WireException {
      this.id = Wire.longValue(m, "id", path);
      this.merchantId = Wire.longValue(m, "merchant_id", path);
    }

    /**
     * Returns the app id, or null.
     *
     * @return the app id, or null
     */
    public Long getId() {
      return id;
    }

    /**
     * Returns the merchant id, or null.
     *
     * @return the merchant id, or null
     */
    public Long getMerchantId() {
      return merchantId;
    }

    @Override
    public String toString() {
      return "App{id=" + id + ", merchantId=" + merchantId + "}";
    }
  }

  /**
   * How an order is paid ({@code payment{type, platform, amount, currency}}). Immutable and
   * thread-safe.
   */
  public static final class Payment {
    private final Integer type;
    private final Integer platform;
    private final Long amount;
    private final String currency;

    Payment(Map<String, Object> m, String path, boolean flat) throws Wire.WireException {
      this.type = Wire.intValue(m, flat ? "pay_type" : "type", path);
      this.platform = Wire.intValue(m, "platform", path);
      this.amount = Wire.longValue(m, "amount", path);
      this.currency = Wire.string(m, "currency");
    }

    /**
     * Returns the payment type, or null.
     *
     * @return the payment type, or null
     */
    public Integer getType() {
      return type;
    }

    /**
     * Returns the payment platform, or null.
     *
     * @return the payment platform, or null
     */
    public Integer getPlatform() {
      return platform;
    }

    /**
     * Returns the amount in fen, or null when the gateway sent none.
     *
     * @return the amount in fen, or null
     */
    public Long getAmount() {
      return amount;
    }

    /**
     * Returns the currency as text, such as {@code "CNY"}, or null.
     *
     * @return the currency, or null
     */
    public String getCurrency() {
      return currency;
    }

    @Override
    public String toString() {
      return "Payment{type=" + type + ", platform=" + platform + ", amount=" + amount
          + ", currency=" + currency + "}";
    }
  }

  /** The product of an order ({@code product{id, name}}). Immutable and thread-safe. */
  public static final class Product {
    private final String id;
    private final String name;

    Product(String id, String name) {
      this.id = id;
      this.name = name;
    }

    /**
     * Returns the product id as text, or null.
     *
     * @return the product id, or null
     */
    public String getId() {
      return id;
    }

    /**
     * Returns the product name, or null.
     *
     * @return the product name, or null
     */
    public String getName() {
      return name;
    }

    @Override
    public String toString() {
      return "Product{id=" + id + ", name=" + name + "}";
    }
  }
}
