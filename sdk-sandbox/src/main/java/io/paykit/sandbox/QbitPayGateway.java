package io.paykit.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Qbit Pay (README §3): Basic auth with the API key, JSON bodies, charges with cursor pagination
 * (newest first, no {@code has_more} unless configured), the access token, test events, and signed
 * {@code charge.succeeded} webhooks. Thread-safe: all state behind one lock.
 */
final class QbitPayGateway {
  static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final long ACCESS_TOKEN_LIFETIME_SECONDS = 7200;
  static final long CHARGE_LIFETIME_SECONDS = 1800;

  // Fixed sandbox market: quote-currency units per USD (USDT = USD), and base-currency prices in USD.
  private static final Map<String, BigDecimal> QUOTE_PER_USD = new HashMap<>();
  private static final Map<String, BigDecimal> BASE_PRICE_USD = new HashMap<>();
  private static final Map<String, List<String>> PAYMENT_TYPES = new HashMap<>();
  private static final BigDecimal FEE_RATE = new BigDecimal("0.01");

  static {
    QUOTE_PER_USD.put("CNY", new BigDecimal("7.20"));
    QUOTE_PER_USD.put("USD", BigDecimal.ONE);
    QUOTE_PER_USD.put("PHP", new BigDecimal("56.00"));
    BASE_PRICE_USD.put("BTC", new BigDecimal("60000"));
    BASE_PRICE_USD.put("USDT", BigDecimal.ONE);
    PAYMENT_TYPES.put("CNY", Arrays.asList("Alipay", "Yunshanfu", "bankAccount"));
    PAYMENT_TYPES.put("USD", Arrays.asList("PayPal", "bankAccount"));
    PAYMENT_TYPES.put("PHP", Arrays.asList("Coins.ph", "GCash"));
  }

  private static final Pattern CHARGE = Pattern.compile("^/api/v1/charges/([^/]+)$");
  private static final String ALPHANUMERIC =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  static final class Charge {
    String id;
    long seq;
    Instant createdAt;
    boolean paid;
    String status;
    BigDecimal amount;
    String currency;
    String externalOrderId;
    String cbUrl;
    String redirectUrl;
    String baseCurrency;
    String quoteCurrency;
    String paymentType;
    String payerName;
  }

  private final Config config;
  private final Notifier notifier;
  private final Object lock = new Object();
  /** Oldest first; lists walk it backwards. */
  private final List<Charge> charges = new ArrayList<>();
  private final Map<String, Charge> byId = new HashMap<>();
  private long seq;
  private long seedSeq;
  private Instant lastCreatedAt = Instant.EPOCH;

  QbitPayGateway(Config config, Notifier notifier) {
    this.config = config;
    this.notifier = notifier;
  }

  Reply handle(InboundRequest r, String sub) {
    try {
      if (sub.equals("/pay")) return payPage();
      authenticate(r);
      if (sub.equals("/api/v1/charges")) {
        if (r.method.equals("POST")) return Reply.json(200, Json.write(create(jsonBody(r))));
        requireMethod(r, "GET");
        return list(r);
      }
      Matcher m = CHARGE.matcher(sub);
      if (m.matches()) {
        if (r.method.equals("PUT")) return markBuyerPaid(m.group(1), jsonBody(r));
        requireMethod(r, "GET");
        synchronized (lock) {
          return Reply.json(200, Json.write(chargeJson(existing(m.group(1)))));
        }
      }
      if (sub.equals("/api/v1/accessToken")) {
        requireMethod(r, "GET");
        return Reply.json(200, Json.obj().put("accessToken", accessToken()).json());
      }
      if (sub.equals("/api/v1/events/test")) {
        return testEvent(r);
      }
      throw new Rejection(404, "invalid_request_error", "Unrecognized request URL (" + r.method + " " + sub + ")");
    } catch (Rejection e) {
      return error(e);
    }
  }

  static Reply error(Rejection e) {
    Reply reply =
        Reply.json(
            e.httpStatus,
            Json.obj()
                .put("error", Json.obj().put("type", e.type).put("message", e.getMessage()).build())
                .json());
    return e.httpStatus == 401 ? reply.withHeader("WWW-Authenticate", "Basic realm=\"Qbit Pay sandbox\"") : reply;
  }

