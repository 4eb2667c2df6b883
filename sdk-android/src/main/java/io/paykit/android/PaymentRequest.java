package io.paykit.android;

import android.os.Bundle;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@link PaymentActivity} shows: a gateway payment page, a 银钱通 {@code pay_body}, or any https
 * page, plus where the flow ends.
 *
 * <p>Build one from what your server returned (it created the order with sdk-core and holds every
 * secret; this class holds none but a short-lived page token):
 *
 * <pre>{@code
 * PaymentRequest request = PaymentRequest.forPaymentPage(charge.paymentPageUrl)
 *     .accessToken(accessToken)
 *     .returnUrlPrefix("https://shop.example.com/paid")
 *     .orderId(charge.id)
 *     .build();
 * startActivityForResult(PaymentActivity.createIntent(this, request), REQUEST_PAY);
 * }</pre>
 *
 * <p>Immutable and thread-safe. It travels to the activity as plain Intent extras, never as a
 * serialized object. {@link #toString()} never shows the access token.
 */
public final class PaymentRequest {
  /** How the access token of a payment page reaches the gateway. */
  public enum TokenDelivery {
    /**
     * {@code Authorization: Bearer <token>} on the first page load only (the default). Keeps the
     * token out of the URL, history and Referer; the page must turn it into a session, because
     * WebView does not repeat custom headers on later navigations.
     */
    AUTHORIZATION_HEADER,
    /**
     * {@code accessToken=<token>} appended to the page URL, as Qbit Pay documents for its hosted
     * page. The token then sits in the WebView's history and saved state.
     */
    QUERY_PARAMETER
  }

  /** Which factory built the request; kept so the activity re-validates through the same path. */
  enum Source {
    PAYMENT_PAGE,
    PAY_BODY,
    URL
  }

  private static final String KEY_SOURCE = "source";
  private static final String KEY_INPUT = "input";
  private static final String KEY_ACCESS_TOKEN = "accessToken";
  private static final String KEY_TOKEN_DELIVERY = "tokenDelivery";
  private static final String KEY_RETURN_URL_PREFIX = "returnUrlPrefix";
  private static final String KEY_SUCCESS_URL_PREFIX = "successUrlPrefix";
  private static final String KEY_WECHAT_H5_REFERER = "wechatH5Referer";
  private static final String KEY_ORDER_ID = "orderId";
  private static final String KEY_BASE_URL = "baseUrl";

  private static final int MAX_ORDER_ID_LENGTH = 128;

  final Source source;
  private final String input;
  /** The https URL to load first; null for a form. Never holds the token. */
  final String startUrl;
  /** The form to auto-submit; null unless the pay_body is an HTML form. */
  final String html;
  /** The base URL the form is loaded under; null unless {@link #html} is set. */
  final String baseUrl;
  private final String explicitBaseUrl;
  private final String accessToken;
  final TokenDelivery tokenDelivery;
  final String returnUrlPrefix;
  final String successUrlPrefix;
  final String wechatH5Referer;
  private final String orderId;

  private PaymentRequest(Builder b, String startUrl, String html, String baseUrl) {
    this.source = b.source;
    this.input = b.input;
    this.startUrl = startUrl;
    this.html = html;
    this.baseUrl = baseUrl;
    this.explicitBaseUrl = b.baseUrl;
    this.accessToken = b.accessToken;
    this.tokenDelivery = b.tokenDelivery;
    this.returnUrlPrefix = b.returnUrlPrefix;
    this.successUrlPrefix = b.successUrlPrefix;
    this.wechatH5Referer = b.wechatH5Referer;
    this.orderId = b.orderId;
  }

  /**
   * Starts a request for a hosted payment page, such as Qbit Pay's {@code paymentPageUrl}.
   *
   * @param paymentPageUrl the https page URL; validated by {@link Builder#build()}
   * @return a builder; add {@link Builder#accessToken(String)} when the page needs one
   */
  public static Builder forPaymentPage(String paymentPageUrl) {
    return new Builder(Source.PAYMENT_PAGE, paymentPageUrl);
  }

  /**
   * Starts a request for a 银钱通 {@code pay_body}: an auto-submitting HTML form (Alipay PC/H5) or a
   * redirect URL (WeChat H5). A WeChat JSAPI payload is refused by {@link Builder#build()}: it only
   * runs inside WeChat's own browser.
   *
   * @param payBody the {@code pay_body} exactly as the create-order response returned it
   * @return a builder; a WeChat H5 URL also needs {@link Builder#wechatH5Referer(String)}
   */
  public static Builder forPayBody(String payBody) {
    return new Builder(Source.PAY_BODY, payBody);
  }

  /**
   * Starts a request for any https page that ends by navigating to a return URL.
   *
   * @param url the https URL to open
   * @return a builder; {@link Builder#returnUrlPrefix(String)} is required
   */
  public static Builder forUrl(String url) {
    return new Builder(Source.URL, url);
  }

  /**
   * Returns the order id the app attached, echoed in the {@link PaymentResult}.
   *
   * @return the order id, or null if none was set
   */
  public String orderId() {
    return orderId;
  }

  boolean isForm() {
    return html != null;
  }

  UrlPolicy policy() {
    return new UrlPolicy(successUrlPrefix, returnUrlPrefix);
  }

  /** The URL of the first load: the start URL, plus the token when it goes in the query. */
  String firstLoadUrl() {
    if (accessToken == null || tokenDelivery != TokenDelivery.QUERY_PARAMETER) {
      return startUrl;
    }
    int hash = startUrl.indexOf('#');
    String beforeFragment = hash < 0 ? startUrl : startUrl.substring(0, hash);
    String fragment = hash < 0 ? "" : startUrl.substring(hash);
    StringBuilder out = new StringBuilder(beforeFragment);
    if (beforeFragment.indexOf('?') < 0) {
      out.append('?');
    } else if (!beforeFragment.endsWith("?") && !beforeFragment.endsWith("&")) {
      out.append('&');
    }
    return out.append("accessToken=").append(urlEncode(accessToken)).append(fragment).toString();
  }

  /** Extra headers of the first load only: the bearer token and/or WeChat's Referer. */
  Map<String, String> firstLoadHeaders() {
    Map<String, String> headers = new HashMap<>();
    if (accessToken != null && tokenDelivery == TokenDelivery.AUTHORIZATION_HEADER) {
      headers.put("Authorization", "Bearer " + accessToken);
    }
    if (wechatH5Referer != null
        && startUrl != null
        && policy().decide(startUrl) == UrlPolicy.Action.LOAD_WECHAT_H5) {
      headers.put("Referer", wechatH5Referer);
    }
    return headers;
  }

  Bundle toBundle() {
    Bundle b = new Bundle();
    b.putString(KEY_SOURCE, source.name());
    b.putString(KEY_INPUT, input);
    b.putString(KEY_ACCESS_TOKEN, accessToken);
    b.putString(KEY_TOKEN_DELIVERY, tokenDelivery.name());
    b.putString(KEY_RETURN_URL_PREFIX, returnUrlPrefix);
    b.putString(KEY_SUCCESS_URL_PREFIX, successUrlPrefix);
    b.putString(KEY_WECHAT_H5_REFERER, wechatH5Referer);
    b.putString(KEY_ORDER_ID, orderId);
    b.putString(KEY_BASE_URL, explicitBaseUrl);
    return b;
  }

  /**
   * Rebuilds a request from {@link #toBundle()}, validating it again.
   *
   * @throws IllegalArgumentException if the bundle is missing or does not hold a valid request
   */
  static PaymentRequest fromBundle(Bundle b) {
    if (b == null) {
      throw new IllegalArgumentException(
          "PaymentActivity was started without a PaymentRequest; use PaymentActivity.createIntent");
    }
    Source source;
    TokenDelivery delivery;
    try {
      source = Source.valueOf(b.getString(KEY_SOURCE));
      delivery = TokenDelivery.valueOf(b.getString(KEY_TOKEN_DELIVERY));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("PaymentRequest extras are malformed", e);
    }
    return new Builder(source, b.getString(KEY_INPUT))
        .accessToken(b.getString(KEY_ACCESS_TOKEN))
        .tokenDelivery(delivery)
        .returnUrlPrefix(b.getString(KEY_RETURN_URL_PREFIX))
        .successUrlPrefix(b.getString(KEY_SUCCESS_URL_PREFIX))
        .wechatH5Referer(b.getString(KEY_WECHAT_H5_REFERER))
        .orderId(b.getString(KEY_ORDER_ID))
        .baseUrl(b.getString(KEY_BASE_URL))
        .build();
  }

  /** Shows the kind, host and options; never the access token, the query or the pay_body. */
  @Override
  public String toString() {
    String shown = isForm() ? baseUrl : startUrl;
    UrlPolicy.HttpsUrl parsed = UrlPolicy.HttpsUrl.parse(shown);
    StringBuilder s = new StringBuilder("PaymentRequest{source=").append(source);
    s.append(isForm() ? ", form, host=" : ", host=").append(parsed == null ? "?" : parsed.host);
    if (accessToken != null) {
      s.append(", accessToken=<redacted>, tokenDelivery=").append(tokenDelivery);
    }
    if (orderId != null) {
      s.append(", orderId=").append(orderId);
    }
    if (returnUrlPrefix != null) {
      s.append(", returnUrlPrefix=").append(returnUrlPrefix);
    }
    if (successUrlPrefix != null) {
      s.append(", successUrlPrefix=").append(successUrlPrefix);
    }
    return s.append('}').toString();
  }

  private static String urlEncode(String value) {
    try {
      return URLEncoder.encode(value, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError("UTF-8 is always supported", e);
    }
  }

  /**
   * Collects and validates the parts of a {@link PaymentRequest}. Not thread-safe; every setter
   * accepts null to clear the option, and {@link #build()} checks everything at once.
   */
  public static final class Builder {
    private final Source source;
    private final String input;
    private String accessToken;
    private TokenDelivery tokenDelivery = TokenDelivery.AUTHORIZATION_HEADER;
    private String returnUrlPrefix;
    private String successUrlPrefix;
    private String wechatH5Referer;
    private String orderId;
    private String baseUrl;

    Builder(Source source, String input) {
      this.source = source;
      this.input = input;
    }

    /**
     * Sets the page's access token (Qbit Pay's {@code GET /api/v1/accessToken} JWT). Only for
     * {@link PaymentRequest#forPaymentPage(String)}.
     *
     * @param accessToken printable ASCII without spaces, or null for none
     * @return this builder
     */
    public Builder accessToken(String accessToken) {
      this.accessToken = accessToken;
      return this;
    }

    /**
     * Sets how the access token is sent; {@link TokenDelivery#AUTHORIZATION_HEADER} by default.
     *
     * @param tokenDelivery the delivery mode
     * @return this builder
     */
    public Builder tokenDelivery(TokenDelivery tokenDelivery) {
      this.tokenDelivery = tokenDelivery;
      return this;
    }

    /**
     * Sets the https URL prefix the gateway returns to when the payer is done (Qbit Pay's {@code
     * redirectUrl}, 银钱通's {@code return_url}). Reaching it ends the flow with {@link
     * PaymentResult.Status#PENDING}: the page saying "done" is not proof of payment.
     *
     * <p>It matches a URL with the same host and port whose path starts with this prefix's path;
     * the query and fragment of the reached URL are ignored.
     *
     * @param returnUrlPrefix an https URL without query or fragment, or null
     * @return this builder
     */
    public Builder returnUrlPrefix(String returnUrlPrefix) {
      this.returnUrlPrefix = returnUrlPrefix;
      return this;
    }

    /**
     * Sets the https URL prefix of a page on your own site that your server shows only after it
     * verified the payment (for example, the return page redirects there after querying your
     * server). Reaching it ends the flow with {@link PaymentResult.Status#SUCCEEDED}.
     *
     * @param successUrlPrefix an https URL without query or fragment, or null
     * @return this builder
     */
    public Builder successUrlPrefix(String successUrlPrefix) {
      this.successUrlPrefix = successUrlPrefix;
      return this;
    }

    /**
     * Sets the {@code Referer} sent to WeChat's H5 page ({@code https://wx.tenpay.com/…}): the H5
     * payment domain authorised in the WeChat Pay merchant platform. Without it that page shows
     * "商家参数格式有误".
     *
     * @param wechatH5Referer an http(s) URL such as {@code https://shop.example.com}, or null
     * @return this builder
     */
    public Builder wechatH5Referer(String wechatH5Referer) {
      this.wechatH5Referer = wechatH5Referer;
      return this;
    }

    /**
     * Sets an order id to echo in the result, so the app knows which order to ask its server about.
     *
     * @param orderId up to 128 characters, or null
     * @return this builder
     */
    public Builder orderId(String orderId) {
      this.orderId = orderId;
      return this;
    }

    /**
     * Overrides the base URL an HTML-form {@code pay_body} is loaded under. By default it is the
     * origin of the form's {@code action}, so the form posts to its own origin.
     *
     * @param baseUrl an https URL, or null for the default
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Validates and builds the request.
     *
     * @return the immutable request
     * @throws IllegalArgumentException naming the field, if a field is missing or invalid, or the
     *     {@code pay_body} cannot be shown in a WebView (WeChat JSAPI, app-SDK parameters)
     */
    public PaymentRequest build() {
      if (tokenDelivery == null) {
        throw new IllegalArgumentException("tokenDelivery must not be null");
      }
      if (accessToken != null) {
        if (source != Source.PAYMENT_PAGE) {
          throw new IllegalArgumentException("accessToken is only supported with forPaymentPage");
        }
        checkToken(accessToken);
      }
      if (baseUrl != null) {
        requireHttps("baseUrl", baseUrl);
      }
      if (returnUrlPrefix != null) {
        requirePrefix("returnUrlPrefix", returnUrlPrefix);
      }
      if (successUrlPrefix != null) {
        requirePrefix("successUrlPrefix", successUrlPrefix);
        if (successUrlPrefix.equals(returnUrlPrefix)) {
          throw new IllegalArgumentException("successUrlPrefix must differ from returnUrlPrefix");
        }
      }
      if (wechatH5Referer != null) {
        checkReferer(wechatH5Referer);
      }
      if (orderId != null
          && (orderId.isEmpty()
              || orderId.length() > MAX_ORDER_ID_LENGTH
              || UrlPolicy.hasSpaceOrControl(orderId))) {
        throw new IllegalArgumentException(
            "orderId must be 1 to " + MAX_ORDER_ID_LENGTH + " characters without spaces");
      }

      String startUrl = null;
      String html = null;
      String resolvedBaseUrl = null;
      switch (source) {
        case PAYMENT_PAGE:
          startUrl = requireHttps("paymentPageUrl", input);
          break;
        case URL:
          startUrl = requireHttps("url", input);
          if (returnUrlPrefix == null) {
            throw new IllegalArgumentException("returnUrlPrefix is required with forUrl");
          }
          break;
        case PAY_BODY:
          if (input == null || input.trim().isEmpty()) {
            throw new IllegalArgumentException("payBody is required");
          }
          switch (PayBody.classify(input)) {
            case HTML_FORM:
              html = input;
              String action = PayBody.formAction(input);
              if (action == null) {
                throw new IllegalArgumentException("payBody is HTML without a <form action>");
              }
              UrlPolicy.HttpsUrl actionUrl = UrlPolicy.HttpsUrl.parse(action);
              if (actionUrl == null) {
                throw new IllegalArgumentException("payBody form action must be an https URL");
              }
              resolvedBaseUrl = baseUrl != null ? baseUrl : actionUrl.origin();
              break;
            case REDIRECT_URL:
              startUrl = requireHttps("payBody", input.trim());
              UrlPolicy.HttpsUrl parsed = UrlPolicy.HttpsUrl.parse(startUrl);
              if (UrlPolicy.WECHAT_H5_HOST.equals(parsed.host) && wechatH5Referer == null) {
                throw new IllegalArgumentException(
                    "wechatH5Referer is required for a WeChat H5 payBody (https://"
                        + UrlPolicy.WECHAT_H5_HOST
                        + "/...): set the H5 domain authorised in the WeChat Pay merchant platform");
              }
              break;
            case WECHAT_JSAPI:
              throw new IllegalArgumentException(
                  "payBody holds WeChat JSAPI parameters, which only run inside WeChat's own browser"
                      + " (WeixinJSBridge); create the 银钱通 order for platform 3 (H5) to get a"
                      + " payBody this SDK can show");
            default:
              throw new IllegalArgumentException(
                  "payBody is neither an HTML form nor an https URL; only 银钱通 platforms 1 (PC)"
                      + " and 3 (H5) return a payBody a WebView can show");
          }
          if (baseUrl != null && html == null) {
            throw new IllegalArgumentException("baseUrl is only used with an HTML form payBody");
          }
          break;
        default:
          throw new AssertionError(source);
      }
      if (source != Source.PAY_BODY && baseUrl != null) {
        throw new IllegalArgumentException("baseUrl is only used with an HTML form payBody");
      }
      // The first page would end the flow at once (the form's base URL counts as its page).
      UrlPolicy.Action first =
          new UrlPolicy(successUrlPrefix, returnUrlPrefix)
              .decide(startUrl != null ? startUrl : resolvedBaseUrl);
      if (first == UrlPolicy.Action.RETURN_URL || first == UrlPolicy.Action.SUCCESS_URL) {
        throw new IllegalArgumentException(
            (startUrl != null ? "the start URL" : "baseUrl")
                + " must not match returnUrlPrefix or successUrlPrefix");
      }
      return new PaymentRequest(this, startUrl, html, resolvedBaseUrl);
    }

    private static String requireHttps(String field, String value) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(field + " is required");
      }
      if (UrlPolicy.hasSpaceOrControl(value)) {
        throw new IllegalArgumentException(field + " must not contain spaces or control characters");
      }
      if (UrlPolicy.HttpsUrl.parse(value) == null) {
        throw new IllegalArgumentException(field + " must be an https URL with a host");
      }
      return value;
    }

    private static void requirePrefix(String field, String value) {
      requireHttps(field, value);
      if (value.indexOf('?') >= 0 || value.indexOf('#') >= 0) {
        throw new IllegalArgumentException(field + " must not have a query or fragment");
      }
    }

    private static void checkToken(String token) {
      if (token.isEmpty()) {
        throw new IllegalArgumentException("accessToken must not be empty");
      }
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        // Also what keeps a header value from smuggling CR/LF into the request.
        if (c < 0x21 || c > 0x7e) {
          throw new IllegalArgumentException("accessToken must be printable ASCII without spaces");
        }
      }
    }

    private static void checkReferer(String referer) {
      String scheme = UrlPolicy.scheme(referer);
      boolean web = "https".equals(scheme) || "http".equals(scheme);
      boolean hostPresent = web && referer.length() > scheme.length() + 3
          && referer.startsWith("//", scheme.length() + 1);
      if (!hostPresent || UrlPolicy.hasSpaceOrControl(referer)) {
        throw new IllegalArgumentException(
            "wechatH5Referer must be an http(s) URL of the domain authorised for WeChat H5 pay");
      }
    }
  }
}
