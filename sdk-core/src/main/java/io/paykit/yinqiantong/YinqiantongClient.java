package io.paykit.yinqiantong;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.paykit.ApiException;
import io.paykit.AuthenticationException;
import io.paykit.InvalidResponseException;
import io.paykit.NetworkException;
import io.paykit.PayKitException;
import io.paykit.RateLimitException;
import io.paykit.SignatureVerificationException;
import io.paykit.http.ApiRequest;
import io.paykit.http.ApiResponse;
import io.paykit.http.Sleeper;
import io.paykit.http.Transport;
import io.paykit.json.PayKitJson;
import io.paykit.sign.Verifier;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 银钱通 (Yinqiantong) client: create and query orders, verify payment notifications.
 *
 * <pre>{@code
 * YinqiantongClient client = YinqiantongClient.builder().appId("00000000").appSecret(secret).build();
 * Order order = client.createOrder(params);          // order.getPayBody() goes to the payer
 * OrderState state = client.queryOrder("A20190101001");
 * }</pre>
 *
 * <p>Two protocol generations are spoken, one per client: {@link YinqiantongProtocol#V2} (the default;
 * {@code appid}, {@code ts} and {@code sign} in the body, JSON or, with {@link Builder#formEncoding()},
 * a form) and {@link YinqiantongProtocol#V1} (the seed's generation; {@code appid}, {@code appkey},
 * {@code ts} and {@code sign} headers, string enums). {@code ts} comes from the configured clock.
 *
 * <p>Immutable and thread-safe: build one and share it. Its {@code toString()} never shows the secret.
 */
public final class YinqiantongClient {
  private static final Logger LOG = LoggerFactory.getLogger("io.paykit.yinqiantong");

  /** How far a notification's {@code ts} may be from now, in seconds (exclusive). */
  static final long NOTIFICATION_TOLERANCE_SECONDS = 86_400;
  /** Notifications larger than this are refused unread. */
  static final int MAX_NOTIFICATION_CHARS = 1024 * 1024;
  static final Duration INITIAL_RESEND_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_RESEND_BACKOFF = Duration.ofSeconds(5);
  private static final int MAX_OUT_TRADE_NO = 64;
  static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7e]+");

  private final YinqiantongProtocol protocol;
  private final String appId;
  private final String appKey;
  private final String appSecret;
  private final ApiRequest.BodyEncoding bodyEncoding;
  private final Clock clock;
  private final Sleeper sleeper;
  private final int maxRetries;
  private final SigningInterceptor signer;
  private final Transport transport;

  YinqiantongClient(Builder b) {
    this.protocol = b.protocol;
    this.appId = b.appId;
    this.appKey = b.protocol == YinqiantongProtocol.V1 ? b.appKey : null;
    this.appSecret = b.appSecret;
    this.bodyEncoding = b.formEncoding ? ApiRequest.BodyEncoding.FORM : ApiRequest.BodyEncoding.JSON;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.maxRetries = b.maxRetries;
    this.signer = new SigningInterceptor(appId, appKey, appSecret, clock);
    Transport.Builder t =
        Transport.builder("yinqiantong")
            .baseUrl(b.baseUrl != null ? b.baseUrl : protocol.getDefaultBaseUrl())
            .secret(appSecret)
            .secret(appKey)
            .clock(clock)
            .sleeper(sleeper)
            .maxRetries(maxRetries);
    // V1 signs every request in headers; V2 signs only the create body, as createRequest builds it.
    if (protocol == YinqiantongProtocol.V1) t.addInterceptor(signer);
    if (b.okHttpClient != null) t.okHttpClient(b.okHttpClient);
    if (b.connectTimeout != null) t.connectTimeout(b.connectTimeout);
    if (b.readTimeout != null) t.readTimeout(b.readTimeout);
    if (b.writeTimeout != null) t.writeTimeout(b.writeTimeout);
    if (b.callTimeout != null) t.callTimeout(b.callTimeout);
    if (b.allowInsecureHttp) t.allowInsecureHttp();
    this.transport = t.build();
  }

  /**
   * Returns a new builder; protocol V2 unless {@link Builder#protocol} says otherwise.
   *
   * @return a new, unconfigured builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the protocol generation this client speaks.
   *
   * @return the protocol generation
   */
  public YinqiantongProtocol getProtocol() {
    return protocol;
  }

  /**
   * Returns the app id.
   *
   * @return the app id
   */
  public String getAppId() {
    return appId;
  }

  // ---------------------------------------------------------------------------------------- create

  /**
   * Creates an order ({@code POST /order}) and returns it with its {@code pay_body}; never creates two
   * orders for one call, whatever the network does.
   *
   * <p>{@code client_out_trade_no} is unique per app at the gateway, and the client uses that to
   * reconcile: after an <em>ambiguous</em> failure (the connection failed after the request may have
   * been sent, HTTP 3xx, 408, 409 or 5xx, business code 4500, or a response it cannot read, such as an
   * HTML page or a code 200 without {@code out_trade_no} or {@code pay_body}) it queries the order
   * by {@code clientOutTradeNo} before anything else. Outcomes:
   *
   * <ul>
   *   <li>the gateway answers code 200: the {@link Order};
   *   <li>the query finds the order (any state but {@link OrderState#NOT_FOUND}), or a resend is
   *       answered 4409 (the earlier attempt landed after all), or the first attempt is answered 4409
   *       (the number was used before): {@link OrderAlreadyExistsException}, not retry-safe, with the
   *       state the query found. Exactly one order exists but its {@code pay_body} is lost (only the
   *       create response carries it); see that exception for what to do;
   *   <li>the query says {@link OrderState#NOT_FOUND}: the same request (same {@code ts} and
   *       signature) is sent again, at most {@code maxRetries} times, each followed by the same
   *       reconciliation; when they are used up, the last failure is thrown. The order did not exist
   *       at the last query, so calling {@code createOrder} again with the same parameters stays safe:
   *       a late arrival of an earlier attempt would turn into {@link OrderAlreadyExistsException};
   *   <li>the reconciling query itself fails: the original failure is thrown, not retry-safe, with the
   *       query's failure attached as suppressed. Whether the order exists is unknown: query it later
   *       (or call {@code createOrder} again with the same {@code clientOutTradeNo}, which is
   *       reconciled the same way) and never switch to a new {@code clientOutTradeNo} before knowing;
   *   <li>the gateway refuses the request (4403 bad signature, 4414 bad parameters, 4404): {@link
   *       YinqiantongApiException}, retry-safe, nothing was created; an unknown business code:
   *       {@link YinqiantongApiException}, not retry-safe;
   *   <li>HTTP 401, 429 or another 4xx refusal: {@link AuthenticationException}, {@link
   *       RateLimitException} or {@link ApiException}, retry-safe, nothing was created;
   *   <li>the request provably never left (the connection could not be opened, after the transport's
   *       own retries): {@link NetworkException}, retry-safe.
   * </ul>
   *
   * @param params the order to create
   * @return the created order, with its pay body
   * @throws IllegalArgumentException if {@code params} is null or, in V1, the channel has no V1 value
   *     ({@link Channel#QQ}, {@link Channel#JD}); nothing is sent
   * @throws OrderAlreadyExistsException if the order exists and this call did not get its pay body
   * @throws YinqiantongApiException if the gateway answered with a business error code
   * @throws ApiException if the gateway answered with an HTTP error status
   * @throws NetworkException if no answer came and reconciliation did not settle the outcome
   * @throws InvalidResponseException if the answer could not be read and reconciliation did not settle
   *     the outcome
   */
  public Order createOrder(CreateOrderParams params) {
    if (params == null) throw new IllegalArgumentException("params == null");
    if (protocol == YinqiantongProtocol.V1 && params.getChannel().getV1Value() == null) {
      throw new IllegalArgumentException(
          "channel " + params.getChannel() + " is not available in protocol V1");
    }
    ApiRequest request = createRequest(params);
    String no = params.getClientOutTradeNo();
    for (int resends = 0; ; resends++) {
      PayKitException failure;
      try {
        return readCreated(transport.execute(request), params, resends > 0);
      } catch (OrderAlreadyExistsException e) {
        throw e;
      } catch (PayKitException e) {
        if (!isAmbiguous(e)) throw e;
        failure = e;
      }
      LOG.warn("createOrder {}: outcome unknown ({}); querying before any resend", no,
          failure.getClass().getSimpleName());
      OrderState state;
      try {
        state = queryOrder(no);
      } catch (PayKitException queryFailure) {
        failure.addSuppressed(queryFailure);
        throw failure;
      }
      if (state != OrderState.NOT_FOUND) {
        OrderAlreadyExistsException exists =
            new OrderAlreadyExistsException(
                200, no, state, "an attempt of this call reached the gateway before failing", null);
        exists.addSuppressed(failure);
        throw exists;
      }
      if (resends >= maxRetries || !pause(resends)) throw failure;
      LOG.info("createOrder {}: not found at the gateway, sending again", no);
    }
  }

  ApiRequest createRequest(CreateOrderParams p) {
    boolean v2 = protocol == YinqiantongProtocol.V2;
    long ts = SigningInterceptor.epochSeconds(clock);
    String channel = v2 ? p.getChannel().wireCode : p.getChannel().getV1Value();
    String platform = v2 ? p.getPlatform().wireCode : p.getPlatform().getV1Value();
    ApiRequest.Builder b =
        ApiRequest.builder(ApiRequest.Method.POST, "/order", "createOrder").bodyEncoding(bodyEncoding);
    if (v2) {
      b.body("appid", appId).body("ts", ts);
    } else {
      b.header("ts", Long.toString(ts));
    }
    b.body("client_out_trade_no", p.getClientOutTradeNo())
        .body("channel", channel)
        .body("platform", platform)
        .body("money", p.getMoney())
        .body("client_ip", p.getClientIp())
        .body("notify_url", p.getNotifyUrl())
        .body("open_id", p.getOpenId())
        .body("return_url", p.getReturnUrl())
        .body("subject", p.getSubject())
        .body("description", p.getDescription())
        .body("extra", p.getExtra());
    if (v2) {
      // The parameters of the body, in sorted name order; a test holds the sign to the canonical
      // string of the body as built, for random orders.
      b.body("sign", signer.v2Sign(
          "appid", appId,
          "channel", channel,
          "client_ip", p.getClientIp(),
          "client_out_trade_no", p.getClientOutTradeNo(),
          "description", p.getDescription(),
          "extra", p.getExtra(),
          "money", Long.toString(p.getMoney()),
          "notify_url", p.getNotifyUrl(),
          "open_id", p.getOpenId(),
          "platform", platform,
          "return_url", p.getReturnUrl(),
          "subject", p.getSubject(),
          "ts", Long.toString(ts)));
    }
    return b.build();
  }

  private Order readCreated(ApiResponse response, CreateOrderParams p, boolean resent) {
    FlatJson.Envelope env = readEnvelope(response);
    long code = code(response, env);
    if (code == 4409) {
      throw new OrderAlreadyExistsException(
          response.status(),
          p.getClientOutTradeNo(),
          OrderState.UNKNOWN,
          resent
              ? "the gateway answered 4409 to a resend: an earlier attempt of this call created it"
              : "the gateway answered 4409: the clientOutTradeNo was used before",
          response.requestId());
    }
    if (code != 200) {
      boolean refused = code == 4403 || code == 4404 || code == 4414;
      throw businessError(response, env, code, refused);
    }
    Map<String, String> data = env.data;
    if (data == null || Wire.isEmpty(data.get("out_trade_no"))) {
      throw transport.invalidResponse(response, "created order has no data.out_trade_no", null);
    }
    if (Wire.isEmpty(data.get("pay_body"))) {
      throw transport.invalidResponse(response, "created order has no data.pay_body", null);
    }
    Order.Builder o = Order.Builder.from(appId, p);
    o.outTradeNo = data.get("out_trade_no");
    o.payBody = data.get("pay_body");
    o.expireTime = epoch(data.get("expire_time"));
    if (protocol == YinqiantongProtocol.V1) {
      // V1 answers with the whole order; a member it leaves out or empty keeps the request's value.
      o.appId = or(data.get("app_id"), o.appId);
      o.clientOutTradeNo = or(data.get("client_out_trade_no"), o.clientOutTradeNo);
      if (!Wire.isEmpty(data.get("channel"))) o.channel = Channel.parse(data.get("channel"));
      if (!Wire.isEmpty(data.get("platform"))) o.platform = Platform.parse(data.get("platform"));
      if (!Wire.isEmpty(data.get("status"))) o.status = OrderStatus.parse(data.get("status"));
      Long money = Wire.integer(data.get("money"));
      if (money != null) o.money = money;
      o.clientIp = or(data.get("client_ip"), o.clientIp);
      o.openId = or(data.get("open_id"), o.openId);
      o.subject = or(data.get("subject"), o.subject);
      o.description = or(data.get("description"), o.description);
      o.extra = or(data.get("extra"), o.extra);
      o.notifyUrl = or(data.get("notify_url"), o.notifyUrl);
      o.returnUrl = or(data.get("return_url"), or(data.get("success_url"), o.returnUrl));
      o.payTime = epoch(data.get("pay_time"));
      o.createTime = epoch(data.get("create_time"));
    }
    return o.build();
  }

  /** Whether the gateway may have acted on a create that failed this way. */
  static boolean isAmbiguous(PayKitException e) {
    if (e instanceof NetworkException) return e.mayHaveReachedServer();
    if (e instanceof InvalidResponseException) return true;
    if (e instanceof YinqiantongApiException) {
      return ((YinqiantongApiException) e).getBusinessCode() == BusinessCode.SERVER_ERROR;
    }
    if (e instanceof OrderAlreadyExistsException) return false;
    // From the transport: 401, 429 and other 4xx refusals are retry-safe (nothing was acted on);
    // 3xx, 408, 409 and 5xx leave the outcome open.
    if (e instanceof ApiException) return !e.isRetrySafe();
    return false;
  }

  private boolean pause(int resend) {
    long millis = INITIAL_RESEND_BACKOFF.toMillis() << Math.min(resend, 10);
    try {
      sleeper.sleep(Duration.ofMillis(Math.min(millis, MAX_RESEND_BACKOFF.toMillis())));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  // ----------------------------------------------------------------------------------------- query

  /**
   * Queries an order by the merchant's order number ({@code GET /order?appid=…&client_out_trade_no=…}).
   * Reads are retried by the transport after network failures, 408, 429 and 5xx.
   *
   * @param clientOutTradeNo the merchant's order number, 1 to 32 of {@code [0-9A-Za-z]}
   * @return the order's state; {@link OrderState#NOT_FOUND} when the gateway has no such order
   * @throws IllegalArgumentException if the number is not 1 to 32 of {@code [0-9A-Za-z]}; nothing is
   *     sent
   * @throws YinqiantongApiException for 4414 (bad parameters), 4500 (server error), 4403 or an unknown
   *     code; always retry-safe, a query being a read
   * @throws ApiException if the gateway answered with an HTTP error status
   * @throws NetworkException if no answer came
   * @throws InvalidResponseException if the answer could not be read
   */
  public OrderState queryOrder(String clientOutTradeNo) {
    checkNumber("clientOutTradeNo", clientOutTradeNo, CreateOrderParams.MAX_CLIENT_OUT_TRADE_NO);
    return query("client_out_trade_no", clientOutTradeNo);
  }

  /**
   * Queries an order by the gateway's order number ({@code GET /order?appid=…&out_trade_no=…}); see
   * {@link #queryOrder(String)}.
   *
   * @param outTradeNo the gateway's order number, 1 to 64 of {@code [0-9A-Za-z]}
   * @return the order's state; {@link OrderState#NOT_FOUND} when the gateway has no such order
   * @throws IllegalArgumentException if the number is not 1 to 64 of {@code [0-9A-Za-z]}; nothing is
   *     sent
   * @throws YinqiantongApiException for a business error code; always retry-safe
   * @throws ApiException if the gateway answered with an HTTP error status
   * @throws NetworkException if no answer came
   * @throws InvalidResponseException if the answer could not be read
   */
  public OrderState queryOrderByOutTradeNo(String outTradeNo) {
    checkNumber("outTradeNo", outTradeNo, MAX_OUT_TRADE_NO);
    return query("out_trade_no", outTradeNo);
  }

  private OrderState query(String name, String value) {
    long ts = SigningInterceptor.epochSeconds(clock);
    ApiRequest.Builder b =
        ApiRequest.builder(ApiRequest.Method.GET, "/order", "queryOrder")
            .query("appid", appId)
            .query(name, value);
    if (protocol == YinqiantongProtocol.V2) {
      // Not signed in V2; the gateway's Java SDK sends ts anyway, and it does no harm.
      b.query("ts", ts);
    } else {
      b.header("ts", Long.toString(ts));
    }
    ApiResponse response = transport.execute(b.build());
    FlatJson.Envelope env = readEnvelope(response);
    long code = code(response, env);
    if (protocol == YinqiantongProtocol.V1
        && code == 200
        && env.data != null
        && !Wire.isEmpty(env.data.get("status"))) {
      return OrderState.of(OrderStatus.parse(env.data.get("status")));
    }
    OrderState state = OrderState.ofCode(code);
    if (state != null) return state;
    throw businessError(response, env, code, true);
  }

  private static void checkNumber(String field, String value, int max) {
    if (value == null || value.isEmpty()) throw new IllegalArgumentException(field + " is required");
    if (value.length() > max || !Wire.isAlphanumeric(value)) {
      throw new IllegalArgumentException(field + " must be 1 to " + max + " characters of [0-9A-Za-z]");
    }
  }

  // ------------------------------------------------------------------------------------- responses

  private FlatJson.Envelope readEnvelope(ApiResponse response) {
    if (!response.isSuccessful()) {
      String code = null;
      String msg = null;
      try {
        FlatJson.Envelope env = transport.parseJson(response, FlatJson.ENVELOPE);
        code = env.code;
        msg = env.msg;
      } catch (InvalidResponseException notJson) {
        // An HTML error page or empty body: the status says enough.
      }
      throw transport.apiError(response, code, null, msg, null);
    }
    return transport.parseJson(response, FlatJson.ENVELOPE);
  }

  private long code(ApiResponse response, FlatJson.Envelope env) {
    Long code = Wire.integer(env.code);
    if (code == null) throw transport.invalidResponse(response, "response has no numeric code", null);
    return code;
  }

  private YinqiantongApiException businessError(
      ApiResponse response, FlatJson.Envelope env, long code, boolean retrySafe) {
    return new YinqiantongApiException(
        response.status(),
        code,
        env.msg == null ? null : transport.redact(env.msg),
        response.requestId(),
        retrySafe);
  }

  private static Instant epoch(String text) {
    Long v = Wire.integer(text);
    return v == null || v <= 0 ? null : PayKitJson.fromEpoch(v);
  }

  private static String or(String value, String fallback) {
    return Wire.isEmpty(value) ? fallback : value;
  }

  // --------------------------------------------------------------------------------- notifications

  /**
   * Verifies a V2 notification: the raw JSON body as received. Checks that {@code appid} is this
   * client's, that {@code |now − ts| < 86400 s}, and the signature over every received field but
   * {@code sign} (null and {@code ""} dropped, values exactly as received). Reply with {@link
   * NotificationReply#success()} once the order is handled. V2 rules apply whichever protocol this
   * client speaks.
   *
   * @param rawBody the notification's raw JSON body, exactly as received
   * @return the verified notification
   * @throws SignatureVerificationException naming the reason: a malformed body (not one flat JSON
   *     object, a repeated field), a missing {@code appid}, {@code ts} or {@code sign}, a foreign
   *     appid, a {@code ts} outside the window, a signature that does not match, or a missing or
   *     non-integer {@code out_trade_no}, {@code status} or {@code money}
   */
  public Notification verifyNotification(String rawBody) {
    Map<String, String> fields = parseNotification(rawBody);
    requirePresent("notification is missing", fields, "appid", "ts", "sign");
    checkAppId(fields.get("appid"));
    Instant ts = checkTimestamp(fields.get("ts"));
    if (!Verifier.md5().verify(SigningInterceptor.v2Content(fields, appSecret), fields.get("sign"))) {
      throw new SignatureVerificationException("notification signature does not match");
    }
    Map<String, String> unsigned = new LinkedHashMap<>(fields);
    unsigned.remove("sign");
    return notification(YinqiantongProtocol.V2, fields.get("appid"), ts, unsigned);
  }

  /**
   * Verifies a V1 notification: its headers (names in any case) and raw JSON body. Checks the {@code
   * appid} header (and {@code appkey} and the body's {@code app_id} when present) against this client,
   * that {@code |now − ts| < 86400 s}, and the {@code sign} header over the body fields (null and
   * {@code ""} dropped, values as received) followed by {@code &ts=<ts header>&app_secret=…}. Reply
   * with {@link NotificationReply#success()} once the order is handled. V1 rules apply whichever
   * protocol this client speaks; the {@code appkey} header is checked only when an app key is
   * configured.
   *
   * @param headers the notification's HTTP headers, names in any case
   * @param rawBody the notification's raw JSON body, exactly as received
   * @return the verified notification
   * @throws SignatureVerificationException naming the reason: missing headers, a malformed body, a
   *     foreign appid or appkey, a {@code ts} outside the window, a signature that does not match, or
   *     a missing or non-integer {@code out_trade_no}, {@code status} or {@code money}
   */
  public Notification verifyNotification(Map<String, String> headers, String rawBody) {
    Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey() != null && e.getValue() != null) h.put(e.getKey(), e.getValue().trim());
      }
    }
    requirePresent("notification is missing headers", h, "appid", "ts", "sign");
    Map<String, String> fields = parseNotification(rawBody);
    checkAppId(h.get("appid"));
    if (appKey != null && !Wire.isEmpty(h.get("appkey")) && !appKey.equals(h.get("appkey"))) {
      throw new SignatureVerificationException("notification appkey does not match this client");
    }
    if (!Wire.isEmpty(fields.get("app_id"))) checkAppId(fields.get("app_id"));
    String tsText = h.get("ts");
    Instant ts = checkTimestamp(tsText);
    if (!Verifier.md5().verify(SigningInterceptor.v1Content(fields, tsText, appSecret), h.get("sign"))) {
      throw new SignatureVerificationException("notification signature does not match");
    }
    return notification(YinqiantongProtocol.V1, h.get("appid"), ts, fields);
  }

  private static Map<String, String> parseNotification(String rawBody) {
    if (rawBody == null || rawBody.trim().isEmpty()) {
      throw new SignatureVerificationException("malformed notification: empty body");
    }
    if (rawBody.length() > MAX_NOTIFICATION_CHARS) {
      throw new SignatureVerificationException("malformed notification: body too large");
    }
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(rawBody));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new SignatureVerificationException("malformed notification: not a JSON object");
      }
      Map<String, String> fields = FlatJson.readObject(reader, true);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new SignatureVerificationException("malformed notification: data after the object");
      }
      return fields;
    } catch (JsonDataException e) {
      throw new SignatureVerificationException("malformed notification: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof SignatureVerificationException) throw (SignatureVerificationException) e;
      throw new SignatureVerificationException("malformed notification: not valid JSON", e);
    }
  }

  private static void requirePresent(String what, Map<String, String> map, String... names) {
    List<String> missing = new ArrayList<>();
    for (String n : names) {
      if (Wire.isEmpty(map.get(n))) missing.add(n);
    }
    if (!missing.isEmpty()) {
      throw new SignatureVerificationException(what + ": " + String.join(", ", missing));
    }
  }

  private void checkAppId(String received) {
    if (!appId.equals(received)) {
      throw new SignatureVerificationException("notification appid does not match this client");
    }
  }

  private Instant checkTimestamp(String text) {
    Long v = Wire.integer(text);
    if (v == null || v <= 0) {
      throw new SignatureVerificationException("notification ts is not a Unix timestamp");
    }
    Instant ts = PayKitJson.fromEpoch(v);
    long skew = Math.abs(clock.instant().getEpochSecond() - ts.getEpochSecond());
    if (skew >= NOTIFICATION_TOLERANCE_SECONDS) {
      throw new SignatureVerificationException(
          "notification ts is outside the ±" + NOTIFICATION_TOLERANCE_SECONDS + " s window");
    }
    return ts;
  }

  private static Notification notification(
      YinqiantongProtocol protocol, String appId, Instant ts, Map<String, String> fields) {
    requirePresent("notification is missing", fields, "out_trade_no", "status", "money");
    Long money = Wire.integer(fields.get("money"));
    if (money == null) {
      throw new SignatureVerificationException("malformed notification: money is not an integer");
    }
    return new Notification(protocol, appId, ts, money, fields);
  }

  @Override
  public String toString() {
    return "YinqiantongClient{" + protocol + ", appId=" + appId + ", " + transport.baseUrl()
        + (bodyEncoding == ApiRequest.BodyEncoding.FORM ? ", form" : "") + "}";
  }

  // --------------------------------------------------------------------------------------- builder

  /** Builds a {@link YinqiantongClient}. Not thread-safe. */
  public static final class Builder {
    YinqiantongProtocol protocol = YinqiantongProtocol.V2;
    String appId;
    String appSecret;
    String appKey;
    String baseUrl;
    boolean formEncoding;
    boolean allowInsecureHttp;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.SYSTEM;
    OkHttpClient okHttpClient;
    Duration connectTimeout;
    Duration readTimeout;
    Duration writeTimeout;
    Duration callTimeout;
    int maxRetries = Transport.DEFAULT_MAX_RETRIES;

    Builder() {}

    /**
     * Sets the App ID. Required.
     *
     * @param appId the App ID
     * @return this builder
     */
    public Builder appId(String appId) {
      this.appId = appId;
      return this;
    }

    /**
     * Sets the App Secret that signs requests and notifications. Required; never logged.
     *
     * @param appSecret the App Secret
     * @return this builder
     */
    public Builder appSecret(String appSecret) {
      this.appSecret = appSecret;
      return this;
    }

    /**
     * Sets the App Key, sent as the {@code appkey} header. Required for V1; ignored by V2.
     *
     * @param appKey the App Key
     * @return this builder
     */
    public Builder appKey(String appKey) {
      this.appKey = appKey;
      return this;
    }

    /**
     * Chooses the protocol generation (default {@link YinqiantongProtocol#V2}).
     *
     * @param protocol the protocol generation
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public Builder protocol(YinqiantongProtocol protocol) {
      if (protocol == null) throw new IllegalArgumentException("protocol == null");
      this.protocol = protocol;
      return this;
    }

    /**
     * Sets the base URL; default {@link YinqiantongProtocol#getDefaultBaseUrl()} of the protocol.
     *
     * @param baseUrl the gateway's base URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sends create bodies as {@code application/x-www-form-urlencoded} (as the gateway's Java SDK
     * does) instead of JSON; the signed key/value set is the same.
     *
     * @return this builder
     */
    public Builder formEncoding() {
      this.formEncoding = true;
      return this;
    }

    /**
     * Allows a plain-HTTP base URL on a non-loopback host. For test environments only.
     *
     * @return this builder
     */
    public Builder allowInsecureHttp() {
      this.allowInsecureHttp = true;
      return this;
    }

    /**
     * Sets the clock that stamps {@code ts} and judges notification timestamps (default system UTC).
     *
     * @param clock the clock to use
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public Builder clock(Clock clock) {
      if (clock == null) throw new IllegalArgumentException("clock == null");
      this.clock = clock;
      return this;
    }

    /**
     * Sets how the client waits between retries; for tests and custom schedulers.
     *
     * @param sleeper the sleeper to wait with
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public Builder sleeper(Sleeper sleeper) {
      if (sleeper == null) throw new IllegalArgumentException("sleeper == null");
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Uses the caller's OkHttp client (proxy, pool, pinning); PayKit derives its own from it.
     *
     * @param okHttpClient the OkHttp client to derive from
     * @return this builder
     * @throws IllegalArgumentException if null
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      if (okHttpClient == null) throw new IllegalArgumentException("okHttpClient == null");
      this.okHttpClient = okHttpClient;
      return this;
    }

    /**
     * Sets the connect timeout (default 10 s); checked by {@link #build()}.
     *
     * @param timeout the connect timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * Sets the read timeout (default 30 s); checked by {@link #build()}.
     *
     * @param timeout the read timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /**
     * Sets the write timeout (default 30 s); checked by {@link #build()}.
     *
     * @param timeout the write timeout
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = timeout;
      return this;
    }

    /**
     * Sets the timeout of one whole attempt (default 60 s); checked by {@link #build()}.
     *
     * @param timeout the timeout of one attempt
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout;
      return this;
    }

    /**
     * Sets how many times a failed call is retried when that is safe (default 2): reads by the
     * transport, and a create resent after reconciliation found no order.
     *
     * @param maxRetries the number of retries, 0 to 10
     * @return this builder
     * @throws IllegalArgumentException if negative or above 10
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be in 0..10: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return a new client with this builder's settings
     * @throws IllegalArgumentException naming the field: a missing or malformed appId, appSecret, or
     *     (V1) appKey; a base URL that is not https (plain http only for loopback or with {@link
     *     #allowInsecureHttp()}); a timeout that is not positive
     */
    public YinqiantongClient build() {
      if (appId == null || appId.isEmpty()) throw new IllegalArgumentException("appId is required");
      if (!VISIBLE_ASCII.matcher(appId).matches()) {
        throw new IllegalArgumentException("appId must be visible ASCII characters");
      }
      if (appSecret == null || appSecret.isEmpty()) {
        throw new IllegalArgumentException("appSecret is required");
      }
      if (protocol == YinqiantongProtocol.V1) {
        if (appKey == null || appKey.isEmpty()) {
          throw new IllegalArgumentException("appKey is required for protocol V1");
        }
        if (!VISIBLE_ASCII.matcher(appKey).matches()) {
          throw new IllegalArgumentException("appKey must be visible ASCII characters");
        }
      }
      return new YinqiantongClient(this);
    }
  }
}
