package io.paykit.yinqiantong;

import io.paykit.http.ApiRequest;

/**
 * What to create an order with. Validated by {@link Builder#build()}, so an invalid order is refused
 * before anything is sent.
 *
 * <pre>{@code
 * CreateOrderParams params = CreateOrderParams.builder()
 *     .clientOutTradeNo("A20190101001").channel(Channel.ALIPAY).platform(Platform.H5)
 *     .money(100).clientIp(payerIp).notifyUrl("https://shop.example/yqt/notify").build();
 * }</pre>
 *
 * <p>An optional text set to {@code ""} counts as not set (the gateway neither receives nor signs it).
 * Immutable and thread-safe.
 */
public final class CreateOrderParams {
  static final int MAX_CLIENT_OUT_TRADE_NO = 32;
  static final int MAX_URL = 128;
  static final int MAX_SUBJECT = 32;
  static final int MAX_DESCRIPTION = 128;
  static final int MAX_EXTRA = 512;


  private final String clientOutTradeNo;
  private final Channel channel;
  private final Platform platform;
  private final long money;
  private final String clientIp;
  private final String notifyUrl;
  private final String openId;
  private final String returnUrl;
  private final String subject;
  private final String description;
  private final String extra;

  CreateOrderParams(Builder b) {
    this.clientOutTradeNo = b.clientOutTradeNo;
    this.channel = b.channel;
    this.platform = b.platform;
    this.money = b.money;
    this.clientIp = b.clientIp;
    this.notifyUrl = b.notifyUrl;
    this.openId = b.openId;
    this.returnUrl = b.returnUrl;
    this.subject = b.subject;
    this.description = b.description;
    this.extra = b.extra;
  }

