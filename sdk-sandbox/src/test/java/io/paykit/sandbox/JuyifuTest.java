package io.paykit.sandbox;

import static io.paykit.sandbox.Wire.list;
import static io.paykit.sandbox.Wire.num;
import static io.paykit.sandbox.Wire.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 聚易付 (README §1) over raw HTTP, with every signature computed by the test itself. */
class JuyifuTest {
  private static final String SECRET = "sandbox_md5_secret";
  private final OkHttpClient http = Wire.client();
  private PayKitSandbox sandbox;
  private String base;

  @BeforeEach
  void start() {
    sandbox = PayKitSandbox.start();
    base = sandbox.baseUrl(Gateway.JUYIFU);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Wire.Params orderParams() {
    return Wire.params()
        .add("app_id", "1000")
        .add("pay_type", 1)
        .add("amount", 100)
        .add("product_id", "P9")
        .add("product_name", "金币")
        .add("ext_data", "");
  }

  private Map<String, Object> createOrder(Wire.Params p) {
    Wire.Answer a = Wire.postForm(http, base + "/orders", p.encoded());
    assertEquals(200, a.status, a.body);
    assertEquals(0L, num(a.json().get("code")), a.body);
    return obj(a.json().get("data"));
  }

  private String createMd5Order() {
    return (String) createOrder(orderParams().signMd5(SECRET)).get("id");
  }

  private Wire.Answer signedGet(String path, Wire.Params p) {
    return Wire.get(http, base + path + "?" + p.signMd5(SECRET).encoded());
  }

  @Test
  void createsAnOrderSignedWithMd5OverEverySentParameterIncludingEmptyOnes() {
    Wire.Params p = orderParams().add("ext_data_note", "").add("memo", "备注");
    assertTrue(p.signingString().contains("ext_data=&"), "an empty value is signed as k=");
    Map<String, Object> order = createOrder(p.signMd5(SECRET));

    assertTrue(((String) order.get("id")).matches("[0-9]{18}"), order.toString());
    assertEquals(1L, num(order.get("status")), "unpaid");
    assertEquals(100L, num(obj(order.get("payment")).get("amount")));
    assertEquals("CNY", obj(order.get("payment")).get("currency"));
    assertEquals("P9", obj(order.get("product")).get("id"));
    assertEquals("金币", obj(order.get("product")).get("name"));
    assertEquals("127.0.0.1", obj(order.get("client")).get("ip"));
    assertEquals(1000L, num(obj(order.get("app")).get("id")));
    assertEquals("备注", order.get("memo"));
    assertTrue(((String) order.get("created_at")).matches("\\d{4}-\\d{1,2}-\\d{1,2} \\d{2}:\\d{2}:\\d{2}"));
  }

  @Test
  void leavingAnEmptyParameterOutOfTheSignatureIsABadSignature() {
    Wire.Params p = orderParams();
    String withoutEmpty = p.signingString().replace("ext_data=&", "");
    p.add("sign_type", 1).add("sign", Wire.md5(withoutEmpty + SECRET));
    Wire.Answer a = Wire.postForm(http, base + "/orders", p.encoded());
    assertEquals(401, a.status);
    assertEquals(1002L, num(a.json().get("code")));
  }

  @Test
  void acceptsRsaAndRsa2SignaturesFromTheShippedMerchantKey() {
    Map<String, Object> rsa = createOrder(orderParams().signRsa(2, PayKitSandbox.JUYIFU_MERCHANT_PRIVATE_KEY_PEM));
    Map<String, Object> rsa2 = createOrder(orderParams().signRsa(3, PayKitSandbox.JUYIFU_MERCHANT_PRIVATE_KEY_PEM));
    assertNotEquals(rsa.get("id"), rsa2.get("id"));
  }

  @Test
  void rejectsABadSignatureWithCode1002() {
    Wire.Params p = orderParams().add("sign_type", 1).add("sign", Wire.md5("tampered" + SECRET));
    Wire.Answer a = Wire.postForm(http, base + "/orders", p.encoded());
    assertEquals(401, a.status);
    assertEquals(1002L, num(a.json().get("code")));
    assertNull(a.json().get("data"));

    Wire.Params rsa = orderParams().add("sign_type", 2).add("sign", "bm90IGEgc2lnbmF0dXJl");
    assertEquals(1002L, num(Wire.postForm(http, base + "/orders", rsa.encoded()).json().get("code")));
  }

  @Test
  void rejectsMissingOrInvalidFieldsWithCode1000() {
    Wire.Params noAmount = Wire.params().add("app_id", "1000").add("pay_type", 1).signMd5(SECRET);
    Wire.Answer a = Wire.postForm(http, base + "/orders", noAmount.encoded());
    assertEquals(400, a.status);
    assertEquals(1000L, num(a.json().get("code")));
    assertTrue(((String) a.json().get("message")).contains("amount"), a.body);

    Wire.Params zero = Wire.params().add("app_id", "1000").add("pay_type", 1).add("amount", 0).signMd5(SECRET);
    assertEquals(1000L, num(Wire.postForm(http, base + "/orders", zero.encoded()).json().get("code")));

    Wire.Params noSign = orderParams();
    assertEquals(1000L, num(Wire.postForm(http, base + "/orders", noSign.encoded()).json().get("code")));

    Wire.Params otherApp = Wire.params().add("app_id", "999").add("pay_type", 1).add("amount", 1).signMd5(SECRET);
    assertEquals(1000L, num(Wire.postForm(http, base + "/orders", otherApp.encoded()).json().get("code")));

    Wire.Answer json = Wire.postJson(http, base + "/orders", "{\"app_id\":\"1000\"}");
    assertEquals(1000L, num(json.json().get("code")), "the body must be form-encoded");
  }

  @Test
  void answersSm2SignTypeFourWithUnsupportedInSandbox() {
    Wire.Params p = orderParams().add("sign_type", 4).add("sign", "MEUCIQ==");
    Wire.Answer a = Wire.postForm(http, base + "/orders", p.encoded());
    assertEquals(1000L, num(a.json().get("code")));
    assertTrue(((String) a.json().get("message")).contains("unsupported in the sandbox"), a.body);
  }

  @Test
  void queriesOrdersByRepeatedIdsSignedJoinedByCommaInRequestOrder() {
    String first = createMd5Order();
    String second = createMd5Order();
    Wire.Params p = Wire.params().add("app_id", "1000").add("ids", second).add("ids", first);
    assertTrue(p.signingString().contains("ids=" + second + "," + first));
    Wire.Answer a = signedGet("/orders", p);
    assertEquals(0L, num(a.json().get("code")), a.body);
    assertEquals(2L, num(a.json().get("total")));
    List<Object> data = list(a.json().get("data"));
    assertEquals(second, obj(data.get(0)).get("id"));
    assertEquals(first, obj(data.get(1)).get("id"));

    Wire.Params reversedSign = Wire.params().add("app_id", "1000").add("ids", second).add("ids", first);
    reversedSign.add("sign_type", 1).add("sign", Wire.md5("app_id=1000&ids=" + first + "," + second + SECRET));
    assertEquals(1002L, num(Wire.get(http, base + "/orders?" + reversedSign.encoded()).json().get("code")));
  }

  @Test
  void the2014QueryAnswersDataSignedByThePlatformKey() {
    String id = createMd5Order();
    String sign = Wire.md5("app_key=1000&order_id=" + id + SECRET);
    Wire.Answer a = Wire.get(http, base + "/order/query/" + id + "?app_key=1000&sign=" + sign);
    assertEquals(200, a.status, a.body);
    Map<String, Object> data = obj(a.json().get("data"));
    assertEquals(1L, num(data.get("order_pay_status")));
    assertEquals(2L, num(data.get("sign_type")));

    // The platform signs every key of data except sign, sign_type and pay_type, sorted, raw values.
    Map<String, String> signed = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : data.entrySet()) {
      if (e.getKey().equals("sign") || e.getKey().equals("sign_type") || e.getKey().equals("pay_type")) continue;
      Object v = e.getValue();
      signed.put(e.getKey(), v instanceof Number ? String.valueOf(num(v)) : (String) v);
    }
    assertTrue(
        Wire.rsaVerify(
            "SHA1withRSA", PayKitSandbox.JUYIFU_PLATFORM_PUBLIC_KEY_PEM, Wire.sorted(signed), (String) data.get("sign")));

    // The 2014 query takes an RSA sign too (no sign_type: the sign's shape tells).
    String rsa = Wire.rsaSign("SHA1withRSA", PayKitSandbox.JUYIFU_MERCHANT_PRIVATE_KEY_PEM, "app_key=1000&order_id=" + id);
    Wire.Answer byRsa = Wire.get(http, base + "/order/query/" + id + "?app_key=1000&sign=" + Wire.enc(rsa));
    assertEquals(0L, num(byRsa.json().get("code")), byRsa.body);

    Wire.Answer bad = Wire.get(http, base + "/order/query/" + id + "?app_key=1000&sign=" + Wire.md5("x"));
    assertEquals(1002L, num(bad.json().get("code")));
    String unknownSign = Wire.md5("app_key=1000&order_id=1" + SECRET);
    Wire.Answer unknown = Wire.get(http, base + "/order/query/1?app_key=1000&sign=" + unknownSign);
    assertEquals(404, unknown.status);
    assertEquals(1001L, num(unknown.json().get("code")));
  }

