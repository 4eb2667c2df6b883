package io.paykit.yinqiantong;

import io.paykit.json.PayKitJson;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A payment notification whose app id, timestamp and signature have been verified by {@link
 * YinqiantongClient#verifyNotification(String)} (V2) or {@link
 * YinqiantongClient#verifyNotification(Map, String)} (V1).
 *
 * <p>The gateway retries a notification until it is acknowledged (V2: every minute, more than three
 * times), so handle it idempotently, keyed on {@link #getOutTradeNo()}, and check {@link #getMoney()}
 * against your order before fulfilling. Immutable and thread-safe.
 */
public final class Notification {
  private final YinqiantongProtocol protocol;
  private final String appId;
  private final Instant timestamp;
  private final String outTradeNo;
  private final String clientOutTradeNo;
  private final Channel channel;
  private final Platform platform;
  private final OrderStatus status;
  private final long money;
  private final String clientIp;
  private final String openId;
  private final String subject;
  private final String description;
  private final String extra;
  private final Instant payTime;
  private final Map<String, String> fields;

  Notification(
      YinqiantongProtocol protocol,
      String appId,
      Instant timestamp,
      long money,
      Map<String, String> fields) {
    this.protocol = protocol;
    this.appId = appId;
    this.timestamp = timestamp;
    this.money = money;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    this.outTradeNo = text("out_trade_no");
    String client = text("client_out_trade_no");
    // The V2 doc table spells it cient_out_trade_no; accept that spelling should the gateway send it.
    this.clientOutTradeNo = client != null ? client : text("cient_out_trade_no");
    this.channel = Channel.parse(fields.get("channel"));
    this.platform = Platform.parse(fields.get("platform"));
    this.status = OrderStatus.parse(fields.get("status"));
    this.clientIp = text("client_ip");
    this.openId = text("open_id");
    this.subject = text("subject");
    this.description = text("description");
    this.extra = text("extra");
    Long pay = Wire.integer(fields.get("pay_time"));
    this.payTime = pay == null || pay <= 0 ? null : PayKitJson.fromEpoch(pay);
  }

  private String text(String name) {
    String v = fields.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /**
   * Returns the protocol generation the notification was verified with.
   *
   * @return the protocol generation
   */
  public YinqiantongProtocol getProtocol() {
    return protocol;
  }

  /**
   * Returns the app id, equal to the client's.
   *
   * @return the app id
   */
  public String getAppId() {
    return appId;
  }

  /**
   * Returns the notification's signed timestamp ({@code ts}).
   *
   * @return the signed timestamp
   */
  public Instant getTimestamp() {
    return timestamp;
  }

  /**
   * Returns the gateway's order number.
   *
   * @return the gateway's order number
   */
  public String getOutTradeNo() {
    return outTradeNo;
  }

  /**
   * Returns the merchant's order number, or null if the gateway did not send it.
   *
   * @return the merchant's order number, or null
   */
  public String getClientOutTradeNo() {
    return clientOutTradeNo;
  }

  /**
   * Returns the payment channel, {@link Channel#UNKNOWN} when absent or not understood.
   *
   * @return the payment channel, never null
   */
  public Channel getChannel() {
    return channel;
  }

  /**
   * Returns the payment platform, {@link Platform#UNKNOWN} when absent or not understood.
   *
   * @return the payment platform, never null
   */
  public Platform getPlatform() {
    return platform;
  }

  /**
   * Returns the order's status; fulfil only on {@link OrderStatus#PAID}. {@link OrderStatus#UNKNOWN}
   * when the value is not understood.
   *
   * @return the order's status, never null
   */
  public OrderStatus getStatus() {
    return status;
  }

  /**
   * Returns the amount in fen.
   *
   * @return the amount in fen
   */
  public long getMoney() {
    return money;
  }

  /**
   * Returns the payer's IPv4 address, or null.
   *
   * @return the payer's IPv4 address, or null
   */
  public String getClientIp() {
    return clientIp;
  }

  /**
   * Returns the payer's WeChat open id, or null.
   *
   * @return the WeChat open id, or null
   */
  public String getOpenId() {
    return openId;
  }

  /**
   * Returns the title, or null.
   *
   * @return the title, or null
   */
  public String getSubject() {
    return subject;
  }

  /**
   * Returns the description, or null.
   *
   * @return the description, or null
   */
  public String getDescription() {
    return description;
  }

  /**
   * Returns the merchant's free text from the create call, or null.
   *
   * @return the free text, or null
   */
  public String getExtra() {
    return extra;
  }

  /**
   * Returns when the order was paid, or null when not paid or not sent.
   *
   * @return the payment time, or null
   */
  public Instant getPayTime() {
    return payTime;
  }

  /**
   * Returns every received body field except {@code sign}, values as received (numbers in their JSON
   * text, JSON null as null), in the order received.
   *
   * @return the received fields without {@code sign}
   */
  public Map<String, String> getFields() {
    return fields;
  }

  @Override
  public String toString() {
    return "Notification{" + protocol + ", outTradeNo=" + outTradeNo + ", clientOutTradeNo="
        + clientOutTradeNo + ", status=" + status + ", money=" + money + ", channel=" + channel
        + ", platform=" + platform + ", payTime=" + payTime + "}";
  }
}
