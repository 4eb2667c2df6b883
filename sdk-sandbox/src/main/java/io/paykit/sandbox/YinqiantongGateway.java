package io.paykit.sandbox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * 银钱通 (README §2): V2 (appid, ts, sign in the body, {@code &app_secret=}) and V1 (headers appid,
 * appkey, ts, sign; {@code &ts=…&app_secret=…}), told apart by the {@code appkey} or {@code sign}
 * header. Business codes travel with HTTP 200. Thread-safe: all state behind one lock.
 */
final class YinqiantongGateway {
  static final int OK = 200;
  static final int AWAITING_PAYMENT = 4201;
  static final int FAILED = 4400;
  static final int BAD_SIGNATURE = 4403;
  static final int NOT_FOUND = 4404;
  static final int EXPIRED = 4408;
  static final int EXISTS = 4409;
  static final int BAD_PARAMS = 4414;
  static final int SERVER_ERROR = 4500;

  /** The server accepts {@code |now − ts| <= 86400} s (seed 003: the difference may not exceed 86400). */
  static final long TS_WINDOW_SECONDS = 86400;
  static final long ORDER_LIFETIME_SECONDS = 7200;

  static final int STATUS_UNPAID = 0;
  static final int STATUS_PAID = 1;
  static final int STATUS_FAILED = 2;
  static final int STATUS_EXPIRED = 3;