  @Test
  void pagesTheSeededSoldItemsWithPageAndPageSize() {
    Set<String> seen = new HashSet<>();
    int[] sizes = new int[3];
    String previousPaidAt = null;
    for (int page = 1; page <= 3; page++) {
      Wire.Answer a = signedGet("/sold", Wire.params().add("app_id", "1000").add("page", page).add("page_size", 20));
      assertEquals(0L, num(a.json().get("code")), a.body);
      assertEquals(48L, num(a.json().get("total")));
      List<Object> data = list(a.json().get("data"));
      sizes[page - 1] = data.size();
      for (Object o : data) {
        Map<String, Object> item = obj(o);
        assertTrue(seen.add((String) item.get("order_id")), "pages never overlap");
        assertTrue(((String) item.get("product_id")).matches("P00[123]"));
        previousPaidAt = (String) item.get("paid_at");
      }
    }
    assertEquals(20, sizes[0]);
    assertEquals(20, sizes[1]);
    assertEquals(8, sizes[2]);
    assertEquals("2026-11-1 09:00:00", previousPaidAt, "newest first: the oldest sale comes last");

    Wire.Answer beyond = signedGet("/sold", Wire.params().add("app_id", "1000").add("page", 4).add("page_size", 20));
    assertTrue(list(beyond.json().get("data")).isEmpty());

    Wire.Answer p002 = signedGet("/sold", Wire.params().add("app_id", "1000").add("product_id", "P002"));
    assertEquals(16L, num(p002.json().get("total")));
    assertEquals(16, list(p002.json().get("data")).size(), "default page_size 20");

    Wire.Answer oneDay =
        signedGet(
            "/sold",
            Wire.params().add("app_id", "1000").add("start_date", "2026-11-02").add("end_date", "2026-11-02"));
    assertEquals(16L, num(oneDay.json().get("total")));

    Wire.Answer tooBig = signedGet("/sold", Wire.params().add("app_id", "1000").add("page_size", 101));
    assertEquals(1000L, num(tooBig.json().get("code")));
    Wire.Answer badDate = signedGet("/sold", Wire.params().add("app_id", "1000").add("start_date", "2026-13-01"));
    assertEquals(1000L, num(badDate.json().get("code")));
  }

