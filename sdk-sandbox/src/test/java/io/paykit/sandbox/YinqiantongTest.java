package io.paykit.sandbox;

import static io.paykit.sandbox.Wire.num;
import static io.paykit.sandbox.Wire.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 银钱通 V2 and V1 (README §2) over raw HTTP, signatures computed by the test. */
class YinqiantongTest {
  private static final String SECRET = "your_app_secret";
  private final OkHttpClient http = Wire.client();
  private PayKitSandbox sandbox;
  private String base;
  private int counter;

  @BeforeEach
  void start() {
    sandbox = PayKitSandbox.start();
    base = sandbox.baseUrl(Gateway.YINQIANTONG);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** The V2 business fields of an H5 Alipay order. */
  private Map<String, String> order(String clientNo, String notifyUrl) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("appid", "00000000");
    p.put("ts", String.valueOf(Wire.now()));
    p.put("client_out_trade_no", clientNo);
    p.put("channel", "1");
    p.put("platform", "3");
    p.put("money", "1");
    p.put("client_ip", "127.0.0.1");
    p.put("notify_url", notifyUrl);
    p.put("subject", "my_subject");
    p.put("description", "");
    return p;
  }

  /** V2 sign: all params but sign, null and "" dropped, sorted, + &app_secret=, lowercase MD5. */
  private static String v2Sign(Map<String, String> p) {
    Map<String, String> signed = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : p.entrySet()) {
      if (!e.getKey().equals("sign") && e.getValue() != null && !e.getValue().isEmpty()) signed.put(e.getKey(), e.getValue());
    }
    return Wire.md5(Wire.sorted(signed) + "&app_secret=" + SECRET);
  }

  /** Writes the params as JSON with money as a number, the rest as strings. */
  private static String json(Map<String, String> p) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, String> e : p.entrySet()) {
      if (sb.length() > 1) sb.append(',');
      boolean number = e.getKey().equals("money") || e.getKey().equals("ts");
      sb.append('"').append(e.getKey()).append("\":");
      sb.append(number ? e.getValue() : "\"" + e.getValue().replace("\"", "\\\"") + "\"");
    }
    return sb.append('}').toString();
  }

  private Wire.Answer createV2(Map<String, String> p) {
    p.put("sign", v2Sign(p));
    return Wire.postJson(http, base + "/order", json(p));
  }

  private String nextNo() {
    return "T" + (++counter) + "x" + Long.toHexString(System.nanoTime());
  }

  private long queryCode(String clientNo) {
    return num(Wire.get(http, base + "/order?appid=00000000&client_out_trade_no=" + clientNo).json().get("code"));
  }

  @Test
  void createsAV2OrderFromASignedJsonBody() {
    String no = nextNo();
    Wire.Answer a = createV2(order(no, "http://127.0.0.1:1/notify"));
    assertEquals(200, a.status);
    assertEquals(200L, num(a.json().get("code")), a.body);
    assertEquals("ok", a.json().get("msg"));
    Map<String, Object> data = obj(a.json().get("data"));
    assertTrue(((String) data.get("out_trade_no")).startsWith("00000000"));
    assertTrue(num(data.get("expire_time")) > Wire.now());
    assertTrue(((String) data.get("pay_body")).contains("<form"), "Alipay H5 pays through an auto-submitting form");
    assertEquals(4201L, queryCode(no));
  }

  @Test
  void createsAV2OrderFromASignedForm() {
    Map<String, String> p = order(nextNo(), "http://127.0.0.1:1/notify");
    p.put("sign", v2Sign(p));
    Wire.Params form = Wire.params();
    for (Map.Entry<String, String> e : p.entrySet()) form.add(e.getKey(), e.getValue());
    Wire.Answer a = Wire.postForm(http, base + "/order", form.encoded());
    assertEquals(200L, num(a.json().get("code")), a.body);
  }

  @Test
  void rejectsABadSignatureWith4403() {
    Map<String, String> p = order(nextNo(), "http://127.0.0.1:1/notify");
    p.put("sign", Wire.md5("appid=00000000&app_secret=" + SECRET));
    Wire.Answer a = Wire.postJson(http, base + "/order", json(p));
    assertEquals(200, a.status, "business codes travel with HTTP 200");
    assertEquals(4403L, num(a.json().get("code")));
    assertNull(a.json().get("data"));
  }

  @Test
  void rejectsATsOutsideTheDayWindowWith4403AndAcceptsOneInside() {
    Map<String, String> stale = order(nextNo(), "http://127.0.0.1:1/notify");
    stale.put("ts", String.valueOf(Wire.now() - 86_401 - 5));
    assertEquals(4403L, num(createV2(stale).json().get("code")));

    Map<String, String> future = order(nextNo(), "http://127.0.0.1:1/notify");
    future.put("ts", String.valueOf(Wire.now() + 86_401 + 5));
    assertEquals(4403L, num(createV2(future).json().get("code")));

    Map<String, String> inside = order(nextNo(), "http://127.0.0.1:1/notify");
    inside.put("ts", String.valueOf(Wire.now() - 86_000));
    assertEquals(200L, num(createV2(inside).json().get("code")));

    Map<String, String> millis = order(nextNo(), "http://127.0.0.1:1/notify");
    millis.put("ts", String.valueOf(System.currentTimeMillis()));
    assertEquals(4414L, num(createV2(millis).json().get("code")), "ts is 10-digit seconds");
  }

  @Test
  void rejectsMissingOrInvalidFieldsWith4414() {
    Map<String, String> noIp = order(nextNo(), "http://127.0.0.1:1/notify");
    noIp.remove("client_ip");
    assertEquals(4414L, num(createV2(noIp).json().get("code")));

    Map<String, String> badNo = order("has-dash", "http://127.0.0.1:1/notify");
    assertEquals(4414L, num(createV2(badNo).json().get("code")));

    Map<String, String> zero = order(nextNo(), "http://127.0.0.1:1/notify");
    zero.put("money", "0");
    assertEquals(4414L, num(createV2(zero).json().get("code")));

    Map<String, String> channel = order(nextNo(), "http://127.0.0.1:1/notify");
    channel.put("channel", "alipay");
    assertEquals(4414L, num(createV2(channel).json().get("code")), "V2 channels are numeric strings");

    Map<String, String> mp = order(nextNo(), "http://127.0.0.1:1/notify");
    mp.put("channel", "2");
    mp.put("platform", "4");
    assertEquals(4414L, num(createV2(mp).json().get("code")), "WeChat mp needs open_id");

    Map<String, String> noSign = order(nextNo(), "http://127.0.0.1:1/notify");
    assertEquals(4414L, num(Wire.postJson(http, base + "/order", json(noSign)).json().get("code")));

    assertEquals(4414L, num(Wire.postJson(http, base + "/order", "{not json").json().get("code")));
  }

  @Test
  void anUnknownAppidIsNotFound() {
    Map<String, String> p = order(nextNo(), "http://127.0.0.1:1/notify");
    p.put("appid", "99999999");
    assertEquals(4404L, num(createV2(p).json().get("code")));
  }

  @Test
  void aDuplicateClientOutTradeNoIs4409() {
    String no = nextNo();
    assertEquals(200L, num(createV2(order(no, "http://127.0.0.1:1/notify")).json().get("code")));
    assertEquals(4409L, num(createV2(order(no, "http://127.0.0.1:1/notify")).json().get("code")));
  }

  @Test
  void theV2QueryAnswersTheStateInTheCode() {
    String awaiting = nextNo();
    String failed = nextNo();
    String expired = nextNo();
    for (String no : new String[] {awaiting, failed, expired}) createV2(order(no, "http://127.0.0.1:1/notify"));
    assertEquals(4201L, queryCode(awaiting));
    sandbox.failYinqiantongOrder(failed);
    assertEquals(4400L, queryCode(failed));
    sandbox.expireYinqiantongOrder(expired);
    assertEquals(4408L, queryCode(expired));
    assertEquals(4404L, queryCode("nosuchorder"));

    sandbox.payYinqiantongOrder(awaiting);
    Wire.Answer paid = Wire.get(http, base + "/order?appid=00000000&client_out_trade_no=" + awaiting);
    assertEquals(200L, num(paid.json().get("code")));
    assertFalse(paid.json().containsKey("data"), "V2 carries the state in code only");

    assertEquals(4414L, num(Wire.get(http, base + "/order?appid=00000000").json().get("code")));
  }

  @Test
  void ordersExpireOnTheirOwnAfterTwoHours() {
    MutableClock clock = new MutableClock();
    try (PayKitSandbox timed = PayKitSandbox.builder().clock(clock).start()) {
      String url = timed.baseUrl(Gateway.YINQIANTONG);
      Map<String, String> p = order(nextNo(), "http://127.0.0.1:1/notify");
      p.put("ts", String.valueOf(clock.instant().getEpochSecond()));
      p.put("sign", v2Sign(p));
      assertEquals(200L, num(Wire.postJson(http, url + "/order", json(p)).json().get("code")));
      String query = url + "/order?appid=00000000&client_out_trade_no=" + p.get("client_out_trade_no");
      assertEquals(4201L, num(Wire.get(http, query).json().get("code")));
      clock.advanceSeconds(7200);
      assertEquals(4408L, num(Wire.get(http, query).json().get("code")));
    }
  }

  @Test
  void speaksV1WithHeaderSignaturesAndFullOrders() {
    String no = nextNo();
    long ts = Wire.now();
    String body =
        "{\"client_out_trade_no\":\"" + no + "\",\"channel\":\"wx\",\"platform\":\"h5\",\"money\":1,"
            + "\"client_ip\":\"127.0.0.1\",\"notify_url\":\"http://127.0.0.1:1/n\",\"subject\":\"\"}";
    String toSign =
        "channel=wx&client_ip=127.0.0.1&client_out_trade_no=" + no + "&money=1&notify_url=http://127.0.0.1:1/n"
            + "&platform=h5&ts=" + ts + "&app_secret=" + SECRET;
    Request create =
        new Request.Builder()
            .url(base + "/order")
            .header("appid", "00000000")
            .header("appkey", "1234567890123456")
            .header("ts", String.valueOf(ts))
            .header("sign", Wire.md5(toSign))
            .post(RequestBody.create(body, Wire.JSON))
            .build();
    Wire.Answer a = Wire.call(http, create);
    assertEquals(200L, num(a.json().get("code")), a.body);
    Map<String, Object> order = obj(a.json().get("data"));
    assertEquals("wx", order.get("channel"));
    assertEquals("h5", order.get("platform"));
    assertEquals("unpaid", order.get("status"));
    assertEquals("00000000", order.get("app_id"));
    assertEquals(no, order.get("client_out_trade_no"));
    assertEquals(0L, num(order.get("pay_time")));
    assertEquals(7200L, num(order.get("expire_time")) - num(order.get("create_time")));
    assertTrue(((String) order.get("pay_body")).startsWith("http://127.0.0.1:"), "WeChat H5 pays through a redirect URL");

    Request badSign = create.newBuilder().header("sign", Wire.md5("x")).build();
    assertEquals(4403L, num(Wire.call(http, badSign).json().get("code")));
    Request badKey = create.newBuilder().header("appkey", "0000000000000000").build();
    assertEquals(4403L, num(Wire.call(http, badKey).json().get("code")));

    Request query =
        new Request.Builder()
            .url(base + "/order?appid=00000000&client_out_trade_no=" + no)
            .header("appid", "00000000")
            .header("appkey", "1234567890123456")
            .header("ts", String.valueOf(ts))
            .header("sign", Wire.md5("ts=" + ts + "&app_secret=" + SECRET))
            .build();
    Wire.Answer q = Wire.call(http, query);
    assertEquals(200L, num(q.json().get("code")), q.body);
    assertEquals("unpaid", obj(q.json().get("data")).get("status"));
    sandbox.payYinqiantongOrder(no);
    assertEquals("paid", obj(Wire.call(http, query).json().get("data")).get("status"));
  }

  @Test
  void weChatMpGetsJsapiParametersAsAJsonString() {
    Map<String, String> p = order(nextNo(), "http://127.0.0.1:1/notify");
    p.put("channel", "2");
    p.put("platform", "4");
    p.put("open_id", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    Wire.Answer a = createV2(p);
    String payBody = (String) obj(a.json().get("data")).get("pay_body");
    Map<String, Object> jsapi = Wire.json(payBody);
    assertTrue(((String) jsapi.get("package")).startsWith("prepay_id="));
    assertEquals("MD5", jsapi.get("signType"));
  }

  @Test
  void payingPostsASignedV2NotificationAndRetriesUntilHttp200() throws Exception {
    try (MerchantServer merchant = new MerchantServer(200, "").thenAnswer(500, "busy")) {
      String no = nextNo();
      Map<String, String> p = order(no, merchant.url("/yqt"));
      p.put("extra", "echo-me");
      createV2(p);
      sandbox.payYinqiantongOrder(no);

      MerchantServer.Received n = merchant.take();
      assertTrue(n.header("Content-Type").startsWith("application/json"));
      Map<String, Object> body = Wire.json(n.body);
      assertEquals("00000000", body.get("appid"));
      assertEquals(no, body.get("client_out_trade_no"));
      assertEquals("1", body.get("status"));
      assertEquals("1", body.get("channel"));
      assertEquals("3", body.get("platform"));
      assertEquals("echo-me", body.get("extra"));
      assertTrue(Math.abs(num(body.get("ts")) - Wire.now()) < 60);
      assertTrue(num(body.get("pay_time")) > 0);
      Map<String, String> signed = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : body.entrySet()) {
        Object v = e.getValue();
        String text = v instanceof Number ? String.valueOf(num(v)) : (String) v;
        if (!e.getKey().equals("sign") && text != null && !text.isEmpty()) signed.put(e.getKey(), text);
      }
      assertEquals(Wire.md5(Wire.sorted(signed) + "&app_secret=" + SECRET), body.get("sign"));

      List<Delivery> deliveries = sandbox.awaitDeliveries(2, Wire.AWAIT);
      assertEquals(500, deliveries.get(0).statusCode());
      assertFalse(deliveries.get(0).success());
      assertEquals(200, deliveries.get(1).statusCode());
      assertTrue(deliveries.get(1).success());
      assertEquals(no, deliveries.get(1).reference());
      assertEquals(n.body, deliveries.get(1).requestBody(), "every attempt sends the same body");
    }
  }

  @Test
  void aV1OrderIsNotifiedWithV1HeadersAndNeedsAJsonCode200() throws Exception {
    try (MerchantServer merchant = new MerchantServer(200, "{\"code\":200,\"msg\":\"ok\"}").thenAnswer(200, "OK")) {
      String no = nextNo();
      long ts = Wire.now();
      String body =
          "{\"client_out_trade_no\":\"" + no + "\",\"channel\":\"alipay\",\"platform\":\"app\",\"money\":5,"
              + "\"client_ip\":\"10.0.0.1\",\"notify_url\":\"" + merchant.url("/v1") + "\"}";
      String toSign =
          "channel=alipay&client_ip=10.0.0.1&client_out_trade_no=" + no + "&money=5&notify_url=" + merchant.url("/v1")
              + "&platform=app&ts=" + ts + "&app_secret=" + SECRET;
      Wire.Answer created =
          Wire.call(
              http,
              new Request.Builder()
                  .url(base + "/order")
                  .header("appid", "00000000")
                  .header("appkey", "1234567890123456")
                  .header("ts", String.valueOf(ts))
                  .header("sign", Wire.md5(toSign))
                  .post(RequestBody.create(body, Wire.JSON))
                  .build());
      assertEquals(200L, num(created.json().get("code")), created.body);
      sandbox.payYinqiantongOrder(no);

      MerchantServer.Received n = merchant.take();
      assertEquals("00000000", n.header("appid"));
      assertEquals("1234567890123456", n.header("appkey"));
      Map<String, Object> order = Wire.json(n.body);
      assertEquals("paid", order.get("status"));
      Map<String, String> signed = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : order.entrySet()) {
        Object v = e.getValue();
        String text = v instanceof Number ? String.valueOf(num(v)) : (String) v;
        if (text != null && !text.isEmpty()) signed.put(e.getKey(), text);
      }
      assertEquals(
          Wire.md5(Wire.sorted(signed) + "&ts=" + n.header("ts") + "&app_secret=" + SECRET), n.header("sign"));

      List<Delivery> deliveries = sandbox.awaitDeliveries(2, Wire.AWAIT);
      assertFalse(deliveries.get(0).success(), "HTTP 200 with a non-JSON body is not a V1 acknowledgement");
      assertTrue(deliveries.get(1).success());
    }
  }

  @Test
  void servesACheckoutPageForPayBodyLinks() {
    String no = nextNo();
    Map<String, String> p = order(no, "http://127.0.0.1:1/n");
    p.put("channel", "2");
    String payBody = (String) obj(createV2(p).json().get("data")).get("pay_body");
    Wire.Answer page = Wire.get(http, payBody);
    assertEquals(200, page.status);
    assertTrue(page.contentType.startsWith("text/html"));
    assertTrue(page.body.contains(no));
    assertEquals(404, Wire.get(http, base + "/pay?out_trade_no=nope").status);
  }
}