  static Reply faultReply(int status) {
    return error(new Rejection(status, "api_error", "sandbox fault: HTTP " + status));
  }

  private static void requireMethod(InboundRequest r, String method) throws Rejection {
    if (!r.method.equals(method)) {
      throw new Rejection(405, "invalid_request_error", "method " + r.method + " not allowed here");
    }
  }

  private void authenticate(InboundRequest r) throws Rejection {
    String auth = r.header("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw new Rejection(401, "authentication_error", "No API key provided: use HTTP Basic auth with the key as user name");
    }
    String user;
    try {
      String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      user = colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      throw new Rejection(401, "authentication_error", "Malformed Basic credentials");
    }
    if (!java.security.MessageDigest.isEqual(
        user.getBytes(StandardCharsets.UTF_8), config.qbitPayApiKey.getBytes(StandardCharsets.UTF_8))) {
      throw new Rejection(401, "authentication_error", "Invalid API key");
    }
  }

  private static Map<String, Object> jsonBody(InboundRequest r) throws Rejection {
    if (!r.isJson()) {
      throw new Rejection(400, "invalid_request_error", "Content-Type must be application/json");
    }
    try {
      return Json.parseObject(r.bodyText());
    } catch (Json.SyntaxException e) {
      throw new Rejection(400, "invalid_request_error", "The body is not a JSON object: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- charges

  private Map<String, Object> create(Map<String, Object> body) throws Rejection {
    Charge c = new Charge();
    c.amount = amount(body.get("amount"));
    c.currency = oneOf(body, "currency", Arrays.asList("USD", "USDT"), null);
    c.externalOrderId = string(body, "externalOrderId", true, 128);
    c.cbUrl = url(body, "cbUrl");
    c.redirectUrl = url(body, "redirectUrl");
    c.baseCurrency = oneOf(body, "baseCurrency", Arrays.asList("BTC", "USDT"), "BTC");
    c.quoteCurrency = oneOf(body, "quoteCurrency", Arrays.asList("CNY", "USD", "PHP"), "CNY");
    c.paymentType = string(body, "paymentType", false, 32);
    if (c.paymentType != null && !PAYMENT_TYPES.get(c.quoteCurrency).contains(c.paymentType)) {
      throw new Rejection(400, "invalid_request_error",
          "paymentType must be one of " + PAYMENT_TYPES.get(c.quoteCurrency) + " for quoteCurrency " + c.quoteCurrency);
    }
    c.payerName = string(body, "payerName", false, 64);
    c.status = "pending";
    synchronized (lock) {
      add(c);
      return chargeJson(c);
    }
  }

  private void add(Charge c) {
    Instant now = config.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    // Strictly increasing creation times keep "newest first" unambiguous.
    if (!now.isAfter(lastCreatedAt)) now = lastCreatedAt.plusMillis(1);
    lastCreatedAt = now;
    c.createdAt = now;
    c.seq = ++seq;
    do {
      c.id = randomId(13);
    } while (byId.containsKey(c.id));
    charges.add(c);
    byId.put(c.id, c);
  }

  private static BigDecimal amount(Object value) throws Rejection {
    if (value == null) throw missing("amount");
    if (!(value instanceof Json.Num)) {
      throw new Rejection(400, "invalid_request_error", "amount must be a JSON number");
    }
    Json.Num n = (Json.Num) value;
    if (n.hasExponent()) {
      throw new Rejection(400, "invalid_request_error", "amount must be written without an exponent");
    }
    BigDecimal d = n.decimal();
    if (d.signum() <= 0) throw new Rejection(400, "invalid_request_error", "amount must be greater than 0");
    if (d.scale() > 8) throw new Rejection(400, "invalid_request_error", "amount has more than 8 decimals");
    return d;
  }

  private static Rejection missing(String name) {
    return new Rejection(400, "invalid_request_error", "Missing required param: " + name);
  }

  private static String string(Map<String, Object> body, String name, boolean required, int maxLength)
      throws Rejection {
    Object v = body.get(name);
    if (v == null || "".equals(v)) {
      if (required) throw missing(name);
      return null;
    }
    if (!(v instanceof String)) throw new Rejection(400, "invalid_request_error", name + " must be a string");
    String s = (String) v;
    if (s.codePointCount(0, s.length()) > maxLength) {
      throw new Rejection(400, "invalid_request_error", name + " is longer than " + maxLength + " characters");
    }
    return s;
  }

  private static String oneOf(Map<String, Object> body, String name, List<String> allowed, String dflt)
      throws Rejection {
    String v = string(body, name, dflt == null, 16);
    if (v == null) return dflt;
    if (!allowed.contains(v)) {
      throw new Rejection(400, "invalid_request_error", name + " must be one of " + allowed);
    }
    return v;
  }

  private static String url(Map<String, Object> body, String name) throws Rejection {
    String v = string(body, name, true, 1024);
    if (!Urls.isHttpUrl(v)) throw new Rejection(400, "invalid_request_error", name + " must be an http(s) URL");
    return v;
  }

  private Reply list(InboundRequest r) throws Rejection {
    int limit = 10;
    String limitText = r.queryParam("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 100) {
        throw new Rejection(400, "invalid_request_error", "limit must be an integer from 1 to 100");
      }
    }
    String after = emptyToNull(r.queryParam("starting_after"));
    String before = emptyToNull(r.queryParam("ending_before"));
    if (after != null && before != null) {
      throw new Rejection(400, "invalid_request_error", "starting_after and ending_before cannot be used together");
    }
    String externalOrderId = emptyToNull(r.queryParam("externalOrderId"));
    List<Object> data = new ArrayList<>();
    boolean hasMore;
    synchronized (lock) {
      String cursorId = after != null ? after : before;
      Charge cursor = null;
      if (cursorId != null) {
        cursor = byId.get(cursorId);
        if (cursor == null) throw new Rejection(400, "invalid_request_error", "No such charge: " + cursorId);
      }
      List<Charge> page = new ArrayList<>();
      if (before != null) {
        // The charges just newer than the cursor, returned newest first like every page.
        for (int i = 0; i < charges.size() && page.size() <= limit; i++) {
          Charge c = charges.get(i);
          if (c.seq > cursor.seq && matches(c, externalOrderId)) page.add(c);
        }
        hasMore = page.size() > limit;
        if (hasMore) page = page.subList(0, limit);
        Collections.reverse(page);
      } else {
        for (int i = charges.size() - 1; i >= 0 && page.size() <= limit; i--) {
          Charge c = charges.get(i);
          if ((cursor == null || c.seq < cursor.seq) && matches(c, externalOrderId)) page.add(c);
        }
        hasMore = page.size() > limit;
        if (hasMore) page = page.subList(0, limit);
      }
      for (Charge c : page) data.add(chargeJson(c));
    }
    Json.Obj list = Json.obj().put("object", "list").put("url", "/api/v1/charges").put("data", data);
    if (config.qbitPayListHasMore) list.put("has_more", hasMore);
    return Reply.json(200, list.json());
  }

  private static boolean matches(Charge c, String externalOrderId) {
    return externalOrderId == null || externalOrderId.equals(c.externalOrderId);
  }

  private Charge existing(String id) throws Rejection {
    synchronized (lock) {
      Charge c = byId.get(id);
      if (c == null) throw new Rejection(404, "invalid_request_error", "No such charge: " + id);
      return c;
    }
  }

  private Reply markBuyerPaid(String id, Map<String, Object> body) throws Rejection {
    Object status = body.get("status");
    if (!"buyerPaid".equals(status)) {
      throw new Rejection(400, "invalid_request_error", "status must be \"buyerPaid\"");
    }
    synchronized (lock) {
      Charge c = existing(id);
      if (!c.status.equals("pending")) {
        throw new Rejection(402, "invalid_request_error", "Only a pending charge can become buyerPaid (it is " + c.status + ")");
      }
      c.status = "buyerPaid";
      return Reply.json(200, Json.write(chargeJson(c)));
    }
  }

  /**
   * The charge as the API shows it. Derived amounts use a fixed sandbox market: 1 USD = 7.20 CNY =
   * 56.00 PHP, 1 BTC = 60000 USD, 1 USDT = 1 USD, a 1 % fee.
   */
  private Map<String, Object> chargeJson(Charge c) {
    BigDecimal rate = QUOTE_PER_USD.get(c.quoteCurrency);
    BigDecimal totalCost = c.amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    BigDecimal price = BASE_PRICE_USD.get(c.baseCurrency).multiply(rate).setScale(2, RoundingMode.HALF_UP);
    BigDecimal baseAmount = totalCost.divide(price, 8, RoundingMode.HALF_UP);
    BigDecimal fee = c.amount.multiply(FEE_RATE).setScale(Math.max(2, c.amount.scale()), RoundingMode.HALF_UP);
    Json.Obj o =
        Json.obj()
            .put("id", c.id)
            .put("object", "charge")
            .put("createdAt", ISO.format(c.createdAt))
            .put("paid", c.paid)
            .put("status", c.status)
            .put("amount", c.amount)
            .put("currency", c.currency)
            .put("externalOrderId", c.externalOrderId)
            .put("paymentPageUrl", paymentPageUrl(c.id))
            .put("cbUrl", c.cbUrl)
            .put("redirectUrl", c.redirectUrl)
            .put("totalCost", totalCost)
            .put("price", price)
            .put("baseAmount", baseAmount)
            .put("baseCurrency", c.baseCurrency)
            .put("quoteCurrency", c.quoteCurrency)
            .put("fee", fee);
    if (c.paymentType != null) {
      o.put(
          "paymentMethod",
          Json.obj()
              .put("object", "paymentMethod")
              .put("type", c.paymentType)
              .put("currency", c.quoteCurrency)
              .put("status", "active")
              .build());
    }
    o.putIfNotNull("payerName", c.payerName);
    o.put("expiresAt", ISO.format(c.createdAt.plusSeconds(CHARGE_LIFETIME_SECONDS)));
    return o.build();
  }

  String paymentPageUrl(String id) {
    return config.publicBaseUrl + "/qbitpay/pay#/otc/payment?tradeId=" + id;
  }

  // ---------------------------------------------------------------- token and events

  /** A JWT-shaped token (HS256 with the API key; only its shape and {@code exp} matter here). */
  private String accessToken() {
    long now = config.clock.instant().getEpochSecond();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(
            Json.obj()
                .put("sub", "sandbox")
                .put("jti", randomId(16))
                .put("iat", now)
                .put("exp", now + ACCESS_TOKEN_LIFETIME_SECONDS)
                .json()
                .getBytes(StandardCharsets.UTF_8));
    String signature =
        b64.encodeToString(
            Crypto.hmacSha256(
                config.qbitPayApiKey.getBytes(StandardCharsets.UTF_8),
                (header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
    return header + "." + payload + "." + signature;
  }

  /** Fires one signed test event at cbUrl, not retried (README §3), and answers with the event. */
  private Reply testEvent(InboundRequest r) throws Rejection {
    String cbUrl = r.queryParam("cbUrl");
    if (cbUrl == null || cbUrl.isEmpty()) throw missing("cbUrl");
    if (!Urls.isHttpUrl(cbUrl)) throw new Rejection(400, "invalid_request_error", "cbUrl must be an http(s) URL");
    Charge sample = new Charge();
    sample.id = "test" + randomId(9);
    sample.createdAt = config.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    sample.paid = true;
    sample.status = "closed";
    sample.amount = new BigDecimal("1.00");
    sample.currency = "USD";
    sample.externalOrderId = "test";
    sample.cbUrl = cbUrl;
    sample.redirectUrl = config.publicBaseUrl + "/sandbox";
    sample.baseCurrency = "BTC";
    sample.quoteCurrency = "CNY";
    Notifier.Outbound out = event(sample, "charge.succeeded", false);
    notifier.submit(out);
    return Reply.json(200, out.body);
  }

  private Notifier.Outbound event(Charge c, String type, boolean retry) {
    String data = Json.write(chargeJson(c));
    Map<String, Object> event =
        Json.obj()
            .put("id", randomId(13))
            .put("type", type)
            .put("createdAt", ISO.format(config.clock.instant()))
            .put("object", "event")
            .put("pendingWebhooks", 1)
            .put("livemode", false)
            .put("data", new Json.Raw(data))
            .build();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("QbitPay-Signature", webhookSignature(event, config.qbitPayApiKey));
    return new Notifier.Outbound(
        Gateway.QBITPAY,
        c.id,
        type,
        c.cbUrl,
        headers,
        "application/json; charset=utf-8",
        Json.write(event),
        retry,
        (status, ignored) -> status >= 200 && status < 300);
  }

  /**
   * The {@code QbitPay-Signature} of an event: top-level keys whose value is neither null nor "",
   * sorted, {@code k=v&…} with {@code data} as the exact compact JSON sent, then {@code &key=<api
   * key>}; MD5, upper-case hex.
   *
   * @param event top-level values: scalars, or {@link Json.Raw} for {@code data}
   */
  static String webhookSignature(Map<String, Object> event, String apiKey) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : event.entrySet()) {
      Object v = e.getValue();
      String text = v instanceof Json.Raw ? ((Json.Raw) v).json : Json.scalarText(v);
      if (text != null && !text.isEmpty()) fields.put(e.getKey(), text);
    }
    return Crypto.md5Hex(Crypto.canonical(fields) + "&key=" + apiKey).toUpperCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- payer simulation and seeding

  /** Completes the payment (pending or buyerPaid → closed, paid) and sends charge.succeeded. */
  String pay(String id) {
    Notifier.Outbound out;
    String redirectUrl;
    synchronized (lock) {
      Charge c = byId.get(id);
      if (c == null) throw new IllegalArgumentException("no Qbit Pay charge with id " + id);
      if (!c.status.equals("pending") && !c.status.equals("buyerPaid")) {
        throw new IllegalStateException("Qbit Pay charge " + id + " is " + c.status + ", not payable");
      }
      c.status = "closed";
      c.paid = true;
      out = event(c, "charge.succeeded", true);
      redirectUrl = c.redirectUrl;
    }
    notifier.submit(out);
    return redirectUrl;
  }

  List<String> seed(int n) {
    List<String> ids = new ArrayList<>(n);
    synchronized (lock) {
      for (int i = 0; i < n; i++) {
        long k = ++seedSeq;
        Charge c = new Charge();
        c.amount = new BigDecimal(String.valueOf(1 + k % 100)).setScale(2, RoundingMode.UNNECESSARY);
        c.currency = "USD";
        c.externalOrderId = "seed-" + k;
        // The sandbox posts to its own sink: its own address, not the browsers' public one.
        c.cbUrl = config.baseUrl + "/sandbox/sink/qbitpay";
        c.redirectUrl = config.publicBaseUrl + "/sandbox";
        c.baseCurrency = "BTC";
        c.quoteCurrency = "CNY";
        c.status = "pending";
        add(c);
        ids.add(c.id);
      }
    }
    return ids;
  }

  private static String randomId(int length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    return sb.toString();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private Reply payPage() {
    String body =
        "<p>Charge <b id='trade'></b></p><p id='note'></p>"
            + "<button id='pay' type='button'>Pay</button> <span id='result'></span>"
            + "<script>\n"
            + "var q = location.hash.indexOf('?') < 0 ? '' : location.hash.substring(location.hash.indexOf('?') + 1);\n"
            + "var p = {}; q.split('&').forEach(function (kv) { var i = kv.indexOf('=');"
            + " if (i > 0) p[decodeURIComponent(kv.substring(0, i))] = decodeURIComponent(kv.substring(i + 1)); });\n"
            + "document.getElementById('trade').textContent = p.tradeId || '(no tradeId)';\n"
            + "document.getElementById('note').textContent = p.accessToken ? 'access token present'"
            + " : 'no accessToken in the URL (append &accessToken=<token>)';\n"
            + "document.getElementById('pay').onclick = function () {\n"
            + "  fetch('/sandbox/pay?gateway=qbitpay&id=' + encodeURIComponent(p.tradeId), {method: 'POST'})\n"
            + "    .then(function (r) { return r.json(); })\n"
            + "    .then(function (j) { document.getElementById('result').textContent = j.ok ? 'paid' : j.error;"
            + " if (j.ok && j.redirectUrl) location.href = j.redirectUrl; });\n"
            + "};\n"
            + "</script>";
    return Reply.html(200, Pages.page("Qbit Pay sandbox checkout", body));
  }
}