  @Test
  void refundsAPaidOrderUpToItsAmount() {
    String id = createMd5Order();
    Wire.Answer unpaid =
        Wire.postForm(http, base + "/orders/" + id + "/refunds",
            Wire.params().add("app_id", "1000").add("amount", 10).signMd5(SECRET).encoded());
    assertEquals(1001L, num(unpaid.json().get("code")), "an unpaid order cannot be refunded");

    sandbox.payJuyifuOrder(id);
    Wire.Answer first =
        Wire.postForm(http, base + "/orders/" + id + "/refunds",
            Wire.params().add("app_id", "1000").add("amount", 60).add("out_refund_no", "R1").add("reason", "dented")
                .signMd5(SECRET).encoded());
    assertEquals(0L, num(first.json().get("code")), first.body);
    Map<String, Object> refund = obj(first.json().get("data"));
    assertEquals(id, refund.get("order_id"));
    assertEquals(60L, num(refund.get("amount")));
    assertEquals("success", refund.get("status"));

    Wire.Answer duplicate =
        Wire.postForm(http, base + "/orders/" + id + "/refunds",
            Wire.params().add("app_id", "1000").add("amount", 1).add("out_refund_no", "R1").signMd5(SECRET).encoded());
    assertEquals(1003L, num(duplicate.json().get("code")));

    Wire.Answer tooMuch =
        Wire.postForm(http, base + "/orders/" + id + "/refunds",
            Wire.params().add("app_id", "1000").add("amount", 41).signMd5(SECRET).encoded());
    assertEquals(1004L, num(tooMuch.json().get("code")));

    Wire.Answer listed = signedGet("/refunds", Wire.params().add("app_id", "1000").add("order_id", id));
    assertEquals(1, list(listed.json().get("data")).size());
  }

