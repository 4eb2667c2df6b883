package io.paykit.sandbox;

import java.io.UnsupportedEncodingException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 聚易付 (README §1): form-encoded requests signed over every sent parameter, the {@code {code,
 * message, data}} envelope, orders, refunds, sold items, channels, bills, tokens and notifications.
 *
 * <p>All state sits behind one lock; notifications are handed to the {@link Notifier} outside it.
 */
final class JuyifuGateway {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-M-d HH:mm:ss", Locale.ROOT).withZone(SHANGHAI);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ID_DAY =
      DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT).withZone(SHANGHAI);

  static final int OK = 0;
  static final int PARAMS = 1000;
  static final int DATA = 1001;
  static final int SIGNATURE = 1002;
  static final int DUPLICATE = 1003;
  static final int LIMIT = 1004;
  static final int SERVER = 2000;

  /** A {@code /token} request's {@code timestamp} must be this close to the sandbox clock. */
  static final long TOKEN_TIMESTAMP_WINDOW_SECONDS = 300;
  static final long TOKEN_LIFETIME_SECONDS = 7200;
  static final long ORDER_LIFETIME_SECONDS = 7200;
  /** The bill's fee on each payment: 0.6 %, rounded half-up to the fen; refunds carry no fee. */
  static final BigDecimal FEE_RATE = new BigDecimal("0.006");

  static final int STATUS_UNPAID = 1;
  static final int STATUS_SUCCESS = 3;

  private static final Pattern REFUNDS = Pattern.compile("^/orders/([^/]+)/refunds$");
  private static final Pattern QUERY_ONE = Pattern.compile("^/order/query/([^/]+)$");
  private static final Pattern CHANNEL = Pattern.compile("^/channels/([^/]+)$");
  private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,19}$");
  private static final Pattern HEX32 = Pattern.compile("^[0-9a-fA-F]{32}$");

  static final class Order {
    String id;
    long amount;
    int payType;
    int signType;
    String productId;
    String productName;
    String extData;
    String memo;
    String os;
    String osVersion;
    Long sourceId;
    String notifyUrl;
    String clientIp;
    Instant createdAt;
    Instant updatedAt;
    Instant paidAt;
    int status;
  }

  static final class Refund {
    String id;
    String orderId;
    String outRefundNo;
    String reason;
    long amount;
    Instant createdAt;
  }

  static final class Channel {
    long id;
    long sourceId;
    int payType;
    String name;
    int weight;
    boolean enabled;
  }

  private final Config config;
  private final Notifier notifier;
  private final Object lock = new Object();
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private final List<Refund> refunds = new ArrayList<>();
  private final TreeMap<Long, Channel> channels = new TreeMap<>();
  private final Map<String, Instant> tokens = new HashMap<>();
  private long orderSeq;
  private long refundSeq;
  private long channelSeq;

  JuyifuGateway(Config config, Notifier notifier) {
    this.config = config;
    this.notifier = notifier;
    seed();
  }

  // ---------------------------------------------------------------- routing

  Reply handle(InboundRequest r, String sub) {
    try {
      switch (sub) {
        case "/token":
          requireMethod(r, "POST");
          return token(r, params(r));
        case "/orders":
          if (r.method.equals("POST")) return createOrder(r, params(r));
          requireMethod(r, "GET");
          return queryOrders(r, params(r));
        case "/refunds":
          requireMethod(r, "GET");
          return queryRefunds(r, params(r));
        case "/sold":
          requireMethod(r, "GET");
          return sold(r, params(r));
        case "/channels":
          if (r.method.equals("POST")) return addChannel(r, params(r));
          requireMethod(r, "GET");
          return queryChannels(r, params(r));
        case "/bills":
          requireMethod(r, "GET");
          return bill(r, params(r));
        default:
          break;
      }
      Matcher m = QUERY_ONE.matcher(sub);
      if (m.matches()) {
        requireMethod(r, "GET");
        return queryOne(r, params(r), m.group(1));
      }
      m = REFUNDS.matcher(sub);
      if (m.matches()) {
        requireMethod(r, "POST");
        return refund(r, params(r), m.group(1));
      }
      m = CHANNEL.matcher(sub);
      if (m.matches()) {
        requireMethod(r, "DELETE");
        return deleteChannel(r, params(r), m.group(1));
      }
      throw new Rejection(404, PARAMS, "no such operation: " + sub);
    } catch (Rejection e) {
      return error(e);
    }
  }

  static Reply error(Rejection e) {
    return Reply.json(
        e.httpStatus,
        Json.obj().put("code", e.code).put("message", e.getMessage()).put("data", null).json());
  }

  /** The body a {@link Fault#status(int)} answers with. */
  static Reply faultReply(int status) {
    return Reply.json(
        status,
        Json.obj()
            .put("code", SERVER)
            .put("message", "sandbox fault: HTTP " + status)
            .put("data", null)
            .json());
  }

  private static void requireMethod(InboundRequest r, String method) throws Rejection {
    if (!r.method.equals(method)) {
      throw new Rejection(405, PARAMS, "method " + r.method + " not allowed here");
    }
  }

  private static Reply ok(Object data) {
    return Reply.json(
        200, Json.obj().put("code", OK).put("message", "success").put("data", data).json());
  }

  // ---------------------------------------------------------------- parameters and signatures

  /** The parameters actually sent: query string plus form body, repeated names kept in order. */
  private static final class Params {
    final Map<String, List<String>> values;

    Params(Map<String, List<String>> values) {
      this.values = values;
    }

    boolean has(String name) {
      return values.containsKey(name);
    }

    /** The single value of a parameter, or null when it was not sent. */
    String one(String name) throws Rejection {
      List<String> v = values.get(name);
      if (v == null || v.isEmpty()) return null;
      if (v.size() > 1) throw new Rejection(400, PARAMS, name + " must be sent once");
      return v.get(0);
    }

    String required(String name) throws Rejection {
      String v = one(name);
      if (v == null || v.isEmpty()) throw new Rejection(400, PARAMS, "missing required parameter " + name);
      return v;
    }

    /** Everything sent except sign and sign_type; repeated values joined by ',' in request order. */
    Map<String, String> signed() {
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> e : values.entrySet()) {
        if (e.getKey().equals("sign") || e.getKey().equals("sign_type")) continue;
        out.put(e.getKey(), String.join(",", e.getValue()));
      }
      return out;
    }
  }

  private static Params params(InboundRequest r) throws Rejection {
    Map<String, List<String>> body = Collections.emptyMap();
    if (r.body.length > 0) {
      if (!r.isForm()) {
        throw new Rejection(400, PARAMS, "the body must be application/x-www-form-urlencoded");
      }
      try {
        body = r.form();
      } catch (InboundRequest.BadRequest e) {
        throw new Rejection(400, PARAMS, e.getMessage());
      }
    }
    return new Params(InboundRequest.merge(r.query, body));
  }

  /**
   * Checks the app id, the optional access token and the signature; returns the sign type used.
   *
   * @param appIdName {@code app_id}, or {@code app_key} for the 2014 query
   * @param extra signed values that are not request parameters (the query's path {@code order_id})
   * @param guessSignType when {@code sign_type} is absent, pick MD5 for a 32-hex sign, else RSA
   *     (the 2014 query sends no sign_type: the app's configured key decides)
   */
  private int authenticate(
      InboundRequest r, Params p, String appIdName, Map<String, String> extra, boolean guessSignType)
      throws Rejection {
    String appId = p.required(appIdName);
    if (!appId.equals(config.juyifuAppId)) {
      throw new Rejection(400, PARAMS, "unknown " + appIdName);
    }
    checkAccessToken(r);
    String sign = p.required("sign");
    String signTypeText = p.one("sign_type");
    int signType;
    if (signTypeText == null) {
      signType = guessSignType && !HEX32.matcher(sign).matches() ? 2 : 1;
    } else {
      signType = parseInt(signTypeText, "sign_type");
    }
    Map<String, String> signed = p.signed();
    signed.putAll(extra);
    String content = Crypto.canonical(signed);
    boolean valid;
    switch (signType) {
      case 1:
        valid = Crypto.hexEquals(Crypto.md5Hex(content + config.juyifuMd5Secret), sign);
        break;
      case 2:
        valid = Crypto.rsaVerify(config.juyifuMerchantPublicKey, Crypto.SHA1_WITH_RSA, content, sign);
        break;
      case 3:
        valid = Crypto.rsaVerify(config.juyifuMerchantPublicKey, Crypto.SHA256_WITH_RSA, content, sign);
        break;
      case 4:
        throw new Rejection(400, PARAMS, "sign_type 4 (SM2) is unsupported in the sandbox");
      default:
        throw new Rejection(400, PARAMS, "sign_type must be 1 (MD5), 2 (RSA) or 3 (RSA2)");
    }
    if (!valid) {
      throw new Rejection(401, SIGNATURE, "signature mismatch");
    }
    return signType;
  }

  private int authenticate(InboundRequest r, Params p) throws Rejection {
    return authenticate(r, p, "app_id", Collections.<String, String>emptyMap(), false);
  }

  private void checkAccessToken(InboundRequest r) throws Rejection {
    String token = r.header("access_token");
    if (token == null) return;
    synchronized (lock) {
      Instant expiry = tokens.get(token);
      if (expiry == null || !config.clock.instant().isBefore(expiry)) {
        throw new Rejection(401, SIGNATURE, "access_token is invalid or expired");
      }
    }
  }

  private static int parseInt(String text, String name) throws Rejection {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new Rejection(400, PARAMS, name + " must be an integer");
    }
  }

  private static long parseLong(String text, String name) throws Rejection {
    if (!text.matches("^-?[0-9]{1,19}$")) throw new Rejection(400, PARAMS, name + " must be an integer");
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new Rejection(400, PARAMS, name + " must be an integer");
    }
  }

  private static String optional(Params p, String name, int maxLength) throws Rejection {
    String v = p.one(name);
    if (v != null && v.codePointCount(0, v.length()) > maxLength) {
      throw new Rejection(400, PARAMS, name + " is longer than " + maxLength + " characters");
    }
    return v;
  }

  private static LocalDate parseDate(String text, String name) throws Rejection {
    try {
      return LocalDate.parse(text, DATE);
    } catch (DateTimeParseException e) {
      throw new Rejection(400, PARAMS, name + " must be a date yyyy-MM-dd");
    }
  }

  // ---------------------------------------------------------------- operations

  private Reply token(InboundRequest r, Params p) throws Rejection {
    String timestamp = p.required("timestamp");
    if (!timestamp.matches("^[0-9]{10}$")) {
      throw new Rejection(400, PARAMS, "timestamp must be 10-digit Unix seconds");
    }
    authenticate(r, p);
    long now = config.clock.instant().getEpochSecond();
    if (Math.abs(now - Long.parseLong(timestamp)) > TOKEN_TIMESTAMP_WINDOW_SECONDS) {
      throw new Rejection(
          400, PARAMS, "timestamp outside the ±" + TOKEN_TIMESTAMP_WINDOW_SECONDS + " s window");
    }
    String token = randomHex(32);
    synchronized (lock) {
      tokens.put(token, config.clock.instant().plusSeconds(TOKEN_LIFETIME_SECONDS));
    }
    return ok(Json.obj().put("access_token", token).put("expires_in", TOKEN_LIFETIME_SECONDS).build());
  }

  void revokeTokens() {
    synchronized (lock) {
      tokens.clear();
    }
  }

  private Reply createOrder(InboundRequest r, Params p) throws Rejection {
    int signType = authenticate(r, p);
    Order o = new Order();
    o.payType = parseInt(p.required("pay_type"), "pay_type");
    if (o.payType < 0) throw new Rejection(400, PARAMS, "pay_type must not be negative");
    o.amount = parseLong(p.required("amount"), "amount");
    if (o.amount <= 0) throw new Rejection(400, PARAMS, "amount must be a positive number of fen");
    o.signType = signType;
    o.productId = optional(p, "product_id", 64);
    o.productName = optional(p, "product_name", 128);
    o.extData = optional(p, "ext_data", 1024);
    o.memo = optional(p, "memo", 256);
    o.os = optional(p, "os", 32);
    o.osVersion = optional(p, "os_version", 32);
    String sourceId = p.one("source_id");
    if (sourceId != null && !sourceId.isEmpty()) o.sourceId = parseLong(sourceId, "source_id");
    String notifyUrl = optional(p, "notify_url", 256);
    if (notifyUrl != null && !notifyUrl.isEmpty()) {
      if (!Urls.isHttpUrl(notifyUrl)) throw new Rejection(400, PARAMS, "notify_url must be an http(s) URL");
      o.notifyUrl = notifyUrl;
    }
    o.clientIp = r.remoteIp;
    o.status = STATUS_UNPAID;
    Instant now = config.clock.instant();
    o.createdAt = now;
    o.updatedAt = now;
    synchronized (lock) {
      o.id = nextOrderId(now);
      orders.put(o.id, o);
      return ok(orderJson(o));
    }
  }

  private Reply queryOrders(InboundRequest r, Params p) throws Rejection {
    if (!p.has("ids")) throw new Rejection(400, PARAMS, "missing required parameter ids");
    authenticate(r, p);
    List<String> ids = new ArrayList<>();
    for (String v : p.values.get("ids")) {
      for (String id : v.split(",")) {
        if (!id.trim().isEmpty()) ids.add(id.trim());
      }
    }
    if (ids.isEmpty()) throw new Rejection(400, PARAMS, "ids must name at least one order");
    if (ids.size() > 100) throw new Rejection(400, PARAMS, "ids may name at most 100 orders");
    List<Object> data = new ArrayList<>();
    synchronized (lock) {
      for (String id : ids) {
        Order o = orders.get(id);
        if (o != null) data.add(orderJson(o));
      }
    }
    return Reply.json(
        200,
        Json.obj()
            .put("code", OK)
            .put("message", "success")
            .put("total", data.size())
            .put("data", data)
            .json());
  }

  private Reply queryOne(InboundRequest r, Params p, String id) throws Rejection {
    String queryOrderId = p.one("order_id");
    if (queryOrderId != null && !queryOrderId.equals(id)) {
      throw new Rejection(400, PARAMS, "order_id differs from the id in the path");
    }
    Map<String, String> extra = new HashMap<>();
    extra.put("order_id", id);
    authenticate(r, p, "app_key", extra, true);
    Map<String, Object> data;
    synchronized (lock) {
      Order o = orders.get(id);
      if (o == null) throw new Rejection(404, DATA, "order not found");
      data = signedOrderData(o);
    }
    return ok(data);
  }

  /**
   * The 2014 query's {@code data}: flat scalar fields signed by the platform key over every key
   * except sign, sign_type and pay_type, sorted, raw values (SHA1withRSA).
   */
  private Map<String, Object> signedOrderData(Order o) {
    Map<String, Object> data =
        Json.obj()
            .put("id", o.id)
            .put("order_id", o.id)
            .put("app_id", config.juyifuAppId)
            .put("amount", o.amount)
            .put("currency", "CNY")
            .put("order_pay_status", o.status)
            .put("status", o.status)
            .put("type", 0)
            .put("pay_type", o.payType)
            .put("product_id", nullToEmpty(o.productId))
            .put("product_name", nullToEmpty(o.productName))
            .put("ext_data", nullToEmpty(o.extData))
            .put("created_at", TIME.format(o.createdAt))
            .put("updated_at", TIME.format(o.updatedAt))
            .put("expire_at", TIME.format(o.createdAt.plusSeconds(ORDER_LIFETIME_SECONDS)))
            .put("paid_at", o.paidAt == null ? "" : TIME.format(o.paidAt))
            .build();
    Map<String, String> signed = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : data.entrySet()) {
      if (e.getKey().equals("pay_type")) continue;
      signed.put(e.getKey(), Json.scalarText(e.getValue()));
    }
    data.put("sign_type", 2);
    data.put(
        "sign",
        Crypto.rsaSign(config.juyifuPlatformPrivateKey, Crypto.SHA1_WITH_RSA, Crypto.canonical(signed)));
    return data;
  }

  private Reply refund(InboundRequest r, Params p, String orderId) throws Rejection {
    authenticate(r, p);
    long amount = parseLong(p.required("amount"), "amount");
    if (amount <= 0) throw new Rejection(400, PARAMS, "amount must be a positive number of fen");
    String reason = optional(p, "reason", 256);
    String outRefundNo = optional(p, "out_refund_no", 64);
    if (outRefundNo != null && outRefundNo.isEmpty()) outRefundNo = null;
    synchronized (lock) {
      Order o = orders.get(orderId);
      if (o == null) throw new Rejection(404, DATA, "order not found");
      if (o.status != STATUS_SUCCESS) throw new Rejection(409, DATA, "order is not paid");
      long refunded = 0;
      for (Refund f : refunds) {
        if (outRefundNo != null && outRefundNo.equals(f.outRefundNo)) {
          throw new Rejection(409, DUPLICATE, "out_refund_no already used");
        }
        if (f.orderId.equals(orderId)) refunded += f.amount;
      }
      if (refunded + amount > o.amount) {
        throw new Rejection(400, LIMIT, "refunds would exceed the order amount");
      }
      Refund f = new Refund();
      f.orderId = orderId;
      f.amount = amount;
      f.reason = reason;
      f.outRefundNo = outRefundNo;
      f.createdAt = config.clock.instant();
      f.id = nextRefundId(f.createdAt);
      refunds.add(f);
      return ok(refundJson(f));
    }
  }

  private Reply queryRefunds(InboundRequest r, Params p) throws Rejection {
    String orderId = p.required("order_id");
    authenticate(r, p);
    List<Object> data = new ArrayList<>();
    synchronized (lock) {
      if (!orders.containsKey(orderId)) throw new Rejection(404, DATA, "order not found");
      for (Refund f : refunds) {
        if (f.orderId.equals(orderId)) data.add(refundJson(f));
      }
    }
    return ok(data);
  }

  private Reply sold(InboundRequest r, Params p) throws Rejection {
    authenticate(r, p);
    String productId = p.one("product_id");
    String start = p.one("start_date");
    String end = p.one("end_date");
    LocalDate startDate = start == null || start.isEmpty() ? null : parseDate(start, "start_date");
    LocalDate endDate = end == null || end.isEmpty() ? null : parseDate(end, "end_date");
    if (startDate != null && endDate != null && startDate.isAfter(endDate)) {
      throw new Rejection(400, PARAMS, "start_date is after end_date");
    }
    String pageText = p.one("page");
    String sizeText = p.one("page_size");
    int page = pageText == null ? 1 : parseInt(pageText, "page");
    int pageSize = sizeText == null ? 20 : parseInt(sizeText, "page_size");
    if (page < 1) throw new Rejection(400, PARAMS, "page starts at 1");
    if (pageSize < 1 || pageSize > 100) throw new Rejection(400, PARAMS, "page_size must be 1 to 100");

    List<Order> sold = new ArrayList<>();
    synchronized (lock) {
      for (Order o : orders.values()) {
        if (o.status != STATUS_SUCCESS) continue;
        if (productId != null && !productId.isEmpty() && !productId.equals(o.productId)) continue;
        LocalDate day = o.paidAt.atZone(SHANGHAI).toLocalDate();
        if (startDate != null && day.isBefore(startDate)) continue;
        if (endDate != null && day.isAfter(endDate)) continue;
        sold.add(o);
      }
    }
    // Newest sale first; the id breaks ties so pages never overlap.
    Collections.sort(
        sold,
        (a, b) -> {
          int c = b.paidAt.compareTo(a.paidAt);
          return c != 0 ? c : b.id.compareTo(a.id);
        });
    List<Object> data = new ArrayList<>();
    long from = (long) (page - 1) * pageSize;
    for (long i = from; i < Math.min(sold.size(), from + pageSize); i++) {
      Order o = sold.get((int) i);
      data.add(
          Json.obj()
              .put("order_id", o.id)
              .put("product_id", o.productId)
              .put("product_name", o.productName)
              .put("amount", o.amount)
              .put("paid_at", TIME.format(o.paidAt))
              .build());
    }
    return Reply.json(
        200,
        Json.obj()
            .put("code", OK)
            .put("message", "success")
            .put("total", sold.size())
            .put("page", page)
            .put("page_size", pageSize)
            .put("data", data)
            .json());
  }

  private Reply addChannel(InboundRequest r, Params p) throws Rejection {
    authenticate(r, p);
    Channel c = new Channel();
    c.sourceId = parseLong(p.required("source_id"), "source_id");
    c.payType = parseInt(p.required("pay_type"), "pay_type");
    c.name = optional(p, "name", 64);
    if (c.name == null || c.name.trim().isEmpty()) {
      throw new Rejection(400, PARAMS, "missing required parameter name");
    }
    String weight = p.one("weight");
    c.weight = weight == null || weight.isEmpty() ? 1 : parseInt(weight, "weight");
    if (c.weight < 0 || c.weight > 10000) throw new Rejection(400, PARAMS, "weight must be 0 to 10000");
    String enabled = p.one("enabled");
    if (enabled == null || enabled.isEmpty() || enabled.equals("true") || enabled.equals("1")) {
      c.enabled = true;
    } else if (enabled.equals("false") || enabled.equals("0")) {
      c.enabled = false;
    } else {
      throw new Rejection(400, PARAMS, "enabled must be true or false");
    }
    synchronized (lock) {
      for (Channel other : channels.values()) {
        if (other.sourceId == c.sourceId && other.payType == c.payType) {
          throw new Rejection(409, DUPLICATE, "a channel with this source_id and pay_type exists");
        }
      }
      c.id = ++channelSeq;
      channels.put(c.id, c);
      return ok(channelJson(c));
    }
  }

  private Reply deleteChannel(InboundRequest r, Params p, String id) throws Rejection {
    authenticate(r, p);
    if (!DIGITS.matcher(id).matches()) throw new Rejection(404, DATA, "channel not found");
    synchronized (lock) {
      if (channels.remove(Long.parseLong(id)) == null) {
        throw new Rejection(404, DATA, "channel not found");
      }
    }
    return ok(null);
  }

  private Reply queryChannels(InboundRequest r, Params p) throws Rejection {
    authenticate(r, p);
    String payTypeText = p.one("pay_type");
    Integer payType =
        payTypeText == null || payTypeText.isEmpty() ? null : parseInt(payTypeText, "pay_type");
    List<Object> data = new ArrayList<>();
    synchronized (lock) {
      for (Channel c : channels.values()) {
        if (payType == null || c.payType == payType) data.add(channelJson(c));
      }
    }
    return ok(data);
  }

  private Reply bill(InboundRequest r, Params p) throws Rejection {
    LocalDate date = parseDate(p.required("date"), "date");
    authenticate(r, p);
    List<Object[]> events = new ArrayList<>(); // {Instant, Map item}
    long orderCount = 0;
    long total = 0;
    long refunded = 0;
    long fees = 0;
    synchronized (lock) {
      for (Order o : orders.values()) {
        if (o.status != STATUS_SUCCESS || !o.paidAt.atZone(SHANGHAI).toLocalDate().equals(date)) continue;
        long fee = fee(o.amount);
        orderCount++;
        total += o.amount;
        fees += fee;
        events.add(new Object[] {o.paidAt, billItem(o.id, "payment", o.amount, fee, o.paidAt)});
      }
      for (Refund f : refunds) {
        if (!f.createdAt.atZone(SHANGHAI).toLocalDate().equals(date)) continue;
        refunded += f.amount;
        events.add(new Object[] {f.createdAt, billItem(f.orderId, "refund", f.amount, 0, f.createdAt)});
      }
    }
    Collections.sort(events, (a, b) -> ((Instant) a[0]).compareTo((Instant) b[0]));
    List<Object> items = new ArrayList<>();
    for (Object[] e : events) items.add(e[1]);
    return ok(
        Json.obj()
            .put("date", DATE.format(date))
            .put("currency", "CNY")
            .put("order_count", orderCount)
            .put("total_amount", total)
            .put("refund_amount", refunded)
            .put("fee", fees)
            .put("net_amount", total - refunded - fees)
            .put("items", items)
            .build());
  }

  static long fee(long amount) {
    return BigDecimal.valueOf(amount).multiply(FEE_RATE).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static Map<String, Object> billItem(
      String orderId, String type, long amount, long fee, Instant at) {
    return Json.obj()
        .put("order_id", orderId)
        .put("type", type)
        .put("amount", amount)
        .put("fee", fee)
        .put("occurred_at", TIME.format(at))
        .build();
  }

  // ---------------------------------------------------------------- payer simulation

  /** Marks an order paid and queues its notification; returns false when it has no notify URL. */
  boolean pay(String orderId) {
    Notifier.Outbound out;
    synchronized (lock) {
      Order o = orders.get(orderId);
      if (o == null) throw new IllegalArgumentException("no 聚易付 order with id " + orderId);
      if (o.status == STATUS_SUCCESS) {
        throw new IllegalStateException("聚易付 order " + orderId + " is already paid");
      }
      Instant now = config.clock.instant();
      o.status = STATUS_SUCCESS;
      o.paidAt = now;
      o.updatedAt = now;
      String url = o.notifyUrl != null ? o.notifyUrl : config.juyifuDefaultNotifyUrl;
      out = url == null ? null : notification(o, url);
    }
    if (out != null) notifier.submit(out);
    return out != null;
  }

  /**
   * The notification form: order fields plus sign_type and sign, signed over every field except
   * sign, sign_type and pay_type (empty values kept): MD5 with the merchant secret when the order
   * was created with sign_type 1, else SHA1withRSA by the platform key (sign_type 2).
   */
  private Notifier.Outbound notification(Order o, String url) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("order_id", o.id);
    fields.put("order_pay_status", String.valueOf(o.status));
    fields.put("amount", String.valueOf(o.amount));
    fields.put("pay_type", String.valueOf(o.payType));
    fields.put("ext_data", nullToEmpty(o.extData));
    fields.put("app_id", config.juyifuAppId);
    Map<String, String> signed = new LinkedHashMap<>(fields);
    signed.remove("pay_type");
    String content = Crypto.canonical(signed);
    if (o.signType == 1) {
      fields.put("sign_type", "1");
      fields.put("sign", Crypto.md5Hex(content + config.juyifuMd5Secret));
    } else {
      fields.put("sign_type", "2");
      fields.put("sign", Crypto.rsaSign(config.juyifuPlatformPrivateKey, Crypto.SHA1_WITH_RSA, content));
    }
    StringBuilder form = new StringBuilder();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (form.length() > 0) form.append('&');
      form.append(formEncode(e.getKey())).append('=').append(formEncode(e.getValue()));
    }
    return new Notifier.Outbound(
        Gateway.JUYIFU,
        o.id,
        "order.paid",
        url,
        Collections.<String, String>emptyMap(),
        "application/x-www-form-urlencoded",
        form.toString(),
        true,
        (status, body) -> status >= 200 && status < 300 && body.trim().equals("success"));
  }

  // ---------------------------------------------------------------- JSON

  private Map<String, Object> orderJson(Order o) {
    Object appId = numberIfNumeric(config.juyifuAppId);
    Json.Obj json =
        Json.obj()
            .put("id", o.id)
            .put("status", o.status)
            .put("type", 0)
            .put("created_at", TIME.format(o.createdAt))
            .put("updated_at", TIME.format(o.updatedAt))
            .put("expire_at", TIME.format(o.createdAt.plusSeconds(ORDER_LIFETIME_SECONDS)))
            .put("app", Json.obj().put("id", appId).put("merchant_id", appId).build())
            .put(
                "payment",
                Json.obj()
                    .put("type", o.payType)
                    .put("platform", 1)
                    .put("amount", o.amount)
                    .put("currency", "CNY")
                    .build())
            .put(
                "product",
                Json.obj().putIfNotNull("id", o.productId).putIfNotNull("name", o.productName).build())
            .put("client", Json.obj().put("ip", o.clientIp).build())
            .put("ext_data", extDataJson(o.extData));
    json.putIfNotNull("memo", o.memo)
        .putIfNotNull("os", o.os)
        .putIfNotNull("os_version", o.osVersion)
        .putIfNotNull("source_id", o.sourceId);
    if (o.paidAt != null) json.put("paid_at", TIME.format(o.paidAt));
    return json.build();
  }

  /** ext_data goes in as text and comes back as an object when it is a JSON object, else as text. */
  private static Object extDataJson(String extData) {
    if (extData == null || extData.isEmpty()) return new LinkedHashMap<String, Object>();
    if (extData.trim().startsWith("{")) {
      try {
        return Json.parseObject(extData);
      } catch (Json.SyntaxException e) {
        return extData;
      }
    }
    return extData;
  }

  private static Map<String, Object> refundJson(Refund f) {
    return Json.obj()
        .put("id", f.id)
        .put("order_id", f.orderId)
        .put("amount", f.amount)
        .put("status", "success")
        .putIfNotNull("out_refund_no", f.outRefundNo)
        .putIfNotNull("reason", f.reason)
        .put("created_at", TIME.format(f.createdAt))
        .build();
  }

  private static Map<String, Object> channelJson(Channel c) {
    return Json.obj()
        .put("id", c.id)
        .put("source_id", c.sourceId)
        .put("pay_type", c.payType)
        .put("name", c.name)
        .put("weight", c.weight)
        .put("enabled", c.enabled)
        .build();
  }

  // ---------------------------------------------------------------- helpers and seed data

  private String nextOrderId(Instant now) {
    return String.format(Locale.ROOT, "%s%012d", ID_DAY.format(now), ++orderSeq);
  }

  private String nextRefundId(Instant now) {
    return String.format(Locale.ROOT, "RF%s%010d", ID_DAY.format(now), ++refundSeq);
  }

  private static Object numberIfNumeric(String s) {
    return s.matches("^[0-9]{1,18}$") ? (Object) Long.valueOf(s) : s;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static String formEncode(String s) {
    try {
      return URLEncoder.encode(s, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomHex(int chars) {
    StringBuilder sb = new StringBuilder(chars);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < chars; i++) sb.append(Character.forDigit(random.nextInt(16), 16));
    return sb.toString();
  }

  /** The seeded products, in the order their sales are spread. */
  static final String[][] SEEDED_PRODUCTS = {
    {"P001", "金币", "100"}, {"P002", "钻石", "600"}, {"P003", "月卡", "3000"}
  };

  static final LocalDate FIRST_SEEDED_DAY = LocalDate.of(2026, 11, 1);
  static final int SEEDED_SALES = 48;
  static final int SEEDED_SALES_PER_DAY = 16;
  /** The seeded sale that was refunded in full, on the third seeded day at 12:00. */
  static final int SEEDED_REFUNDED_SALE = 5;

  /**
   * 48 paid orders, 16 per product, 16 a day on 2026-11-01 to 2026-11-03 (Asia/Shanghai) from 09:00
   * every 30 minutes, and one full refund of the sixth on 2026-11-03 12:00: data for the sold-items
   * pages and the bills.
   */
  private void seed() {
    for (int k = 0; k < SEEDED_SALES; k++) {
      String[] product = SEEDED_PRODUCTS[k % SEEDED_PRODUCTS.length];
      LocalDateTime paid =
          FIRST_SEEDED_DAY
              .plusDays(k / SEEDED_SALES_PER_DAY)
              .atTime(9, 0)
              .plusMinutes(30L * (k % SEEDED_SALES_PER_DAY));
      Order o = new Order();
      o.paidAt = paid.atZone(SHANGHAI).toInstant();
      o.createdAt = o.paidAt.minusSeconds(300);
      o.updatedAt = o.paidAt;
      o.id = nextOrderId(o.createdAt);
      o.amount = Long.parseLong(product[2]);
      o.payType = 1;
      o.signType = 1;
      o.productId = product[0];
      o.productName = product[1];
      o.clientIp = "127.0.0.1";
      o.status = STATUS_SUCCESS;
      orders.put(o.id, o);
      if (k == SEEDED_REFUNDED_SALE) {
        Refund f = new Refund();
        f.orderId = o.id;
        f.amount = o.amount;
        f.reason = "seeded refund";
        f.createdAt = FIRST_SEEDED_DAY.plusDays(2).atTime(12, 0).atZone(SHANGHAI).toInstant();
        f.id = nextRefundId(f.createdAt);
        refunds.add(f);
      }
    }
  }

  /** The id of the k-th seeded sale (0-based), for tests and documentation. */
  String seededOrderId(int k) {
    synchronized (lock) {
      int i = 0;
      for (String id : orders.keySet()) {
        if (i++ == k) return id;
      }
    }
    throw new IllegalArgumentException("no seeded sale " + k);
  }
}