  /**
   * Returns a new builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these parameters, to change one of them.
   *
   * @return a new builder initialised from these parameters
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.clientOutTradeNo = clientOutTradeNo;
    b.channel = channel;
    b.platform = platform;
    b.money = money;
    b.clientIp = clientIp;
    b.notifyUrl = notifyUrl;
    b.openId = openId;
    b.returnUrl = returnUrl;
    b.subject = subject;
    b.description = description;
    b.extra = extra;
    return b;
  }

  /**
   * Returns the merchant's order number, unique per app.
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
   * Returns the amount in fen (1 CNY = 100 fen).
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
   * Returns the URL the gateway notifies after payment.
   *
   * @return the notification URL
   */
  public String getNotifyUrl() {
    return notifyUrl;
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
   * Returns the URL the payer returns to, or null.
   *
   * @return the return URL, or null
   */
  public String getReturnUrl() {
    return returnUrl;
  }

  /**
   * Returns the title shown to the payer, or null.
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
   * Returns the merchant's free text echoed back in the notification, or null.
   *
   * @return the free text, or null
   */
  public String getExtra() {
    return extra;
  }

  @Override
  public String toString() {
    return "CreateOrderParams{clientOutTradeNo=" + clientOutTradeNo + ", channel=" + channel
        + ", platform=" + platform + ", money=" + money + ", clientIp=" + clientIp
        + ", notifyUrl=" + notifyUrl + ", openId=" + (openId == null ? null : "set")
        + ", returnUrl=" + returnUrl + ", subject=" + subject + "}";
  }

  /** Builds {@link CreateOrderParams}. Not thread-safe. */
  public static final class Builder {
    String clientOutTradeNo;
    Channel channel;
    Platform platform;
    long money;
    String clientIp;
    String notifyUrl;
    String openId;
    String returnUrl;
    String subject;
    String description;
    String extra;

    Builder() {}

    /**
     * Sets the merchant's order number: at most 32 of {@code [0-9A-Za-z]}, unique per app. Required.
     *
     * @param clientOutTradeNo the merchant's order number
     * @return this builder
     */
    public Builder clientOutTradeNo(String clientOutTradeNo) {
      this.clientOutTradeNo = clientOutTradeNo;
      return this;
    }

    /**
     * Sets the payment channel. Required.
     *
     * @param channel the payment channel
     * @return this builder
     */
    public Builder channel(Channel channel) {
      this.channel = channel;
      return this;
    }

    /**
     * Sets the payment platform. Required.
     *
     * @param platform the payment platform
     * @return this builder
     */
    public Builder platform(Platform platform) {
      this.platform = platform;
      return this;
    }

    /**
     * Sets the amount in fen (1 CNY = 100 fen), greater than 0. Required.
     *
     * @param money the amount in fen
     * @return this builder
     */
    public Builder money(long money) {
      this.money = money;
      return this;
    }

    /**
     * Sets the payer's IPv4 address (not the server's), such as {@code 127.0.0.1}. Required.
     *
     * @param clientIp the payer's IPv4 address
     * @return this builder
     */
    public Builder clientIp(String clientIp) {
      this.clientIp = clientIp;
      return this;
    }

    /**
     * Sets the absolute http(s) URL, at most 128 characters, the gateway notifies. Required.
     *
     * @param notifyUrl the notification URL
     * @return this builder
     */
    public Builder notifyUrl(String notifyUrl) {
      this.notifyUrl = notifyUrl;
      return this;
    }

    /**
     * Sets the payer's WeChat open id; required for WeChat with {@link Platform#MP} or {@link
     * Platform#MINI_APP}.
     *
     * @param openId the payer's WeChat open id
     * @return this builder
     */
    public Builder openId(String openId) {
      this.openId = emptyToNull(openId);
      return this;
    }

    /**
     * Sets the absolute http(s) URL, at most 128 characters and without a query string, the payer
     * returns to (Alipay PC and WeChat H5; the gateway appends {@code out_trade_no}).
     *
     * @param returnUrl the return URL
     * @return this builder
     */
    public Builder returnUrl(String returnUrl) {
      this.returnUrl = emptyToNull(returnUrl);
      return this;
    }

    /**
     * Sets the title shown to the payer, at most 32 characters.
     *
     * @param subject the title
     * @return this builder
     */
    public Builder subject(String subject) {
      this.subject = emptyToNull(subject);
      return this;
    }

    /**
     * Sets the description, at most 128 characters.
     *
     * @param description the description
     * @return this builder
     */
    public Builder description(String description) {
      this.description = emptyToNull(description);
      return this;
    }

    /**
     * Sets free text, at most 512 characters, echoed back in the notification.
     *
     * @param extra the free text
     * @return this builder
     */
    public Builder extra(String extra) {
      this.extra = emptyToNull(extra);
      return this;
    }

    /**
     * Returns the parameters.
     *
     * @return the parameters
     * @throws IllegalArgumentException naming the field that is missing or invalid
     */
    public CreateOrderParams build() {
      if (clientOutTradeNo == null || clientOutTradeNo.isEmpty()) {
        throw new IllegalArgumentException("clientOutTradeNo is required");
      }
      if (clientOutTradeNo.length() > MAX_CLIENT_OUT_TRADE_NO
          || !Wire.isAlphanumeric(clientOutTradeNo)) {
        throw new IllegalArgumentException(
            "clientOutTradeNo must be 1 to 32 characters of [0-9A-Za-z]");
      }
      if (channel == null) throw new IllegalArgumentException("channel is required");
      if (channel == Channel.UNKNOWN) throw new IllegalArgumentException("channel must not be UNKNOWN");
      if (platform == null) throw new IllegalArgumentException("platform is required");
      if (platform == Platform.UNKNOWN) {
        throw new IllegalArgumentException("platform must not be UNKNOWN");
      }
      if (money <= 0) throw new IllegalArgumentException("money must be > 0 (fen): " + money);
      if (clientIp == null || clientIp.isEmpty()) {
        throw new IllegalArgumentException("clientIp is required");
      }
      if (!isIpv4(clientIp)) {
        throw new IllegalArgumentException("clientIp must be an IPv4 address such as 127.0.0.1");
      }
      if (notifyUrl == null || notifyUrl.isEmpty()) {
        throw new IllegalArgumentException("notifyUrl is required");
      }
      checkUrl("notifyUrl", notifyUrl, false);
      if (returnUrl != null) checkUrl("returnUrl", returnUrl, true);
      if (channel == Channel.WECHAT
          && (platform == Platform.MP || platform == Platform.MINI_APP)
          && openId == null) {
        throw new IllegalArgumentException("openId is required for WeChat on " + platform);
      }
      checkLength("subject", subject, MAX_SUBJECT);
      checkLength("description", description, MAX_DESCRIPTION);
      checkLength("extra", extra, MAX_EXTRA);
      return new CreateOrderParams(this);
    }

    private static String emptyToNull(String s) {
      return s == null || s.isEmpty() ? null : s;
    }

    /** Dotted-quad IPv4 without leading zeros, as the gateway's docs show it. */
    static boolean isIpv4(String s) {
      int parts = 0;
      int i = 0;
      int n = s.length();
      while (parts < 4) {
        int start = i;
        int value = 0;
        while (i < n && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          value = value * 10 + (s.charAt(i++) - '0');
        }
        int digits = i - start;
        if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
          return false;
        }
        if (++parts < 4) {
          if (i >= n || s.charAt(i) != '.') return false;
          i++;
        }
      }
      return i == n;
    }

    private static void checkLength(String field, String value, int max) {
      if (value != null && value.codePointCount(0, value.length()) > max) {
        throw new IllegalArgumentException(field + " must be at most " + max + " characters");
      }
    }

    private static void checkUrl(String field, String url, boolean noQuery) {
      if (url.length() > MAX_URL) {
        throw new IllegalArgumentException(field + " must be at most " + MAX_URL + " characters");
      }
      for (int i = 0; i < url.length(); i++) {
        char c = url.charAt(i);
        if (c <= ' ' || c == 0x7f) {
          throw new IllegalArgumentException(field + " must not contain spaces or control characters");
        }
      }
      if (!ApiRequest.isAbsoluteHttpUrl(url)) {
        throw new IllegalArgumentException(field + " must be an absolute http(s) URL");
      }
      if (noQuery && (url.indexOf('?') >= 0 || url.indexOf('#') >= 0)) {
        // The gateway appends out_trade_no to it.
        throw new IllegalArgumentException(field + " must not have a query string or fragment");
      }
    }
  }
}