  @Test
  void addsQueriesAndDeletesChannels() {
    Wire.Answer added =
        Wire.postForm(http, base + "/channels",
            Wire.params().add("app_id", "1000").add("source_id", 7).add("pay_type", 2).add("name", "支付宝")
                .add("weight", 5).signMd5(SECRET).encoded());
    assertEquals(0L, num(added.json().get("code")), added.body);
    Map<String, Object> channel = obj(added.json().get("data"));
    assertEquals(5L, num(channel.get("weight")));
    assertEquals(Boolean.TRUE, channel.get("enabled"));
    long id = num(channel.get("id"));

    Wire.Answer duplicate =
        Wire.postForm(http, base + "/channels",
            Wire.params().add("app_id", "1000").add("source_id", 7).add("pay_type", 2).add("name", "again")
                .signMd5(SECRET).encoded());
    assertEquals(1003L, num(duplicate.json().get("code")));

    Wire.postForm(http, base + "/channels",
        Wire.params().add("app_id", "1000").add("source_id", 8).add("pay_type", 3).add("name", "微信")
            .add("enabled", "false").signMd5(SECRET).encoded());
    assertEquals(2, list(signedGet("/channels", Wire.params().add("app_id", "1000")).json().get("data")).size());
    List<Object> payType2 = list(signedGet("/channels", Wire.params().add("app_id", "1000").add("pay_type", 2)).json().get("data"));
    assertEquals(1, payType2.size());

    String delete = Wire.params().add("app_id", "1000").signMd5(SECRET).encoded();
    Wire.Answer deleted =
        Wire.call(http, new Request.Builder().url(base + "/channels/" + id + "?" + delete).delete().build());
    assertEquals(0L, num(deleted.json().get("code")), deleted.body);
    assertTrue(deleted.json().containsKey("data") && deleted.json().get("data") == null);
    Wire.Answer again =
        Wire.call(http, new Request.Builder().url(base + "/channels/" + id + "?" + delete).delete().build());
    assertEquals(1001L, num(again.json().get("code")));
    assertEquals(1, list(signedGet("/channels", Wire.params().add("app_id", "1000")).json().get("data")).size());
  }

