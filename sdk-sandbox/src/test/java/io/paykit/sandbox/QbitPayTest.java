package io.paykit.sandbox;

import static io.paykit.sandbox.Wire.list;
import static io.paykit.sandbox.Wire.num;
import static io.paykit.sandbox.Wire.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Qbit Pay (README §3) over raw HTTP with Basic auth, webhook signatures checked by the test. */
class QbitPayTest {
  private static final String KEY = "sk_sandbox";
  private final OkHttpClient http = Wire.client();
  private PayKitSandbox sandbox;
  private String base;

  @BeforeEach
  void start() {
    sandbox = PayKitSandbox.start();
    base = sandbox.baseUrl(Gateway.QBITPAY);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Wire.Answer send(String method, String path, String json) {
    Request.Builder b = new Request.Builder().url(base + path).header("Authorization", Wire.basic(KEY));
    b.method(method, json == null ? null : RequestBody.create(json, Wire.JSON));
    return Wire.call(http, b.build());
  }

  private static String chargeJson(String amount, String externalOrderId, String cbUrl) {
    return "{\"amount\":" + amount + ",\"currency\":\"USD\",\"externalOrderId\":\"" + externalOrderId
        + "\",\"cbUrl\":\"" + cbUrl + "\",\"redirectUrl\":\"https://merchant.example/done\"}";
  }

  private Map<String, Object> create(String externalOrderId) {
    Wire.Answer a = send("POST", "/api/v1/charges", chargeJson("10.50", externalOrderId, "http://127.0.0.1:1/cb"));
    assertEquals(200, a.status, a.body);
    return a.json();
  }

  /** The test's own webhook check: top-level keys minus null/"", sorted, data as the raw JSON text. */
  static String expectedSignature(String body, String key) {
    int dataStart = body.indexOf(",\"data\":") + ",\"data\":".length();
    assertTrue(body.endsWith("}}"), "data is the last key of the event");
    String data = body.substring(dataStart, body.length() - 1);
    Map<String, Object> event = Wire.json(body);
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : event.entrySet()) {
      Object v = e.getValue();
      String text;
      if (e.getKey().equals("data")) {
        text = data;
      } else if (v instanceof Number) {
        text = String.valueOf(num(v));
      } else {
        text = v == null ? null : String.valueOf(v);
      }
      if (text != null && !text.isEmpty()) fields.put(e.getKey(), text);
    }
    return Wire.md5(Wire.sorted(fields) + "&key=" + key).toUpperCase(Locale.ROOT);
  }

  @Test
  void theSandboxSignerReproducesThePublishedWebhookVector() throws IOException {
    String body = resource("qbitpay-webhook-event.json").trim();
    assertEquals("EE53810FF1341779F2FF25989A67DCFC", expectedSignature(body, "T9uTy95uSifOOuTy"), "the test's own check");

    Map<String, Object> event = new LinkedHashMap<>();
    Map<String, Object> parsed = Wire.json(body);
    event.put("id", parsed.get("id"));
    event.put("type", parsed.get("type"));
    event.put("createdAt", parsed.get("createdAt"));
    event.put("object", parsed.get("object"));
    event.put("pendingWebhooks", 0L);
    event.put("livemode", Boolean.TRUE);
    event.put("data", new Json.Raw(body.substring(body.indexOf("\"data\":") + 7, body.length() - 1)));
    assertEquals("EE53810FF1341779F2FF25989A67DCFC", QbitPayGateway.webhookSignature(event, "T9uTy95uSifOOuTy"));
  }

