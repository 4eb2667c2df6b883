package io.paykit.juyifu;

import io.paykit.AccessToken;
import io.paykit.ApiException;
import io.paykit.AuthenticationException;
import io.paykit.InvalidResponseException;
import io.paykit.NetworkException;
import io.paykit.PayKitException;
import io.paykit.RateLimitException;
import io.paykit.RequestOptions;
import io.paykit.SignatureVerificationException;
import io.paykit.http.ApiRequest;
import io.paykit.http.ApiResponse;
import io.paykit.http.Interceptor;
import io.paykit.http.Sleeper;
import io.paykit.http.TokenCache;
import io.paykit.http.Transport;
import io.paykit.page.Page;
import io.paykit.sign.Keys;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The 聚易付 (Juyifu / Mixpay) client: orders, refunds, sold items, channel routing, bills, access
 * tokens and payment notifications.
 *
 * <pre>{@code
 * JuyifuClient client = JuyifuClient.builder()
 *     .appId(6018561003558745L)
 *     .md5Secret(System.getenv("JUYIFU_SECRET"))
 *     .build();
 * Order order = client.createOrder(CreateOrderParams.builder().payType(1).amount(100).build());
 * }</pre>
 *
 * <p>Every request carries {@code app_id}, {@code sign_type} (1 MD5, 2 RSA, 3 RSA2, 4 SM2) and a
 * {@code sign} over exactly the parameters sent: sorted {@code k=v&…} with raw values, empty values
 * kept, MD5 with the secret appended directly or an RSA/RSA2/SM2 signature in Base64 (聚易付's 2014
 * rule). The 2014 order query is the one exception ({@code app_key} and no {@code sign_type}).
 * Creates travel as form bodies; reads and deletes as query parameters. Operations marked
 * experimental are PayKit's proposal where the gateway documents only the heading.
 *
 * <p>Creates (orders, refunds, channels) are never resent once they may have reached the gateway: the
 * API has no uniqueness key, so a second send could create a second order. Reads are retried on
 * timeouts and 5xx. Every failure is a {@link PayKitException} that says whether a retry is safe.
 *
 * <p>Immutable and thread-safe: build one per app and share it. {@link #toString()} shows no secret.
 */
public final class JuyifuClient {
  /** The production base URL (2014 SDK). */
  public static final String DEFAULT_BASE_URL = "https://api.mixpay.cn/v1";
  /** The most order ids one {@link #queryOrders(List)} call accepts. */
  public static final int MAX_IDS = 100;
  /** How long before its expiry an automatically fetched token is replaced. */
  static final Duration TOKEN_REFRESH_MARGIN = Duration.ofSeconds(60);
  /** The header that carries the access token (seed 001's header, PROPOSED form). */
  static final String TOKEN_HEADER = "access_token";
  static final String TOKEN_PATH = "/token";

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String ORDER_GUIDANCE =
      "createOrder was NOT resent: the request may have reached 聚易付 and created an order, and the"
          + " API has no uniqueness key to make a second send safe. Reconcile before creating it"
          + " again: look the order up with queryOrders(ids) once its id is known (for example from"
          + " the payment notification)";
  private static final String REFUND_GUIDANCE =
      "createRefund was NOT resent: the request may have reached 聚易付 and created a refund. Check"
          + " queryRefunds(orderId) before refunding again";
  private static final String CHANNEL_GUIDANCE =
      "addChannel was NOT resent: the request may have reached 聚易付 and added the channel. Check"
          + " queryChannels() before adding it again";

  private final long appId;
  private final String baseUrl;
  private final RequestSigner signer;
  private final PlatformSignatures platform;
  /** The access token set on the builder, or null. */
  private final AccessToken fixedToken;
  /** The automatically fetched access token, or null. */
  private final TokenCache tokenCache;
  private final String tokenMode;
  private final Clock clock;
  private final Transport transport;

  JuyifuClient(Builder b, RequestSigner signer, PublicKey platformKey) {
    this.appId = b.appId;
    this.baseUrl = b.baseUrl;
    this.signer = signer;
    this.clock = b.clock;
    this.platform = new PlatformSignatures(signer.md5Secret(), platformKey);
    this.fixedToken = b.accessToken == null ? null : AccessToken.of(b.accessToken, null);
    this.tokenCache =
        b.autoToken ? new TokenCache(() -> fetchToken(null), b.clock, TOKEN_REFRESH_MARGIN) : null;
    this.tokenMode = b.autoToken ? "auto" : fixedToken != null ? "fixed" : "none";

    Transport.Builder t =
        Transport.builder("juyifu")
            .baseUrl(b.baseUrl)
            .clock(b.clock)
            .sleeper(b.sleeper)
            .secret(signer.md5Secret())
            .secret(b.accessToken)
            .addInterceptor(this::authorize)
            .addInterceptor(signer);
    if (b.okHttpClient != null) t.okHttpClient(b.okHttpClient);
    if (b.connectTimeout != null) t.connectTimeout(b.connectTimeout);
    if (b.readTimeout != null) t.readTimeout(b.readTimeout);
    if (b.writeTimeout != null) t.writeTimeout(b.writeTimeout);
    if (b.callTimeout != null) t.callTimeout(b.callTimeout);
    if (b.maxRetries != null) t.maxRetries(b.maxRetries);
    if (b.allowInsecureHttp) t.allowInsecureHttp();
    this.transport = t.build();
  }

  /**
   * Returns a new builder.
   *
   * @return a new, unconfigured builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------------------------------------
  // Orders

  /**
   * Creates an order ({@code POST /orders}, seed 001).
   *
   * @param params the order to create
   * @return the order the gateway created
   * @throws IllegalArgumentException if params is null (nothing is sent)
   * @throws NetworkException if no answer arrived; when {@link NetworkException#mayHaveReachedServer()}
   *     the order may exist and the request was not resent: reconcile with {@link #queryOrders(List)}
   *     before creating it again
   * @throws JuyifuApiException for a business error code or an HTTP error status
   * @throws AuthenticationException on HTTP 401 (after one token refresh when tokens are automatic)
   * @throws RateLimitException on HTTP 429
   * @throws InvalidResponseException if the answer cannot be read (the order may exist)
   */
  public Order createOrder(CreateOrderParams params) {
    return createOrder(params, null);
  }

  /**
   * Creates an order with per-request options; see {@link #createOrder(CreateOrderParams)}.
   *
   * @param params the order to create
   * @param options per-request options, or null for the client's defaults
   * @return the order the gateway created
   * @throws IllegalArgumentException if params is null (nothing is sent)
   * @throws PayKitException as {@link #createOrder(CreateOrderParams)}
   */
  public Order createOrder(CreateOrderParams params, RequestOptions options) {
    Checks.notNull("params", params);
    ApiRequest request =
        post("/orders", "createOrder", options).body(params.toParams()).build();
    ApiResponse response = sendOnce(request, ORDER_GUIDANCE);
    return object(response, envelope(response, false), Order::from);
  }

  /**
   * Looks orders up by id ({@code GET /orders}, seed 001). The ids travel as repeated {@code ids=}
   * query parameters in the given order and are signed joined by {@code ,} ({@code ids=a,b}).
   *
   * @param ids 1 to {@value #MAX_IDS} order ids, each at most 128 characters of {@code
   *     [A-Za-z0-9_.:-]}
   * @return the orders the gateway returned, in its order
   * @throws IllegalArgumentException if ids is null, empty, too long, or holds an unsafe id (nothing is
   *     sent)
   * @throws PayKitException for a network, gateway or response failure; reads are retry-safe
   */
  public List<Order> queryOrders(List<String> ids) {
    return queryOrders(ids, null);
  }

  /**
   * Looks orders up by id; see {@link #queryOrders(List)}.
   *
   * @param ids 1 to {@value #MAX_IDS} order ids
   * @return the orders the gateway returned, in its order
   * @throws IllegalArgumentException if ids is null, empty, too long, or holds an unsafe id
   * @throws PayKitException for a network, gateway or response failure
   */
  public List<Order> queryOrders(String... ids) {
    Checks.notNull("ids", ids);
    return queryOrders(Arrays.asList(ids), null);
  }

  /**
   * Looks orders up by id with per-request options; see {@link #queryOrders(List)}.
   *
   * @param ids 1 to {@value #MAX_IDS} order ids
   * @param options per-request options, or null for the client's defaults
   * @return the orders the gateway returned, in its order
   * @throws IllegalArgumentException if ids is null, empty, too long, or holds an unsafe id
   * @throws PayKitException for a network, gateway or response failure
   */
  public List<Order> queryOrders(List<String> ids, RequestOptions options) {
    Checks.notNull("ids", ids);
    if (ids.isEmpty()) throw new IllegalArgumentException("ids must not be empty");
    if (ids.size() > MAX_IDS) {
      throw new IllegalArgumentException("ids must hold at most " + MAX_IDS + " ids: " + ids.size());
    }
    List<String> copy = new ArrayList<>(ids);
    for (int i = 0; i < copy.size(); i++) Checks.id("ids[" + i + "]", copy.get(i));
    ApiRequest request = get("/orders", "queryOrders", options).query("ids", copy).build();
    ApiResponse response = transport.execute(request);
    return list(response, envelope(response, false), Order::from);
  }

  /**
   * Looks one order up with the shipped 2014 protocol ({@code GET /order/query/{id}?app_key=…&sign=…},
   * signed over {@code app_key} and {@code order_id}, no {@code sign_type}). When a platform public
   * key is configured, the platform's signature on {@code data} is verified (every field except
   * {@code sign}, {@code sign_type} and {@code pay_type}, SHA1withRSA); without one it is not checked.
   *
   * @param orderId the 聚易付 order id, such as {@code 140713000685555335}
   * @return the order
   * @throws IllegalArgumentException if orderId is null, empty or unsafe (nothing is sent)
   * @throws SignatureVerificationException if a platform key is configured and {@code data} has no
   *     valid platform signature
   * @throws PayKitException for a network, gateway or response failure; reads are retry-safe
   */
  public Order queryOrder(String orderId) {
    return queryOrder(orderId, null);
  }

  /**
   * Looks one order up with per-request options; see {@link #queryOrder(String)}.
   *
   * @param orderId the 聚易付 order id
   * @param options per-request options, or null for the client's defaults
   * @return the order
   * @throws IllegalArgumentException if orderId is null, empty or unsafe
   * @throws SignatureVerificationException if the platform signature does not verify
   * @throws PayKitException for a network, gateway or response failure
   */
  public Order queryOrder(String orderId, RequestOptions options) {
    Checks.id("orderId", orderId);
    ApiRequest request =
        ApiRequest.builder(
                ApiRequest.Method.GET, RequestSigner.LEGACY_QUERY_PREFIX + orderId, "queryOrder")
            .options(options)
            .query("app_key", appId)
            .build();
    ApiResponse response = transport.execute(request);
    Map<String, Object> data = data(response, envelope(response, true));
    if (platform.hasPlatformKey()) platform.verifyQueryData(data);
    return read(response, Order::from, data, "data");
  }

  // ---------------------------------------------------------------------------------------------
  // Refunds

  /**
   * Refunds (part of) an order ({@code POST /orders/{id}/refunds}). Experimental: the gateway
   * documents only the heading (退款); the wire form is PayKit's proposal.
   *
   * @param orderId the id of the order to refund
   * @param params the refund to create
   * @return the refund the gateway created
   * @throws IllegalArgumentException if orderId is unsafe or params is null (nothing is sent)
   * @throws NetworkException if no answer arrived; when it may have reached the gateway the refund may
   *     exist and the request was not resent: check {@link #queryRefunds(String)} first
   * @throws PayKitException for a gateway or response failure
   */
  public Refund createRefund(String orderId, RefundParams params) {
    return createRefund(orderId, params, null);
  }

  /**
   * Refunds an order with per-request options; see {@link #createRefund(String, RefundParams)}.
   * Experimental: the gateway documents only the heading.
   *
   * @param orderId the id of the order to refund
   * @param params the refund to create
   * @param options per-request options, or null for the client's defaults
   * @return the refund the gateway created
   * @throws IllegalArgumentException if orderId is unsafe or params is null
   * @throws PayKitException as {@link #createRefund(String, RefundParams)}
   */
  public Refund createRefund(String orderId, RefundParams params, RequestOptions options) {
    Checks.id("orderId", orderId);
    Checks.notNull("params", params);
    ApiRequest request =
        post("/orders/" + orderId + "/refunds", "createRefund", options)
            .body(params.toParams())
            .build();
    ApiResponse response = sendOnce(request, REFUND_GUIDANCE);
    return object(response, envelope(response, false), Refund::from);
  }

  /**
   * Lists the refunds of an order ({@code GET /refunds?order_id=}). Experimental: the gateway
   * documents only the heading (查询退款).
   *
   * @param orderId the id of the order whose refunds to list
   * @return the order's refunds, as the gateway returned them
   * @throws IllegalArgumentException if orderId is null, empty or unsafe (nothing is sent)
   * @throws PayKitException for a network, gateway or response failure; reads are retry-safe
   */
  public List<Refund> queryRefunds(String orderId) {
    return queryRefunds(orderId, null);
  }

  /**
   * Lists the refunds of an order with per-request options; see {@link #queryRefunds(String)}.
   * Experimental: the gateway documents only the heading.
   *
   * @param orderId the id of the order whose refunds to list
   * @param options per-request options, or null for the client's defaults
   * @return the order's refunds, as the gateway returned them
   * @throws IllegalArgumentException if orderId is null, empty or unsafe
   * @throws PayKitException for a network, gateway or response failure
   */
  public List<Refund> queryRefunds(String orderId, RequestOptions options) {
    Checks.id("orderId", orderId);
    ApiRequest request = get("/refunds", "queryRefunds", options).query("order_id", orderId).build();
    ApiResponse response = transport.execute(request);
    return list(response, envelope(response, false), Refund::from);
  }

  // ---------------------------------------------------------------------------------------------
  // Sold items

  /**
   * Lists sold items one numbered page at a time ({@code GET /sold}); {@link Page#autoPagingIterable()}
   * walks the following pages lazily. A page has more when {@code page × page_size < total}; without
   * a {@code total}, when it came back full. Experimental: the gateway documents only the heading
   * (已售商品 / 查询已售).
   *
   * <pre>{@code
   * for (SoldItem item : client.listSold(SoldQueryParams.builder().build()).autoPagingIterable()) { ... }
   * }</pre>
   *
   * @param params the filter and the first page to fetch
   * @return the first requested page of sold items
   * @throws IllegalArgumentException if params is null (nothing is sent)
   * @throws PayKitException for a network, gateway or response failure (also while paging)
   */
  public Page<SoldItem> listSold(SoldQueryParams params) {
    return listSold(params, null);
  }

  /**
   * Lists sold items with per-request options, which later pages reuse; see {@link
   * #listSold(SoldQueryParams)}. Experimental: the gateway documents only the heading.
   *
   * @param params the filter and the first page to fetch
   * @param options per-request options, or null for the client's defaults; later pages reuse them
   * @return the first requested page of sold items
   * @throws IllegalArgumentException if params is null
   * @throws PayKitException for a network, gateway or response failure
   */
  public Page<SoldItem> listSold(SoldQueryParams params, RequestOptions options) {
    Checks.notNull("params", params);
    return fetchSold(params, params.getPage(), false, options);
  }

  Page<SoldItem> fetchSold(
      SoldQueryParams params, int page, boolean backward, RequestOptions options) {
    ApiRequest request = get("/sold", "listSold", options).query(params.toParams(page)).build();
    ApiResponse response = transport.execute(request);
    Envelope envelope = envelope(response, false);
    List<SoldItem> items = list(response, envelope, SoldItem::from);
    int size = params.getPageSize();
    boolean hasMore;
    if (backward) {
      hasMore = page > 1;
    } else if (envelope.total != null) {
      hasMore = (long) page * size < envelope.total;
    } else {
      hasMore = items.size() >= size;
    }
    return Page.of(
        items,
        hasMore,
        backward,
        new Page.Fetcher<SoldItem>() {
          @Override
          public Page<SoldItem> fetchNext() {
            return fetchSold(params, page + 1, false, options);
          }

          @Override
          public Page<SoldItem> fetchPrevious() {
            return page > 1 ? fetchSold(params, page - 1, true, options) : Page.<SoldItem>empty(true);
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Channels

  /**
   * Adds a payment channel ({@code POST /channels}). Experimental: the gateway documents only the
   * heading (添加渠道).
   *
   * @param params the channel to add
   * @return the channel the gateway created
   * @throws IllegalArgumentException if params is null (nothing is sent)
   * @throws NetworkException if no answer arrived; when it may have reached the gateway the channel may
   *     exist and the request was not resent: check {@link #queryChannels()} first
   * @throws PayKitException for a gateway or response failure
   */
  public PaymentChannel addChannel(ChannelParams params) {
    return addChannel(params, null);
  }

  /**
   * Adds a payment channel with per-request options; see {@link #addChannel(ChannelParams)}.
   * Experimental: the gateway documents only the heading.
   *
   * @param params the channel to add
   * @param options per-request options, or null for the client's defaults
   * @return the channel the gateway created
   * @throws IllegalArgumentException if params is null
   * @throws PayKitException as {@link #addChannel(ChannelParams)}
   */
  public PaymentChannel addChannel(ChannelParams params, RequestOptions options) {
    Checks.notNull("params", params);
    ApiRequest request = post("/channels", "addChannel", options).body(params.toParams()).build();
    ApiResponse response = sendOnce(request, CHANNEL_GUIDANCE);
    return object(response, envelope(response, false), PaymentChannel::from);
  }

  /**
   * Deletes a payment channel ({@code DELETE /channels/{id}}); deleting twice has the effect of
   * deleting once, so it is retried like a read. Experimental: the gateway documents only the heading
   * (删除渠道).
   *
   * @param channelId the id of the channel to delete
   * @throws IllegalArgumentException if channelId is null, empty or unsafe (nothing is sent)
   * @throws PayKitException for a network, gateway or response failure
   */
  public void deleteChannel(String channelId) {
    deleteChannel(channelId, null);
  }

  /**
   * Deletes a payment channel with per-request options; see {@link #deleteChannel(String)}.
   * Experimental: the gateway documents only the heading.
   *
   * @param channelId the id of the channel to delete
   * @param options per-request options, or null for the client's defaults
   * @throws IllegalArgumentException if channelId is null, empty or unsafe
   * @throws PayKitException for a network, gateway or response failure
   */
  public void deleteChannel(String channelId, RequestOptions options) {
    Checks.id("channelId", channelId);
    ApiRequest request =
        ApiRequest.builder(ApiRequest.Method.DELETE, "/channels/" + channelId, "deleteChannel")
            .options(options)
            .idempotent(true)
            .query("app_id", appId)
            .build();
    envelope(transport.execute(request), false);
  }

  /**
   * Lists all payment channels ({@code GET /channels}). Experimental: the gateway documents only the
   * heading (查询渠道).
   *
   * @return all payment channels, as the gateway returned them
   * @throws PayKitException for a network, gateway or response failure; reads are retry-safe
   */
  public List<PaymentChannel> queryChannels() {
    return channels(null, null);
  }

  /**
   * Lists all payment channels with per-request options. Experimental: the gateway documents only the
   * heading (查询渠道).
   *
   * @param options per-request options, or null for the client's defaults
   * @return all payment channels, as the gateway returned them
   * @throws PayKitException for a network, gateway or response failure
   */
  public List<PaymentChannel> queryChannels(RequestOptions options) {
    return channels(null, options);
  }

  /**
   * Lists the payment channels serving one {@code pay_type}. Experimental: the gateway documents only
   * the heading (查询渠道).
   *
   * @param payType the {@code pay_type} to filter by, not negative
   * @return the channels serving that pay type
   * @throws IllegalArgumentException if payType is negative (nothing is sent)
   * @throws PayKitException for a network, gateway or response failure
   */
  public List<PaymentChannel> queryChannels(int payType) {
    return queryChannels(payType, null);
  }

  /**
   * Lists the payment channels serving one {@code pay_type}, with per-request options. Experimental:
   * the gateway documents only the heading.
   *
   * @param payType the {@code pay_type} to filter by, not negative
   * @param options per-request options, or null for the client's defaults
   * @return the channels serving that pay type
   * @throws IllegalArgumentException if payType is negative
   * @throws PayKitException for a network, gateway or response failure
   */
  public List<PaymentChannel> queryChannels(int payType, RequestOptions options) {
    Checks.nonNegative("payType", payType);
    return channels(payType, options);
  }

  private List<PaymentChannel> channels(Integer payType, RequestOptions options) {
    ApiRequest request = get("/channels", "queryChannels", options).query("pay_type", payType).build();
    ApiResponse response = transport.execute(request);
    return list(response, envelope(response, false), PaymentChannel::from);
  }

  // ---------------------------------------------------------------------------------------------
  // Bills

  /**
   * Fetches the settlement bill of one day ({@code GET /bills?date=yyyy-MM-dd}). Experimental: the
   * gateway documents only the heading (清算 / 账单查询).
   *
   * @param date a day not after today at Asia/Shanghai, by this client's clock
   * @return the bill of that day
   * @throws IllegalArgumentException if date is null or in the future (nothing is sent)
   * @throws PayKitException for a network, gateway or response failure; reads are retry-safe
   */
  public Bill queryBill(LocalDate date) {
    return queryBill(date, null);
  }

  /**
   * Fetches a day's bill with per-request options; see {@link #queryBill(LocalDate)}. Experimental:
   * the gateway documents only the heading.
   *
   * @param date a day not after today at Asia/Shanghai, by this client's clock
   * @param options per-request options, or null for the client's defaults
   * @return the bill of that day
   * @throws IllegalArgumentException if date is null or in the future
   * @throws PayKitException for a network, gateway or response failure
   */
  public Bill queryBill(LocalDate date, RequestOptions options) {
    Checks.notNull("date", date);
    LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
    if (date.isAfter(today)) {
      throw new IllegalArgumentException("date must not be in the future: " + date + " > " + today);
    }
    ApiRequest request =
        get("/bills", "queryBill", options)
            .query("date", DateTimeFormatter.ISO_LOCAL_DATE.format(date))
            .build();
    ApiResponse response = transport.execute(request);
    return object(response, envelope(response, false), Bill::from);
  }

  // ---------------------------------------------------------------------------------------------
  // Token

  /**
   * Fetches a new access token ({@code POST /token} with {@code app_id} and a 10-digit {@code
   * timestamp}, signed). With {@link Builder#autoToken()} the client does this by itself, caching the
   * token, replacing it 60 s before it expires and after a 401; this method always asks the gateway
   * and does not touch that cache. Experimental: the gateway documents only the heading (获取Token).
   *
   * @return the new token, with its expiry when the gateway gave one
   * @throws PayKitException for a network, gateway or response failure, or a token that cannot travel
   *     in an HTTP header
   */
  public AccessToken fetchToken() {
    return fetchToken(null);
  }

  /**
   * Fetches a new access token with per-request options; see {@link #fetchToken()}. Experimental: the
   * gateway documents only the heading.
   *
   * @param options per-request options, or null for the client's defaults
   * @return the new token, with its expiry when the gateway gave one
   * @throws PayKitException for a network, gateway or response failure
   */
  public AccessToken fetchToken(RequestOptions options) {
    Instant issued = clock.instant();
    // A token request moves no money; sending it twice at worst issues a second token.
    ApiRequest request =
        post(TOKEN_PATH, "fetchToken", options)
            .body("timestamp", issued.getEpochSecond())
            .idempotent(true)
            .build();
    ApiResponse response = transport.execute(request);
    Map<String, Object> data = data(response, envelope(response, false));
    String value = Wire.string(data, "access_token");
    if (value == null || value.isEmpty()) {
      throw transport.invalidResponse(response, "data has no access_token", null);
    }
    try {
      ApiRequest.checkHeader(TOKEN_HEADER, value);
    } catch (IllegalArgumentException e) {
      throw transport.invalidResponse(
          response, "access_token has characters an HTTP header cannot carry", null);
    }
    Long expiresIn =
        read(response, (item, path) -> Wire.longValue(item, "expires_in", path), data, "data");
    Instant expiresAt = expiresIn == null || expiresIn < 0 ? null : issued.plusSeconds(expiresIn);
    return AccessToken.of(value, expiresAt);
  }

  // ---------------------------------------------------------------------------------------------
  // Notifications

  /**
   * Verifies a payment notification (the form 聚易付 POSTs to {@code notify_url}) and returns it.
   * The signing string is every received field except {@code sign}, {@code sign_type} and {@code
   * pay_type}, sorted, {@code k=v&…} with the values as received; {@code sign_type=1} is checked as
   * MD5 with this client's secret appended directly, {@code sign_type=2} as SHA1withRSA with the
   * configured platform public key. A sign_type this client holds no key for is rejected. Answer
   * {@link Notification#REPLY_SUCCESS} only after the order is handled.
   *
   * @param formParams the decoded form fields, one value per name
   * @return the verified notification
   * @throws IllegalArgumentException if formParams is null
   * @throws SignatureVerificationException if the sign or sign_type is missing, the sign_type is
   *     unknown or has no key here, or the signature does not match: treat it as forged
   */
  public Notification verifyNotification(Map<String, String> formParams) {
    Checks.notNull("formParams", formParams);
    int signType = platform.verifyNotification(formParams);
    return new Notification(formParams, signType);
  }

  @Override
  public String toString() {
    return "JuyifuClient{appId=" + appId + ", baseUrl=" + baseUrl + ", signType="
        + signer.algorithm() + ", token=" + tokenMode + "}";
  }

  // ---------------------------------------------------------------------------------------------
  // Plumbing

  private ApiRequest.Builder get(String path, String operation, RequestOptions options) {
    return ApiRequest.builder(ApiRequest.Method.GET, path, operation)
        .options(options)
        .query("app_id", appId);
  }

  private ApiRequest.Builder post(String path, String operation, RequestOptions options) {
    return ApiRequest.builder(ApiRequest.Method.POST, path, operation)
        .options(options)
        .bodyEncoding(ApiRequest.BodyEncoding.FORM)
        .body("app_id", appId);
  }

  /**
   * The transport step that puts the access token in the {@link #TOKEN_HEADER} header: the fixed
   * token, or one from the token cache that is replaced after the gateway answers 401, with the
   * request sent once more. The token request itself carries no token. A method rather than an
   * interceptor class: one class fewer in the jar.
   */
  private ApiResponse authorize(Interceptor.Chain chain) {
    ApiRequest request = chain.request();
    if (request.path().equals(TOKEN_PATH) || (fixedToken == null && tokenCache == null)) {
      return chain.proceed(request);
    }
    if (fixedToken != null) return chain.proceed(withToken(request, fixedToken));
    AccessToken token = cachedToken(request);
    ApiResponse response = chain.proceed(withToken(request, token));
    if (response.status() != 401) return response;
    // A 401 means the gateway refused the request before acting on it, so sending it once more with a
    // fresh token is safe even for a create. invalidate() ignores a token another thread already
    // replaced, so a burst of 401s causes one fetch.
    tokenCache.invalidate(token);
    return chain.proceed(withToken(request, cachedToken(request)));
  }

  /**
   * Gets a token before the request goes out. A network failure of the token call is reported as
   * one of this request that never left, so a create is not mistaken for one that may have arrived.
   */
  private AccessToken cachedToken(ApiRequest request) {
    try {
      return tokenCache.get();
    } catch (NetworkException e) {
      Throwable cause = e.getCause();
      throw new NetworkException(
          request.operation() + " was not sent: fetching the access token failed ("
              + e.getMessage() + ")",
          cause instanceof IOException ? (IOException) cause : null,
          false,
          true);
    }
  }

  private static ApiRequest withToken(ApiRequest request, AccessToken token) {
    return request.newBuilder().header(TOKEN_HEADER, token.getValue()).build();
  }

  /** Sends a create once; if it may have reached the gateway, says so and how to reconcile. */
  private ApiResponse sendOnce(ApiRequest request, String guidance) {
    try {
      return transport.execute(request);
    } catch (NetworkException e) {
      if (!e.mayHaveReachedServer()) throw e;
      Throwable cause = e.getCause();
      throw new NetworkException(
          e.getMessage() + ". " + guidance,
          cause instanceof IOException ? (IOException) cause : null,
          true,
          false);
    }
  }

  /** Reads the envelope of a response, or throws the error it carries. */
  private Envelope envelope(ApiResponse response, boolean legacyQuery) {
    if (!response.isSuccessful()) throw httpError(response);
    Object tree = transport.parseJson(response, JsonTree.ADAPTER);
    if (!(tree instanceof Map)) {
      throw transport.invalidResponse(response, "expected a JSON object", null);
    }
    Envelope envelope = Envelope.of(Wire.object(tree));
    if (!envelope.hasCode()) {
      // The 2014 query's success code is undocumented: data present (and verified) is success.
      if (legacyQuery && envelope.data instanceof Map) return envelope;
      throw transport.invalidResponse(response, "response has no code", null);
    }
    if (!envelope.isSuccess()) {
      JuyifuErrorCode errorCode = JuyifuErrorCode.fromCode(envelope.code);
      throw new JuyifuApiException(
          response.status(),
          envelope.code,
          errorCode,
          envelope.message == null ? null : transport.redact(envelope.message),
          response.requestId(),
          response.request().idempotent() || errorCode.isRefusal());
    }
    return envelope;
  }

  private ApiException httpError(ApiResponse response) {
    Envelope parsed = lenientEnvelope(response.body());
    String code = parsed == null || !parsed.hasCode() ? null : parsed.code;
    String message = parsed == null ? null : parsed.message;
    JuyifuErrorCode errorCode = JuyifuErrorCode.fromCode(code);
    ApiException base =
        transport.apiError(response, code, code == null ? null : errorCode.name(), message, null);
    if (base instanceof AuthenticationException || base instanceof RateLimitException) return base;
    return new JuyifuApiException(
        base.getHttpStatus(),
        code,
        errorCode,
        base.getGatewayMessage(),
        base.getRequestId(),
        base.isRetrySafe());
  }

  private static Envelope lenientEnvelope(String body) {
    String trimmed = body.trim();
    if (!trimmed.startsWith("{")) return null;
    try {
      Object tree = JsonTree.ADAPTER.fromJson(trimmed);
      return tree instanceof Map ? Envelope.of(Wire.object(tree)) : null;
    } catch (IOException | RuntimeException e) {
      // An error page that is not an envelope: the HTTP status alone says what happened.
      return null;
    }
  }

  private interface ItemReader<T> {
    T read(Map<String, Object> item, String path) throws Wire.WireException;
  }

  /** Reads one item; a shape the model cannot take is an invalid response. */
  private <T> T read(
      ApiResponse response, ItemReader<T> reader, Map<String, Object> item, String path) {
    try {
      return reader.read(item, path);
    } catch (Wire.WireException e) {
      throw transport.invalidResponse(response, "unexpected JSON: " + e.getMessage(), null);
    }
  }

  /** Returns the envelope's data, which must be an object. */
  private Map<String, Object> data(ApiResponse response, Envelope envelope) {
    if (!(envelope.data instanceof Map)) {
      throw transport.invalidResponse(response, "expected data to be an object", null);
    }
    return Wire.object(envelope.data);
  }

  private <T> T object(ApiResponse response, Envelope envelope, ItemReader<T> reader) {
    return read(response, reader, data(response, envelope), "data");
  }

  private <T> List<T> list(ApiResponse response, Envelope envelope, ItemReader<T> reader) {
    if (envelope.data == null) return Collections.emptyList();
    if (!(envelope.data instanceof List)) {
      throw transport.invalidResponse(response, "expected data to be an array", null);
    }
    List<?> raw = (List<?>) envelope.data;
    List<T> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Object item = raw.get(i);
      String path = "data[" + i + "]";
      if (!(item instanceof Map)) {
        throw transport.invalidResponse(response, "expected an object at " + path, null);
      }
      out.add(read(response, reader, Wire.object(item), path));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Builds a {@link JuyifuClient}. Not thread-safe. Exactly one signing choice is required; keys are
   * parsed once, at {@link #build()}.
   */
  public static final class Builder {
    long appId;
    private boolean appIdSet;
    String baseUrl = DEFAULT_BASE_URL;
    private String md5Secret;
    private String rsaPrivateKey;
    private String rsa2PrivateKey;
    private String sm2PrivateKey;
    private String platformPublicKey;
    String accessToken;
    boolean autoToken;
    OkHttpClient okHttpClient;
    Duration connectTimeout;
    Duration readTimeout;
    Duration writeTimeout;
    Duration callTimeout;
    Integer maxRetries;
    Sleeper sleeper = Sleeper.SYSTEM;
    Clock clock = Clock.systemUTC();
    boolean allowInsecureHttp;

    Builder() {}

    /**
     * Sets the app id sent as {@code app_id} (and {@code app_key} on the 2014 query). Required.
     *
     * @param appId the merchant app id, positive
     * @return this builder
     */
    public Builder appId(long appId) {
      this.appId = appId;
      this.appIdSet = true;
      return this;
    }

    /**
     * Sets the base URL (default {@value JuyifuClient#DEFAULT_BASE_URL}).
     *
     * @param baseUrl the gateway's base URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Signs with MD5 and this secret ({@code sign_type=1}); also checks MD5 notifications.
     *
     * @param secret the MD5 signing secret
     * @return this builder
     */
    public Builder md5Secret(String secret) {
      this.md5Secret = secret;
      return this;
    }

    /**
     * Signs with SHA1withRSA ({@code sign_type=2}) and this merchant private key (PKCS#8 or PKCS#1
     * PEM, or bare Base64 DER).
     *
     * @param pem the merchant RSA private key
     * @return this builder
     */
    public Builder rsaPrivateKey(String pem) {
      this.rsaPrivateKey = pem;
      return this;
    }

    /**
     * Signs with SHA256withRSA ({@code sign_type=3}, PROPOSED extension) and this private key.
     *
     * @param pem the merchant RSA private key
     * @return this builder
     */
    public Builder rsa2PrivateKey(String pem) {
      this.rsa2PrivateKey = pem;
      return this;
    }

    /**
     * Signs with SM3withSM2 ({@code sign_type=4}, PROPOSED extension; needs BouncyCastle) and this
     * private key (PKCS#8 or SEC1 PEM, or the 64-hex-digit scalar).
     *
     * @param pemOrHex the merchant SM2 private key
     * @return this builder
     */
    public Builder sm2PrivateKey(String pemOrHex) {
      this.sm2PrivateKey = pemOrHex;
      return this;
    }

    /**
     * Sets 聚易付's RSA public key (X.509 or PKCS#1 PEM, or Base64 DER), used to verify the 2014 order
     * query's {@code data} and RSA notifications ({@code sign_type=2}).
     *
     * @param pem 聚易付's RSA public key
     * @return this builder
     */
    public Builder platformPublicKey(String pem) {
      this.platformPublicKey = pem;
      return this;
    }

    /**
     * Sends this access token in the {@code access_token} header of every request.
     *
     * @param token the access token
     * @return this builder
     */
    public Builder accessToken(String token) {
      this.accessToken = token;
      return this;
    }

    /**
     * Fetches the access token with {@link JuyifuClient#fetchToken()} when first needed, caches it,
     * replaces it 60 s before it expires, and after a 401 replaces it and sends the request once more.
     * However many threads ask at once, one token request runs at a time.
     *
     * @return this builder
     */
    public Builder autoToken() {
      this.autoToken = true;
      return this;
    }

    /**
     * Uses the caller's OkHttp client (proxy, pool, pinning); PayKit derives its own from it.
     *
     * @param client the OkHttp client to derive from
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = client;
      return this;
    }

    /**
     * Sets the connect timeout (default 10 s).
     *
     * @param timeout the connect timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * Sets the read timeout (default 30 s).
     *
     * @param timeout the read timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /**
     * Sets the write timeout (default 30 s).
     *
     * @param timeout the write timeout
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = timeout;
      return this;
    }

    /**
     * Sets the timeout of one whole attempt (default 60 s).
     *
     * @param timeout the timeout of one attempt
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout;
      return this;
    }

    /**
     * Sets how many times a safe request is retried (default 2; 0 disables).
     *
     * @param maxRetries the number of retries
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets how the client waits between retries; for tests and custom schedulers.
     *
     * @param sleeper the sleeper to wait with
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Sets the clock for token timestamps and expiry, the bill date check and {@code Retry-After}
     * dates (default: the system clock).
     *
     * @param clock the clock to use
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Allows a plain-HTTP base URL on a non-loopback host, such as a QA environment.
     *
     * @return this builder
     */
    public Builder allowInsecureHttp() {
      this.allowInsecureHttp = true;
      return this;
    }

    /**
     * Returns the client.
     *
     * @return a new client with this builder's settings
     * @throws IllegalArgumentException naming the field, if appId is missing or not positive, not
     *     exactly one signing choice was made, a key cannot be parsed (the key is never printed),
     *     both accessToken and autoToken are set, the access token cannot travel in a header, or a
     *     transport setting is invalid (such as a plain-HTTP base URL)
     * @throws IllegalStateException if an SM2 key is given and BouncyCastle is not on the classpath
     */
    public JuyifuClient build() {
      if (!appIdSet) throw new IllegalArgumentException("appId is required");
      Checks.positive("appId", appId);
      int choices = (md5Secret != null ? 1 : 0) + (rsaPrivateKey != null ? 1 : 0)
          + (rsa2PrivateKey != null ? 1 : 0) + (sm2PrivateKey != null ? 1 : 0);
      if (choices != 1) {
        throw new IllegalArgumentException(
            "exactly one of md5Secret, rsaPrivateKey, rsa2PrivateKey, sm2PrivateKey is required; "
                + choices + " given");
      }
      if (accessToken != null && autoToken) {
        throw new IllegalArgumentException("accessToken and autoToken are exclusive; choose one");
      }
      if (accessToken != null) {
        if (accessToken.isEmpty()) throw new IllegalArgumentException("accessToken must not be empty");
        ApiRequest.checkHeader(TOKEN_HEADER, accessToken);
      }
      if (sleeper == null) throw new IllegalArgumentException("sleeper is required");
      if (clock == null) throw new IllegalArgumentException("clock is required");
      if (baseUrl == null) throw new IllegalArgumentException("baseUrl is required");
      RequestSigner signer = signer();
      PublicKey platformKey = null;
      if (platformPublicKey != null) {
        try {
          platformKey = Keys.rsaPublicKey(platformPublicKey);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("platformPublicKey: " + e.getMessage(), e);
        }
      }
      return new JuyifuClient(this, signer, platformKey);
    }

    private RequestSigner signer() {
      if (md5Secret != null) {
        if (md5Secret.trim().isEmpty()) {
          throw new IllegalArgumentException("md5Secret must not be empty");
        }
        return RequestSigner.md5(md5Secret);
      }
      if (rsaPrivateKey != null) return RequestSigner.rsa(rsaKey("rsaPrivateKey", rsaPrivateKey));
      if (rsa2PrivateKey != null) return RequestSigner.rsa2(rsaKey("rsa2PrivateKey", rsa2PrivateKey));
      PrivateKey key;
      try {
        key = Keys.sm2PrivateKey(sm2PrivateKey);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("sm2PrivateKey: " + e.getMessage(), e);
      }
      return RequestSigner.sm2(key);
    }

    private static PrivateKey rsaKey(String field, String pem) {
      try {
        return Keys.rsaPrivateKey(pem);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
      }
    }
  }
}