  @Test
  void computesTheBillFromPaidOrdersAndRefunds() {
    Wire.Answer a = signedGet("/bills", Wire.params().add("app_id", "1000").add("date", "2026-11-03"));
    assertEquals(0L, num(a.json().get("code")), a.body);
    Map<String, Object> bill = obj(a.json().get("data"));
    // Seeded: sales 32..47 on 2026-11-03, product k % 3 (100, 600, 3000 fen); sale 5 refunded that day.
    long[] price = {100, 600, 3000};
    long total = 0;
    long fee = 0;
    for (int k = 32; k < 48; k++) {
      total += price[k % 3];
      fee += Math.round(price[k % 3] * 0.006);
    }
    assertEquals(16L, num(bill.get("order_count")));
    assertEquals(total, num(bill.get("total_amount")));
    assertEquals(price[5 % 3], num(bill.get("refund_amount")));
    assertEquals(fee, num(bill.get("fee")));
    assertEquals(total - price[5 % 3] - fee, num(bill.get("net_amount")));
    assertEquals("CNY", bill.get("currency"));
    List<Object> items = list(bill.get("items"));
    assertEquals(17, items.size());
    int refunds = 0;
    for (Object o : items) {
      if ("refund".equals(obj(o).get("type"))) refunds++;
    }
    assertEquals(1, refunds);

    Wire.Answer noDate = signedGet("/bills", Wire.params().add("app_id", "1000"));
    assertEquals(1000L, num(noDate.json().get("code")));
  }

  @Test
  void issuesAccessTokensAndRefusesRevokedOnesWith401() {
    long ts = Wire.now();
    Wire.Answer a =
        Wire.postForm(http, base + "/token", Wire.params().add("app_id", "1000").add("timestamp", ts).signMd5(SECRET).encoded());
    assertEquals(0L, num(a.json().get("code")), a.body);
    String token = (String) obj(a.json().get("data")).get("access_token");
    assertEquals(7200L, num(obj(a.json().get("data")).get("expires_in")));

    Request withToken =
        new Request.Builder()
            .url(base + "/orders")
            .header("access_token", token)
            .post(RequestBody.create(orderParams().signMd5(SECRET).encoded(), Wire.FORM))
            .build();
    assertEquals(0L, num(Wire.call(http, withToken).json().get("code")));

    sandbox.revokeJuyifuAccessTokens();
    Wire.Answer revoked = Wire.call(http, withToken);
    assertEquals(401, revoked.status);
    assertEquals(1002L, num(revoked.json().get("code")));

    Wire.Answer stale =
        Wire.postForm(http, base + "/token",
            Wire.params().add("app_id", "1000").add("timestamp", ts - 3600).signMd5(SECRET).encoded());
    assertEquals(1000L, num(stale.json().get("code")));
  }