  private static final Pattern CLIENT_OUT_TRADE_NO = Pattern.compile("^[0-9A-Za-z]{1,32}$");
  private static final Pattern IPV4 =
      Pattern.compile("^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");
  private static final Pattern TEN_DIGITS = Pattern.compile("^[0-9]{10}$");
  private static final Pattern MONEY = Pattern.compile("^[0-9]{1,15}$");
  private static final DateTimeFormatter TRADE_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT).withZone(JuyifuGateway.SHANGHAI);

  // V1 wire names, indexed by the V2 numeric code.
  private static final String[] V1_CHANNELS = {null, "alipay", "wx", "qq", "jd"};
  private static final String[] V1_PLATFORMS = {null, "pc", "app", "h5", "mp", "mini_app", "scan"};
  private static final String[] V1_STATUSES = {"unpaid", "paid", "failed", "expired"};

  static final class Order {
    boolean v1;
    String outTradeNo;
    String clientOutTradeNo;
    int channel;
    int platform;
    long money;
    String clientIp;
    String notifyUrl;
    String openId;
    String returnUrl;
    String subject;
    String description;
    String extra;
    String payBody;
    long createTime;
    long expireTime;
    long payTime;
    int status;
  }

  private final Config config;
  private final Notifier notifier;
  private final Object lock = new Object();
  private final Map<String, Order> byClientNo = new LinkedHashMap<>();
  private final Map<String, Order> byOutTradeNo = new HashMap<>();
  private long seq;

  YinqiantongGateway(Config config, Notifier notifier) {
    this.config = config;
    this.notifier = notifier;
  }

  Reply handle(InboundRequest r, String sub) {
    try {
      if (sub.equals("/order")) {
        boolean v1 = r.hasHeader("appkey") || r.hasHeader("sign");
        if (r.method.equals("POST")) return v1 ? createV1(r) : createV2(r);
        if (r.method.equals("GET")) return v1 ? queryV1(r) : queryV2(r);
        return Reply.json(405, envelope(BAD_PARAMS, "method " + r.method + " not allowed", null));
      }
      return Reply.json(404, envelope(NOT_FOUND, "no such operation: " + sub, null));
    } catch (Rejection e) {
      return Reply.json(200, envelope(e.code, e.getMessage(), null));
    }
  }

  static Reply faultReply(int status) {
    return Reply.json(status, envelope(SERVER_ERROR, "sandbox fault: HTTP " + status, null));
  }

  private static String envelope(int code, String msg, Object data) {
    Json.Obj o = Json.obj().put("code", code).put("msg", msg);
    if (data != null) o.put("data", data);
    return o.json();
  }

  // ---------------------------------------------------------------- V2

  private Reply createV2(InboundRequest r) throws Rejection {
    Map<String, String> p = bodyParams(r);
    String appid = requiredParam(p, "appid");
    String ts = requiredParam(p, "ts");
    String sign = requiredParam(p, "sign");
    checkApp(appid);
    checkTs(ts);
    Map<String, String> signed = new LinkedHashMap<>(p);
    signed.remove("sign");
    String expected = Crypto.md5Hex(Crypto.canonical(signed) + "&app_secret=" + config.yinqiantongAppSecret);
    if (!Crypto.hexEquals(expected, sign)) throw new Rejection(200, BAD_SIGNATURE, "signature mismatch");
    Order o = order(p, false);
    store(o);
    return Reply.json(
        200,
        envelope(
            OK,
            "ok",
            Json.obj()
                .put("out_trade_no", o.outTradeNo)
                .put("pay_body", o.payBody)
                .put("expire_time", o.expireTime)
                .build()));
  }

  private Reply queryV2(InboundRequest r) throws Rejection {
    String appid = r.queryParam("appid");
    if (appid == null || appid.isEmpty()) throw new Rejection(200, BAD_PARAMS, "missing appid");
    checkApp(appid);
    Order o = find(r.queryParam("client_out_trade_no"), r.queryParam("out_trade_no"));
    switch (status(o)) {
      case STATUS_PAID:
        return Reply.json(200, envelope(OK, "支付成功", null));
      case STATUS_FAILED:
        return Reply.json(200, envelope(FAILED, "支付失败", null));
      case STATUS_EXPIRED:
        return Reply.json(200, envelope(EXPIRED, "订单已过期", null));
      default:
        return Reply.json(200, envelope(AWAITING_PAYMENT, "待支付", null));
    }
  }

  // ---------------------------------------------------------------- V1

  private Reply createV1(InboundRequest r) throws Rejection {
    String appid = requiredHeader(r, "appid");
    String appkey = requiredHeader(r, "appkey");
    String ts = requiredHeader(r, "ts");
    String sign = requiredHeader(r, "sign");
    checkApp(appid);
    if (!appkey.equals(config.yinqiantongAppKey)) throw new Rejection(200, BAD_SIGNATURE, "appkey mismatch");
    checkTs(ts);
    Map<String, String> p = bodyParams(r);
    String expected =
        Crypto.md5Hex(
            Crypto.canonical(p) + "&ts=" + ts + "&app_secret=" + config.yinqiantongAppSecret);
    if (!Crypto.hexEquals(expected, sign)) throw new Rejection(200, BAD_SIGNATURE, "signature mismatch");
    Order o = order(p, true);
    store(o);
    synchronized (lock) {
      return Reply.json(200, envelope(OK, "ok", v1Json(o)));
    }
  }

  private Reply queryV1(InboundRequest r) throws Rejection {
    String appid = r.header("appid") != null ? r.header("appid") : r.queryParam("appid");
    if (appid == null || appid.isEmpty()) throw new Rejection(200, BAD_PARAMS, "missing appid");
    checkApp(appid);
    String appkey = requiredHeader(r, "appkey");
    if (!appkey.equals(config.yinqiantongAppKey)) throw new Rejection(200, BAD_SIGNATURE, "appkey mismatch");
    String sign = r.header("sign");
    if (sign != null) {
      // G1 query: the query string is not signed, only ts and the secret.
      String ts = requiredHeader(r, "ts");
      checkTs(ts);
      String expected = Crypto.md5Hex("ts=" + ts + "&app_secret=" + config.yinqiantongAppSecret);
      if (!Crypto.hexEquals(expected, sign)) throw new Rejection(200, BAD_SIGNATURE, "signature mismatch");
    }
    Order o = find(r.queryParam("client_out_trade_no"), r.queryParam("out_trade_no"));
    synchronized (lock) {
      status(o);
      return Reply.json(200, envelope(OK, "ok", v1Json(o)));
    }
  }

  // ---------------------------------------------------------------- shared checks

  private void checkApp(String appid) throws Rejection {
    if (!appid.equals(config.yinqiantongAppId)) throw new Rejection(200, NOT_FOUND, "app not found");
  }

  private void checkTs(String ts) throws Rejection {
    if (!TEN_DIGITS.matcher(ts).matches()) throw new Rejection(200, BAD_PARAMS, "ts must be 10-digit Unix seconds");
    long now = config.clock.instant().getEpochSecond();
    if (Math.abs(now - Long.parseLong(ts)) > TS_WINDOW_SECONDS) {
      throw new Rejection(200, BAD_SIGNATURE, "ts outside the ±" + TS_WINDOW_SECONDS + " s window");
    }
  }

  private static String requiredParam(Map<String, String> p, String name) throws Rejection {
    String v = p.get(name);
    if (v == null || v.isEmpty()) throw new Rejection(200, BAD_PARAMS, "missing " + name);
    return v;
  }

  private static String requiredHeader(InboundRequest r, String name) throws Rejection {
    String v = r.header(name);
    if (v == null || v.isEmpty()) throw new Rejection(200, BAD_PARAMS, "missing header " + name);
    return v;
  }

  /**
   * The body as the signed parameter set: JSON object (scalars only) or form; null and empty values
   * are dropped, as signing drops them; numbers keep their text.
   */
  private static Map<String, String> bodyParams(InboundRequest r) throws Rejection {
    Map<String, String> out = new LinkedHashMap<>();
    if (r.body.length == 0) return out;
    String text = r.bodyText();
    boolean json = r.isJson() || (r.mediaType().isEmpty() && text.trim().startsWith("{"));
    if (json) {
      Map<String, Object> tree;
      try {
        tree = Json.parseObject(text);
      } catch (Json.SyntaxException e) {
        throw new Rejection(200, BAD_PARAMS, "the body is not a JSON object");
      }
      for (Map.Entry<String, Object> e : tree.entrySet()) {
        String value;
        try {
          value = Json.scalarText(e.getValue());
        } catch (IllegalArgumentException notScalar) {
          throw new Rejection(200, BAD_PARAMS, e.getKey() + " must be a string or a number");
        }
        if (value != null && !value.isEmpty()) out.put(e.getKey(), value);
      }
    } else if (r.isForm()) {
      Map<String, List<String>> form;
      try {
        form = r.form();
      } catch (InboundRequest.BadRequest e) {
        throw new Rejection(200, BAD_PARAMS, e.getMessage());
      }
      for (Map.Entry<String, List<String>> e : form.entrySet()) {
        if (e.getValue().size() > 1) throw new Rejection(200, BAD_PARAMS, e.getKey() + " must be sent once");
        if (!e.getValue().get(0).isEmpty()) out.put(e.getKey(), e.getValue().get(0));
      }
    } else {
      throw new Rejection(200, BAD_PARAMS, "the body must be application/json or form-encoded");
    }
    return out;
  }

  /** Validates the business fields of a create (V2 numeric enums, V1 names) into a new order. */
  private Order order(Map<String, String> p, boolean v1) throws Rejection {
    Order o = new Order();
    o.v1 = v1;
    o.clientOutTradeNo = requiredParam(p, "client_out_trade_no");
    if (!CLIENT_OUT_TRADE_NO.matcher(o.clientOutTradeNo).matches()) {
      throw new Rejection(200, BAD_PARAMS, "client_out_trade_no must be 1 to 32 of [0-9A-Za-z]");
    }
    o.channel = enumValue(requiredParam(p, "channel"), "channel", v1 ? V1_CHANNELS : null, 4);
    o.platform = enumValue(requiredParam(p, "platform"), "platform", v1 ? V1_PLATFORMS : null, 6);
    String money = requiredParam(p, "money");
    if (!MONEY.matcher(money).matches() || Long.parseLong(money) <= 0) {
      throw new Rejection(200, BAD_PARAMS, "money must be a positive integer number of fen");
    }
    o.money = Long.parseLong(money);
    o.clientIp = requiredParam(p, "client_ip");
    if (!IPV4.matcher(o.clientIp).matches()) throw new Rejection(200, BAD_PARAMS, "client_ip must be an IPv4 address");
    o.notifyUrl = requiredParam(p, "notify_url");
    checkLength(o.notifyUrl, "notify_url", 128);
    if (!Urls.isHttpUrl(o.notifyUrl)) throw new Rejection(200, BAD_PARAMS, "notify_url must be an http(s) URL");
    o.openId = p.get("open_id");
    if ((o.platform == 4 || o.platform == 5) && o.openId == null) {
      throw new Rejection(200, BAD_PARAMS, "open_id is required for WeChat mp and mini-program");
    }
    o.returnUrl = p.get("return_url");
    if (o.returnUrl != null) {
      checkLength(o.returnUrl, "return_url", 128);
      if (!Urls.isHttpUrl(o.returnUrl) || o.returnUrl.indexOf('?') >= 0) {
        throw new Rejection(200, BAD_PARAMS, "return_url must be an http(s) URL without a query");
      }
    }
    o.subject = p.get("subject");
    checkLength(o.subject, "subject", 32);
    o.description = p.get("description");
    checkLength(o.description, "description", 128);
    o.extra = p.get("extra");
    checkLength(o.extra, "extra", 512);
    return o;
  }

  private static int enumValue(String value, String name, String[] v1Names, int max) throws Rejection {
    if (v1Names != null) {
      for (int i = 1; i < v1Names.length; i++) {
        if (v1Names[i].equals(value)) return i;
      }
      throw new Rejection(200, BAD_PARAMS, name + " is not one of the documented values");
    }
    if (value.length() == 1 && value.charAt(0) >= '1' && value.charAt(0) <= ('0' + max)) {
      return value.charAt(0) - '0';
    }
    throw new Rejection(200, BAD_PARAMS, name + " must be 1 to " + max);
  }

  private static void checkLength(String value, String name, int max) throws Rejection {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      throw new Rejection(200, BAD_PARAMS, name + " is longer than " + max + " characters");
    }
  }

  private void store(Order o) throws Rejection {
    Instant now = config.clock.instant();
    synchronized (lock) {
      if (byClientNo.containsKey(o.clientOutTradeNo)) {
        throw new Rejection(200, EXISTS, "order already exists");
      }
      o.outTradeNo =
          String.format(Locale.ROOT, "%s%s%07d", config.yinqiantongAppId, TRADE_TIME.format(now), ++seq % 10_000_000);
      o.createTime = now.getEpochSecond();
      o.expireTime = o.createTime + ORDER_LIFETIME_SECONDS;
      o.status = STATUS_UNPAID;
      o.payBody = payBody(o, now);
      byClientNo.put(o.clientOutTradeNo, o);
      byOutTradeNo.put(o.outTradeNo, o);
    }
  }

  private Order find(String clientNo, String outTradeNo) throws Rejection {
    boolean hasClient = clientNo != null && !clientNo.isEmpty();
    boolean hasOut = outTradeNo != null && !outTradeNo.isEmpty();
    if (!hasClient && !hasOut) {
      throw new Rejection(200, BAD_PARAMS, "missing client_out_trade_no or out_trade_no");
    }
    synchronized (lock) {
      Order o = hasClient ? byClientNo.get(clientNo) : byOutTradeNo.get(outTradeNo);
      if (o == null || (hasClient && hasOut && !o.outTradeNo.equals(outTradeNo))) {
        throw new Rejection(200, NOT_FOUND, "order not found");
      }
      return o;
    }
  }

  /** The order's status now: an unpaid order past its expire_time has expired. */
  private int status(Order o) {
    synchronized (lock) {
      if (o.status == STATUS_UNPAID && config.clock.instant().getEpochSecond() >= o.expireTime) {
        o.status = STATUS_EXPIRED;
      }
      return o.status;
    }
  }

  /**
   * What the payer's client runs, by channel and platform (README §2): an auto-submitting form for
   * Alipay PC/H5, a redirect URL for WeChat H5, a JSON string of JSAPI parameters for WeChat mp; the
   * sandbox's pay page URL otherwise. Every one leads to the sandbox's pay page.
   */
  private String payBody(Order o, Instant now) {
    String page = config.publicBaseUrl + "/yinqiantong/pay?out_trade_no=" + o.outTradeNo;
    if (o.channel == 1 && (o.platform == 1 || o.platform == 3)) {
      return "<form id='alipaysubmit' name='alipaysubmit' action='"
          + config.publicBaseUrl
          + "/yinqiantong/pay' method='get'><input type='hidden' name='out_trade_no' value='"
          + o.outTradeNo
          + "'/><input type='submit' value='ok' style='display:none;'></form>"
          + "<script>document.forms['alipaysubmit'].submit();</script>";
    }
    if (o.channel == 2 && o.platform == 4) {
      Map<String, String> jsapi = new LinkedHashMap<>();
      jsapi.put("appId", "wxsandbox" + config.yinqiantongAppId);
      jsapi.put("timeStamp", String.valueOf(now.getEpochSecond()));
      jsapi.put("nonceStr", nonce());
      jsapi.put("package", "prepay_id=sandbox" + o.outTradeNo);
      jsapi.put("signType", "MD5");
      // Shaped like WeChat's paySign; a sandbox value, not verifiable by WeChat.
      jsapi.put("paySign", Crypto.md5Hex(Crypto.canonical(jsapi) + "&key=sandbox").toUpperCase(Locale.ROOT));
      Map<String, Object> tree = new LinkedHashMap<>();
      tree.putAll(jsapi);
      return Json.write(tree);
    }
    return page;
  }

  private static String nonce() {
    StringBuilder sb = new StringBuilder();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 32; i++) sb.append(Character.forDigit(random.nextInt(36), 36));
    return sb.toString();
  }

  private Map<String, Object> v1Json(Order o) {
    return Json.obj()
        .put("app_id", config.yinqiantongAppId)
        .put("channel", V1_CHANNELS[o.channel])
        .put("platform", V1_PLATFORMS[o.platform])
        .put("out_trade_no", o.outTradeNo)
        .put("client_out_trade_no", o.clientOutTradeNo)
        .put("status", V1_STATUSES[o.status])
        .put("money", o.money)
        .put("client_ip", o.clientIp)
        .put("open_id", nullToEmpty(o.openId))
        .put("subject", nullToEmpty(o.subject))
        .put("description", nullToEmpty(o.description))
        .put("notify_url", o.notifyUrl)
        .put("return_url", nullToEmpty(o.returnUrl))
        .put("extra", nullToEmpty(o.extra))
        .put("pay_body", o.payBody)
        .put("pay_time", o.payTime)
        .put("create_time", o.createTime)
        .put("expire_time", o.expireTime)
        .build();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  // ---------------------------------------------------------------- payer simulation

  void pay(String key) {
    Notifier.Outbound out;
    synchronized (lock) {
      Order o = lookup(key);
      int status = status(o);
      if (status != STATUS_UNPAID) {
        throw new IllegalStateException(
            "银钱通 order " + key + " is " + V1_STATUSES[status] + ", not awaiting payment");
      }
      o.status = STATUS_PAID;
      o.payTime = config.clock.instant().getEpochSecond();
      out = notification(o);
    }
    notifier.submit(out);
  }

  void setStatus(String key, int newStatus) {
    synchronized (lock) {
      Order o = lookup(key);
      if (status(o) != STATUS_UNPAID) {
        throw new IllegalStateException("银钱通 order " + key + " is not awaiting payment");
      }
      o.status = newStatus;
    }
  }

  /** The order for a client_out_trade_no, or else an out_trade_no. */
  private Order lookup(String key) {
    Order o = byClientNo.get(key);
    if (o == null) o = byOutTradeNo.get(key);
    if (o == null) throw new IllegalArgumentException("no 银钱通 order with client_out_trade_no " + key);
    return o;
  }

  Order snapshotFor(String outTradeNo) {
    synchronized (lock) {
      Order o = byOutTradeNo.get(outTradeNo);
      if (o == null) return null;
      status(o);
      return o;
    }
  }

  /**
   * V2: a JSON body with appid, ts and sign next to the order fields, signed over every field but
   * sign (null and "" dropped) plus {@code &app_secret=}; success is HTTP 200. V1: headers appid,
   * appkey, ts, sign and the order JSON as body, signed over the body plus {@code &ts=…&app_secret=…};
   * success is a JSON answer with code 200.
   */
  private Notifier.Outbound notification(Order o) {
    long ts = config.clock.instant().getEpochSecond();
    if (o.v1) {
      Map<String, Object> body = v1Json(o);
      String sign =
          Crypto.md5Hex(
              Crypto.canonical(signable(body)) + "&ts=" + ts + "&app_secret=" + config.yinqiantongAppSecret);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("appid", config.yinqiantongAppId);
      headers.put("appkey", config.yinqiantongAppKey);
      headers.put("ts", String.valueOf(ts));
      headers.put("sign", sign);
      return new Notifier.Outbound(
          Gateway.YINQIANTONG,
          o.clientOutTradeNo,
          "order.paid",
          o.notifyUrl,
          headers,
          "application/json; charset=utf-8",
          Json.write(body),
          true,
          YinqiantongGateway::v1Acknowledged);
    }
    Map<String, Object> body =
        Json.obj()
            .put("appid", config.yinqiantongAppId)
            .put("ts", ts)
            .put("channel", String.valueOf(o.channel))
            .put("platform", String.valueOf(o.platform))
            .put("out_trade_no", o.outTradeNo)
            .put("client_out_trade_no", o.clientOutTradeNo)
            .put("status", String.valueOf(STATUS_PAID))
            .put("money", o.money)
            .put("client_ip", o.clientIp)
            .put("open_id", nullToEmpty(o.openId))
            .put("subject", nullToEmpty(o.subject))
            .put("description", nullToEmpty(o.description))
            .put("extra", nullToEmpty(o.extra))
            .put("pay_time", o.payTime)
            .build();
    String sign =
        Crypto.md5Hex(Crypto.canonical(signable(body)) + "&app_secret=" + config.yinqiantongAppSecret);
    Map<String, Object> sent = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : body.entrySet()) {
      sent.put(e.getKey(), e.getValue());
      if (e.getKey().equals("ts")) sent.put("sign", sign);
    }
    return new Notifier.Outbound(
        Gateway.YINQIANTONG,
        o.clientOutTradeNo,
        "order.paid",
        o.notifyUrl,
        Collections.<String, String>emptyMap(),
        "application/json; charset=utf-8",
        Json.write(sent),
        true,
        (status, ignored) -> status == 200);
  }

  /** The signed set of a JSON object: scalar values as text, null and "" dropped. */
  private static Map<String, String> signable(Map<String, Object> body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : body.entrySet()) {
      String v = Json.scalarText(e.getValue());
      if (v != null && !v.isEmpty()) out.put(e.getKey(), v);
    }
    return out;
  }

  private static boolean v1Acknowledged(int status, String body) {
    if (status < 200 || status > 299) return false;
    try {
      Object code = Json.parseObject(body).get("code");
      return code != null && "200".equals(Json.scalarText(code));
    } catch (Json.SyntaxException | IllegalArgumentException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- pay page

  Reply payPage(InboundRequest r) {
    String outTradeNo = r.queryParam("out_trade_no");
    Order o = outTradeNo == null ? null : snapshotFor(outTradeNo);
    if (o == null) return Reply.html(404, Pages.page("银钱通 sandbox", "<p>Order not found.</p>"));
    String body;
    synchronized (lock) {
      body =
          "<p>Order <b>"
              + Urls.html(o.clientOutTradeNo)
              + "</b> ("
              + Urls.html(o.outTradeNo)
              + ")</p><p>Amount: "
              + o.money
              + " fen</p><p>Subject: "
              + Urls.html(nullToEmpty(o.subject))
              + "</p><p>Status: <span id='status'>"
              + V1_STATUSES[o.status]
              + "</span></p>"
              + Pages.payButton(
                  "yinqiantong",
                  o.clientOutTradeNo,
                  o.returnUrl == null ? null : o.returnUrl + "?out_trade_no=" + o.outTradeNo);
    }
    return Reply.html(200, Pages.page("银钱通 sandbox checkout", body));
  }
}
