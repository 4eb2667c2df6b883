package io.paykit.yinqiantong;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * A created order, with the {@code pay_body} the payer needs.
 *
 * <p>V2 answers a create with three fields only ({@code out_trade_no}, {@code pay_body}, {@code
 * expire_time}); like the gateway's own Java SDK, the client fills the rest from the request, sets
 * {@link #getStatus()} to {@link OrderStatus#UNPAID} and leaves {@link #getCreateTime()} null. V1
 * answers with the full order; a field it leaves out or empty is taken from the request.
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves out the pay body, which may carry the
 * channel's signature.
 */
public final class Order {
  private static final Pattern HTML_FORM = Pattern.compile("(?i)<form[\\s>/]");

  private final String appId;
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
  private final String notifyUrl;
  private final String returnUrl;
  private final String payBody;
  // Classified on first use: most callers hand the pay body on without asking what it is.
  private PayBodyKind payBodyKind;
  private final Instant payTime;
  private final Instant createTime;
  private final Instant expireTime;

  Order(Builder b) {
    this.appId = b.appId;
    this.outTradeNo = b.outTradeNo;
    this.clientOutTradeNo = b.clientOutTradeNo;
    this.channel = b.channel == null ? Channel.UNKNOWN : b.channel;
    this.platform = b.platform == null ? Platform.UNKNOWN : b.platform;
    this.status = b.status == null ? OrderStatus.UNKNOWN : b.status;
    this.money = b.money;
    this.clientIp = b.clientIp;
    this.openId = b.openId;
    this.subject = b.subject;
    this.description = b.description;
    this.extra = b.extra;
    this.notifyUrl = b.notifyUrl;
    this.returnUrl = b.returnUrl;
    this.payBody = b.payBody;
    this.payTime = b.payTime;
    this.createTime = b.createTime;
    this.expireTime = b.expireTime;
  }

  /**
   * Tells what a pay body holds from its content: an HTML page with a {@code <form>}, a JSON object with
   * WeChat's {@code package} and {@code paySign}, or an absolute http(s) URL. A URL from a {@link
   * Platform#SCAN} order is QR-code content, not a page to redirect to, so it stays {@link
   * PayBodyKind#OPAQUE}.
   */
  static PayBodyKind kindOf(String payBody, Platform platform) {
    if (payBody == null) return PayBodyKind.OPAQUE;
    String t = payBody.trim();
    if (t.isEmpty()) return PayBodyKind.OPAQUE;
    if (t.charAt(0) == '<' && HTML_FORM.matcher(t).find()) return PayBodyKind.HTML_FORM;
    if (t.charAt(0) == '{' && isJsapiJson(t)) return PayBodyKind.WECHAT_JSAPI;
    String lower = t.toLowerCase(Locale.ROOT);
    if (platform != Platform.SCAN
        && (lower.startsWith("https://") || lower.startsWith("http://"))
        && !containsWhitespace(t)
        && HttpUrl.parse(t) != null) {
      return PayBodyKind.REDIRECT_URL;
    }
    return PayBodyKind.OPAQUE;
  }

  private static boolean isJsapiJson(String text) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
      Set<String> names = new HashSet<>();
      reader.beginObject();
      while (reader.hasNext()) {
        names.add(reader.nextName());
        reader.skipValue();
      }
      reader.endObject();
      return reader.peek() == JsonReader.Token.END_DOCUMENT
          && names.contains("package")
          && names.contains("paySign");
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return false;
    }
  }

  private static boolean containsWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) return true;
    }
    return false;
  }

  /**
   * Returns the app id the order belongs to.
   *
   * @return the app id
   */
  public String getAppId() {
    return appId;
  }

  /**
   * Returns the gateway's order number, globally unique.
   *
   * @return the gateway's order number
   */
  public String getOutTradeNo() {
    return outTradeNo;
  }

  /**
   * Returns the merchant's order number.
   *
   * @return the merchant's order number
   */
  public String getClientOutTradeNo() {
    return clientOutTradeNo;
  }

  /**
   * Returns the payment channel.
   *
   * @return the payment channel
   */
  public Channel getChannel() {
    return channel;
  }

  /**
   * Returns the payment platform.
   *
   * @return the payment platform
   */
  public Platform getPlatform() {
    return platform;
  }

  /**
   * Returns the order's status; {@link OrderStatus#UNPAID} for a V2 order just created.
   *
   * @return the order's status
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
   * Returns the payer's IPv4 address.
   *
   * @return the payer's IPv4 address
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
   * Returns the merchant's free text, or null.
   *
   * @return the free text, or null
   */
  public String getExtra() {
    return extra;
  }

  /**
   * Returns the notification URL.
   *
   * @return the notification URL
   */
  public String getNotifyUrl() {
    return notifyUrl;
  }

  /**
   * Returns the return URL, or null.
   *
   * @return the return URL, or null
   */
  public String getReturnUrl() {
    return returnUrl;
  }

  /**
   * Returns what the payer's side needs to pay: see {@link #getPayBodyKind()}. Null only if the gateway
   * sent none.
   *
   * @return the pay body, or null
   */
  public String getPayBody() {
    return payBody;
  }

  /**
   * Returns what {@link #getPayBody()} holds, detected from its content.
   *
   * @return the kind of pay body
   */
  public PayBodyKind getPayBodyKind() {
    // Racy single-check: an enum constant is safe to publish, and every thread computes the same one.
    PayBodyKind kind = payBodyKind;
    if (kind == null) {
      kind = kindOf(payBody, platform);
      payBodyKind = kind;
    }
    return kind;
  }

  /**
   * Returns when the order was paid, or null while unpaid.
   *
   * @return the payment time, or null
   */
  public Instant getPayTime() {
    return payTime;
  }

  /**
   * Returns when the gateway created the order, or null when it did not say (V2).
   *
   * @return the creation time, or null
   */
  public Instant getCreateTime() {
    return createTime;
  }

  /**
   * Returns when the order expires unpaid, or null when the gateway did not say.
   *
   * @return the expiry time, or null
   */
  public Instant getExpireTime() {
    return expireTime;
  }

  @Override
  public String toString() {
    return "Order{outTradeNo=" + outTradeNo + ", clientOutTradeNo=" + clientOutTradeNo
        + ", channel=" + channel + ", platform=" + platform + ", status=" + status
        + ", money=" + money + ", payBodyKind=" + getPayBodyKind()
        + ", payBody=" + (payBody == null ? "null" : payBody.length() + " chars")
        + ", expireTime=" + expireTime + "}";
  }

  /** Assembles an order from a response and the request it answers. Not thread-safe. */
  static final class Builder {
    String appId;
    String outTradeNo;
    String clientOutTradeNo;
    Channel channel;
    Platform platform;
    OrderStatus status;
    long money;
    String clientIp;
    String openId;
    String subject;
    String description;
    String extra;
    String notifyUrl;
    String returnUrl;
    String payBody;
    Instant payTime;
    Instant createTime;
    Instant expireTime;

    /** Starts from the request, as the gateway's SDK does for V2's three-field answer. */
    static Builder from(String appId, CreateOrderParams p) {
      Builder b = new Builder();
      b.appId = appId;
      b.clientOutTradeNo = p.getClientOutTradeNo();
      b.channel = p.getChannel();
      b.platform = p.getPlatform();
      b.status = OrderStatus.UNPAID;
      b.money = p.getMoney();
      b.clientIp = p.getClientIp();
      b.openId = p.getOpenId();
      b.subject = p.getSubject();
      b.description = p.getDescription();
      b.extra = p.getExtra();
      b.notifyUrl = p.getNotifyUrl();
      b.returnUrl = p.getReturnUrl();
      return b;
    }

    Order build() {
      return new Order(this);
    }
  }
}