  @Test
  void payingAnMd5OrderPostsAnMd5SignedFormThatTheMerchantAcknowledges() throws Exception {
    try (MerchantServer merchant = new MerchantServer(200, "success")) {
      Map<String, Object> order =
          createOrder(
              Wire.params().add("app_id", "1000").add("pay_type", 1).add("amount", 100).add("ext_data", "x")
                  .add("notify_url", merchant.url("/notify")).signMd5(SECRET));
      String id = (String) order.get("id");
      sandbox.payJuyifuOrder(id);

      MerchantServer.Received n = merchant.take();
      assertEquals("POST", n.method);
      assertTrue(n.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
      Map<String, String> form = Wire.decodeForm(n.body);
      assertEquals(id, form.get("order_id"));
      assertEquals("3", form.get("order_pay_status"));
      assertEquals("100", form.get("amount"));
      assertEquals("1", form.get("pay_type"));
      assertEquals("1000", form.get("app_id"));
      assertEquals("x", form.get("ext_data"));
      assertEquals("1", form.get("sign_type"));
      Map<String, String> signed = new LinkedHashMap<>(form);
      signed.remove("sign");
      signed.remove("sign_type");
      signed.remove("pay_type");
      assertEquals(Wire.md5(Wire.sorted(signed) + SECRET), form.get("sign"));

      List<Delivery> deliveries = sandbox.awaitDeliveries(1, Wire.AWAIT);
      Delivery d = deliveries.get(0);
      assertEquals(Gateway.JUYIFU, d.gateway());
      assertEquals(id, d.reference());
      assertEquals(200, d.statusCode());
      assertEquals("success", d.responseBody());
      assertTrue(d.success());
      assertEquals(1, d.attempt());
    }
    Wire.Answer query = signedGet("/orders", Wire.params().add("app_id", "1000").add("ids", sandbox.deliveries().get(0).reference()));
    assertEquals(3L, num(obj(list(query.json().get("data")).get(0)).get("status")));
  }

  @Test
  void anRsaOrderIsNotifiedWithAPlatformSignatureAndRetriedUntilTheMerchantSaysSuccess() throws Exception {
    try (MerchantServer merchant = new MerchantServer(200, "success").thenAnswer(500, "oops").thenAnswer(200, "fail")) {
      Map<String, Object> order =
          createOrder(orderParams().add("notify_url", merchant.url("/n")).signRsa(2, PayKitSandbox.JUYIFU_MERCHANT_PRIVATE_KEY_PEM));
      sandbox.pay(Gateway.JUYIFU, (String) order.get("id"));

      Map<String, String> form = Wire.decodeForm(merchant.take().body);
      assertEquals("2", form.get("sign_type"));
      Map<String, String> signed = new LinkedHashMap<>(form);
      signed.remove("sign");
      signed.remove("sign_type");
      signed.remove("pay_type");
      assertTrue(signed.containsKey("ext_data") && signed.get("ext_data").isEmpty(), "empty ext_data is sent and signed");
      assertTrue(Wire.rsaVerify("SHA1withRSA", PayKitSandbox.JUYIFU_PLATFORM_PUBLIC_KEY_PEM, Wire.sorted(signed), form.get("sign")));

      List<Delivery> deliveries = sandbox.awaitDeliveries(3, Wire.AWAIT);
      assertEquals(500, deliveries.get(0).statusCode());
      assertFalse(deliveries.get(0).success());
      assertEquals("fail", deliveries.get(1).responseBody());
      assertFalse(deliveries.get(1).success(), "only the body success acknowledges");
      assertEquals(3, deliveries.get(2).attempt());
      assertTrue(deliveries.get(2).success());
      merchant.take();
      merchant.take();
    }
  }

  @Test
  void anOrderWithoutNotifyUrlUsesTheConfiguredDefault() throws Exception {
    try (MerchantServer merchant = new MerchantServer(200, "success");
        PayKitSandbox configured = PayKitSandbox.builder().juyifuDefaultNotifyUrl(merchant.url("/console")).start()) {
      Wire.Answer a = Wire.postForm(http, configured.baseUrl(Gateway.JUYIFU) + "/orders", orderParams().signMd5(SECRET).encoded());
      String id = (String) obj(a.json().get("data")).get("id");
      configured.payJuyifuOrder(id);
      assertEquals("/console", merchant.take().path);
    }
  }

  @Test
  void unknownOperationsAndMethodsAreRefused() {
    assertEquals(404, Wire.get(http, base + "/nope").status);
    Wire.Answer wrongMethod =
        Wire.call(http, new Request.Builder().url(base + "/sold").put(RequestBody.create("", Wire.FORM)).build());
    assertEquals(405, wrongMethod.status);
    assertEquals(1000L, num(wrongMethod.json().get("code")));
  }

  @Test
  void seededSalesSpreadOverThreeProducts() {
    List<String> ids = new ArrayList<>();
    Wire.Answer a = signedGet("/sold", Wire.params().add("app_id", "1000").add("page_size", 100));
    Set<String> products = new HashSet<>();
    for (Object o : list(a.json().get("data"))) {
      ids.add((String) obj(o).get("order_id"));
      products.add((String) obj(o).get("product_id"));
    }
    assertEquals(48, ids.size());
    assertEquals(3, products.size());
  }
}