  @Test
  void createsAndRetrievesACharge() {
    Wire.Answer a = send("POST", "/api/v1/charges", chargeJson("10.50", "order-1", "http://127.0.0.1:1/cb"));
    assertEquals(200, a.status, a.body);
    assertTrue(a.body.contains("\"amount\":10.50"), "the amount comes back as sent: " + a.body);
    Map<String, Object> charge = a.json();
    String id = (String) charge.get("id");
    assertEquals("charge", charge.get("object"));
    assertEquals("pending", charge.get("status"));
    assertEquals(Boolean.FALSE, charge.get("paid"));
    assertEquals("USD", charge.get("currency"));
    assertEquals("order-1", charge.get("externalOrderId"));
    assertEquals(base + "/pay#/otc/payment?tradeId=" + id, charge.get("paymentPageUrl"));
    assertEquals("BTC", charge.get("baseCurrency"));
    assertEquals("CNY", charge.get("quoteCurrency"));
    assertEquals(75.60, ((Number) charge.get("totalCost")).doubleValue(), 1e-9, "10.50 USD at 7.20 CNY");
    assertTrue(((String) charge.get("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    assertTrue(Instant.parse((String) charge.get("expiresAt")).isAfter(Instant.parse((String) charge.get("createdAt"))));

    Wire.Answer got = send("GET", "/api/v1/charges/" + id, null);
    assertEquals(200, got.status);
    assertEquals(a.body, got.body);

    Wire.Answer missing = send("GET", "/api/v1/charges/nosuch", null);
    assertEquals(404, missing.status);
    assertEquals("invalid_request_error", obj(missing.json().get("error")).get("type"));

    Wire.Answer page = Wire.get(http, (String) charge.get("paymentPageUrl"));
    assertEquals(200, page.status);
    assertTrue(page.contentType.startsWith("text/html"));
  }

  @Test
  void refusesMissingOrWrongBasicAuthWith401() {
    Request none = new Request.Builder().url(base + "/api/v1/charges").get().build();
    Wire.Answer a = Wire.call(http, none);
    assertEquals(401, a.status);
    assertEquals("authentication_error", obj(a.json().get("error")).get("type"));
    assertTrue(a.header("WWW-Authenticate").startsWith("Basic"));

    Request wrong = none.newBuilder().header("Authorization", Wire.basic("sk_wrong")).build();
    assertEquals(401, Wire.call(http, wrong).status);
    Request bearer = none.newBuilder().header("Authorization", "Bearer " + KEY).build();
    assertEquals(401, Wire.call(http, bearer).status);
    Request garbage = none.newBuilder().header("Authorization", "Basic %%%").build();
    assertEquals(401, Wire.call(http, garbage).status);
  }

  @Test
  void refusesInvalidChargesWith400InvalidRequestError() {
    String[] bodies = {
      "{\"currency\":\"USD\",\"externalOrderId\":\"o\",\"cbUrl\":\"http://a.b/c\",\"redirectUrl\":\"http://a.b/d\"}",
      chargeJson("\"10.50\"", "o", "http://a.b/c"),
      chargeJson("1e1", "o", "http://a.b/c"),
      chargeJson("0", "o", "http://a.b/c"),
      chargeJson("-1", "o", "http://a.b/c"),
      chargeJson("1", "", "http://a.b/c"),
      chargeJson("1", "o", "not a url"),
      chargeJson("1", "o", "http://a.b/c").replace("\"USD\"", "\"EUR\""),
      chargeJson("1", "o", "http://a.b/c").replace("}", ",\"quoteCurrency\":\"USD\",\"paymentType\":\"Alipay\"}"),
      "{\"amount\":1,",
      "[]",
    };
    for (String body : bodies) {
      Wire.Answer a = send("POST", "/api/v1/charges", body);
      assertEquals(400, a.status, body + " -> " + a.body);
      assertEquals("invalid_request_error", obj(a.json().get("error")).get("type"), body);
    }
    Request form =
        new Request.Builder()
            .url(base + "/api/v1/charges")
            .header("Authorization", Wire.basic(KEY))
            .post(RequestBody.create("amount=1&currency=USD", Wire.FORM))
            .build();
    assertEquals(400, Wire.call(http, form).status, "JSON bodies only");
    assertTrue(list(send("GET", "/api/v1/charges", null).json().get("data")).isEmpty(), "nothing was created");
  }

  @Test
  void pagesChargesNewestFirstWithCursorsAndNoHasMore() {
    List<String> ids = sandbox.seedQbitCharges(25);
    List<String> newestFirst = new ArrayList<>(ids);
    Collections.reverse(newestFirst);

    List<String> walked = new ArrayList<>();
    String after = null;
    int pages = 0;
    while (true) {
      Wire.Answer a = send("GET", "/api/v1/charges?limit=10" + (after == null ? "" : "&starting_after=" + after), null);
      assertEquals(200, a.status, a.body);
      assertEquals("list", a.json().get("object"));
      assertEquals("/api/v1/charges", a.json().get("url"));
      assertFalse(a.json().containsKey("has_more"), "no has_more by default");
      List<Object> data = list(a.json().get("data"));
      pages++;
      for (Object o : data) walked.add((String) obj(o).get("id"));
      if (data.size() < 10) break;
      after = (String) obj(data.get(data.size() - 1)).get("id");
    }
    assertEquals(3, pages);
    assertEquals(newestFirst, walked);

    // Backwards from the oldest: the 10 just newer than it, still newest first.
    Wire.Answer back = send("GET", "/api/v1/charges?limit=10&ending_before=" + ids.get(0), null);
    List<String> backIds = new ArrayList<>();
    for (Object o : list(back.json().get("data"))) backIds.add((String) obj(o).get("id"));
    assertEquals(newestFirst.subList(14, 24), backIds);

    assertEquals(10, list(send("GET", "/api/v1/charges", null).json().get("data")).size(), "default limit 10");
    assertEquals(400, send("GET", "/api/v1/charges?limit=0", null).status);
    assertEquals(400, send("GET", "/api/v1/charges?limit=101", null).status);
    assertEquals(400, send("GET", "/api/v1/charges?limit=ten", null).status);
    assertEquals(400, send("GET", "/api/v1/charges?starting_after=" + ids.get(3) + "&ending_before=" + ids.get(1), null).status);
    assertEquals(400, send("GET", "/api/v1/charges?starting_after=nosuch", null).status);
  }

  @Test
  void canReportHasMoreWhenConfigured() {
    try (PayKitSandbox withHasMore = PayKitSandbox.builder().qbitPayListHasMore(true).start()) {
      withHasMore.seedQbitCharges(3);
      Request r =
          new Request.Builder()
              .url(withHasMore.baseUrl(Gateway.QBITPAY) + "/api/v1/charges?limit=2")
              .header("Authorization", Wire.basic(KEY))
              .build();
      Map<String, Object> first = Wire.call(http, r).json();
      assertEquals(Boolean.TRUE, first.get("has_more"));
      String last = (String) obj(list(first.get("data")).get(1)).get("id");
      Request next = r.newBuilder().url(withHasMore.baseUrl(Gateway.QBITPAY) + "/api/v1/charges?limit=2&starting_after=" + last).build();
      assertEquals(Boolean.FALSE, Wire.call(http, next).json().get("has_more"));
    }
  }

  @Test
  void duplicateExternalOrderIdsAreAllowedAndListableByExternalOrderId() {
    String first = (String) create("dup-1").get("id");
    String second = (String) create("dup-1").get("id");
    create("other");
    assertNotEquals(first, second);
    List<Object> data = list(send("GET", "/api/v1/charges?externalOrderId=dup-1", null).json().get("data"));
    assertEquals(2, data.size());
    assertEquals(second, obj(data.get(0)).get("id"), "newest first");
    assertEquals(first, obj(data.get(1)).get("id"));
  }

  @Test
  void marksAPendingChargeBuyerPaidOnlyOnce() {
    String id = (String) create("o").get("id");
    Wire.Answer a = send("PUT", "/api/v1/charges/" + id, "{\"status\":\"buyerPaid\"}");
    assertEquals(200, a.status, a.body);
    assertEquals("buyerPaid", a.json().get("status"));
    Wire.Answer again = send("PUT", "/api/v1/charges/" + id, "{\"status\":\"buyerPaid\"}");
    assertEquals(402, again.status);
    assertEquals(400, send("PUT", "/api/v1/charges/" + id, "{\"status\":\"closed\"}").status);
    assertEquals(404, send("PUT", "/api/v1/charges/nosuch", "{\"status\":\"buyerPaid\"}").status);
  }

  @Test
  void issuesAJwtShapedAccessTokenWithExp() {
    Wire.Answer a = send("GET", "/api/v1/accessToken", null);
    assertEquals(200, a.status);
    String token = (String) a.json().get("accessToken");
    String[] parts = token.split("\\.");
    assertEquals(3, parts.length);
    Map<String, Object> payload = Wire.json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    assertTrue(num(payload.get("exp")) > Wire.now() + 3600);
    assertEquals("HS256", Wire.json(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).get("alg"));
  }

  @Test
  void payingSendsASignedChargeSucceededWebhookAndRetriesUntil2xx() throws Exception {
    try (MerchantServer merchant = new MerchantServer(204, "").thenAnswer(500, "down").thenAnswer(503, "still down")) {
      Wire.Answer created = send("POST", "/api/v1/charges", chargeJson("3", "wh-1", merchant.url("/hooks")));
      String id = (String) created.json().get("id");
      sandbox.payQbitCharge(id);

      MerchantServer.Received hook = merchant.take();
      assertEquals("/hooks", hook.path);
      Map<String, Object> event = Wire.json(hook.body);
      assertEquals("charge.succeeded", event.get("type"));
      assertEquals("event", event.get("object"));
      assertEquals(Boolean.FALSE, event.get("livemode"));
      assertTrue(event.containsKey("pendingWebhooks"));
      Map<String, Object> data = obj(event.get("data"));
      assertEquals(id, data.get("id"));
      assertEquals("closed", data.get("status"));
      assertEquals(Boolean.TRUE, data.get("paid"));
      assertEquals(expectedSignature(hook.body, KEY), hook.header("QbitPay-Signature"));

      List<Delivery> deliveries = sandbox.awaitDeliveries(3, Wire.AWAIT);
      assertEquals(500, deliveries.get(0).statusCode());
      assertEquals(503, deliveries.get(1).statusCode());
      assertEquals(204, deliveries.get(2).statusCode());
      assertTrue(deliveries.get(2).success());
      assertEquals("charge.succeeded", deliveries.get(2).eventType());
      MerchantServer.Received retry = merchant.take();
      assertEquals(hook.body, retry.body, "a retry resends the same event");
      assertEquals(hook.header("QbitPay-Signature"), retry.header("QbitPay-Signature"));
    }
    Map<String, Object> charge = send("GET", "/api/v1/charges/" + sandbox.deliveries().get(0).reference(), null).json();
    assertEquals("closed", charge.get("status"));
  }

  @Test
  void theTestEventIsSignedAndSentOnceWithoutRetry() throws Exception {
    // Retries, if any, would follow at once: the merchant's next request must then be the charge's.
    try (PayKitSandbox eager = PayKitSandbox.builder().notificationRetryInterval(java.time.Duration.ZERO).start();
        MerchantServer merchant = new MerchantServer(200, "").thenAnswer(500, "no")) {
      String url = eager.baseUrl(Gateway.QBITPAY);
      Request test =
          new Request.Builder()
              .url(url + "/api/v1/events/test?cbUrl=" + Wire.enc(merchant.url("/t")))
              .header("Authorization", Wire.basic(KEY))
              .build();
      Wire.Answer a = Wire.call(http, test);
      assertEquals(200, a.status, a.body);
      MerchantServer.Received hook = merchant.take();
      assertEquals(a.body, hook.body);
      assertEquals(expectedSignature(hook.body, KEY), hook.header("QbitPay-Signature"));
      assertFalse(eager.awaitDeliveries(1, Wire.AWAIT).get(0).success());

      Request create =
          new Request.Builder()
              .url(url + "/api/v1/charges")
              .header("Authorization", Wire.basic(KEY))
              .post(RequestBody.create(chargeJson("1", "after", merchant.url("/t")), Wire.JSON))
              .build();
      String id = (String) Wire.call(http, create).json().get("id");
      eager.payQbitCharge(id);
      assertEquals(id, obj(Wire.json(merchant.take().body).get("data")).get("id"));
      List<Delivery> all = eager.awaitDeliveries(2, Wire.AWAIT);
      assertEquals(2, all.size());
      assertTrue(all.get(1).success());
    }
    assertEquals(400, send("GET", "/api/v1/events/test", null).status);
  }

  @Test
  void aChargeCanBePaidOnlyOnce() {
    String id = (String) create("once").get("id");
    sandbox.payQbitCharge(id);
    try {
      sandbox.payQbitCharge(id);
      throw new AssertionError("a closed charge was paid twice");
    } catch (IllegalStateException expected) {
      assertTrue(expected.getMessage().contains("closed"));
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = QbitPayTest.class.getResourceAsStream(name)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      int n;
      while ((n = in.read(buf)) != -1) out.write(buf, 0, n);
      return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
  }
}
