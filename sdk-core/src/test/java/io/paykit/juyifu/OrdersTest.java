package io.paykit.juyifu;

import static io.paykit.juyifu.TestSupport.APP_ID;
import static io.paykit.juyifu.TestSupport.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.NetworkException;
import io.paykit.sign.Keys;
import io.paykit.sign.Verifier;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** createOrder and queryOrders on the wire (seed 001), with MD5 and RSA signing. */
class OrdersTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static CreateOrderParams fullParams() {
    return CreateOrderParams.builder()
        .payType(1)
        .amount(100)
        .productId("coin-100")
        .productName("金币")
        .extData("")
        .memo("首单")
        .os("android")
        .osVersion("4.4")
        .sourceId(9001)
        .build();
  }

  @ParameterizedTest
  @EnumSource(SigningKind.class)
  void createOrderSendsTheSignedFormExactly(SigningKind kind) throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.resource("seed-001-create-order-response.json")));

    kind.client(server).build().createOrder(fullParams());

    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST", recorded.getMethod());
    assertEquals("/v1/orders", recorded.getPath());
    assertEquals("application/x-www-form-urlencoded", recorded.getHeader("Content-Type"));
    assertNull(recorded.getHeader("access_token"));
    String canonical = "amount=100&app_id=" + APP_ID + "&ext_data=&memo=首单&os=android&os_version=4.4"
        + "&pay_type=1&product_id=coin-100&product_name=金币&source_id=9001";
    assertEquals(
        "app_id=" + APP_ID + "&pay_type=1&amount=100&product_id=coin-100&product_name=" + enc("金币")
            + "&ext_data=&memo=" + enc("首单") + "&os=android&os_version=4.4&source_id=9001"
            + kind.tail(canonical),
        recorded.getBody().readUtf8());
  }

  @ParameterizedTest
  @EnumSource(SigningKind.class)
  void createOrderSendsAndSignsOnlyTheFieldsThatWereSet(SigningKind kind) throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.resource("seed-001-create-order-response.json")));

    kind.client(server).build().createOrder(CreateOrderParams.builder().payType(0).amount(1).build());

    assertEquals(
        "app_id=" + APP_ID + "&pay_type=0&amount=1" + kind.tail("amount=1&app_id=" + APP_ID + "&pay_type=0"),
        server.takeRequest().getBody().readUtf8());
  }

  @Test
  void createOrderWithRsa2SignsSha256WithRsaAsSignType3() throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.resource("seed-001-create-order-response.json")));
    JuyifuClient client = TestSupport.base(server).rsa2PrivateKey(TestSupport.samplePem()).build();

    client.createOrder(CreateOrderParams.builder().payType(1).amount(100).build());

    String canonical = "amount=100&app_id=" + APP_ID + "&pay_type=1";
    assertEquals(
        "app_id=" + APP_ID + "&pay_type=1&amount=100&sign_type=3&sign="
            + enc(TestSupport.rsaSign("SHA256withRSA", canonical, TestSupport.sampleKey())),
        server.takeRequest().getBody().readUtf8());
  }

  @Test
  void createOrderWithSm2SignsSm3WithSm2AsSignType4() throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.resource("seed-001-create-order-response.json")));
    JuyifuClient client =
        TestSupport.base(server).sm2PrivateKey(TestSupport.resource("sm2-private.pem")).build();

    client.createOrder(CreateOrderParams.builder().payType(1).amount(100).build());

    Map<String, String> form = TestSupport.form(server.takeRequest().getBody().readUtf8());
    assertEquals(Arrays.asList("app_id", "pay_type", "amount", "sign_type", "sign"), new ArrayList<>(form.keySet()));
    assertEquals("4", form.get("sign_type"));
    Verifier sm2 = Verifier.sm2(Keys.sm2PublicKey(TestSupport.resource("sm2-public.pem")));
    assertTrue(sm2.verify("amount=100&app_id=" + APP_ID + "&pay_type=1", form.get("sign")));
    assertFalse(sm2.verify("amount=101&app_id=" + APP_ID + "&pay_type=1", form.get("sign")));
  }

  @Test
  void createOrderParsesTheSeedExampleWithItsFlawsRepaired() {
    server.enqueue(new MockResponse().setBody(TestSupport.resource("seed-001-create-order-response.json")));

    Order order = TestSupport.md5Client(server).build().createOrder(fullParams());

    assertNull(order.getId(), "the draft's example has no id");
    assertEquals(OrderStatus.UNKNOWN, order.getStatus());
    assertEquals(Integer.valueOf(0), order.getType());
    assertEquals(Instant.parse("2002-12-31T16:00:00Z"), order.getCreatedAt());
    assertEquals(Instant.parse("2002-12-31T16:00:01Z"), order.getUpdatedAt());
    assertEquals(Instant.parse("2003-01-01T16:00:00Z"), order.getExpireAt());
    assertEquals(Long.valueOf(29232), order.getApp().getId());
    assertEquals(Long.valueOf(33221), order.getApp().getMerchantId());
    assertEquals(Integer.valueOf(1), order.getPayment().getType());
    assertEquals(Integer.valueOf(1), order.getPayment().getPlatform());
    assertEquals(Long.valueOf(100), order.getPayment().getAmount());
    assertEquals("CNY", order.getPayment().getCurrency());
    assertEquals("1231422", order.getProduct().getId());
    assertEquals("金币", order.getProduct().getName());
    assertEquals("8.8.8.8", order.getClientIp());
    assertEquals("{}", order.getExtData());
  }

  @Test
  void createOrderThatTimesOutAfterSendingIsNotResentAndSaysHowToReconcile() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    JuyifuClient client = TestSupport.md5Client(server).readTimeout(Duration.ofMillis(250)).build();

    NetworkException e =
        assertThrows(NetworkException.class, () -> client.createOrder(fullParams()));

    assertTrue(e.mayHaveReachedServer());
    assertFalse(e.isRetrySafe());
    assertTrue(e.getMessage().contains("NOT resent"), e.getMessage());
    assertTrue(e.getMessage().contains("queryOrders"), e.getMessage());
    assertFalse(e.getMessage().contains(TestSupport.SECRET));
    assertEquals(1, server.getRequestCount());
    assertEquals("/v1/orders", server.takeRequest(1, TimeUnit.SECONDS).getPath());
  }

  @Test
  void createOrderThatCannotConnectIsRetriedAndSaysItNeverArrived() throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start();
    JuyifuClient client = TestSupport.md5Client(closed).build();
    closed.shutdown();

    NetworkException e =
        assertThrows(NetworkException.class, () -> client.createOrder(fullParams()));

    assertFalse(e.mayHaveReachedServer());
    assertTrue(e.isRetrySafe());
    assertFalse(e.getMessage().contains("NOT resent"), e.getMessage());
  }

  @Test
  void createOrderRefusesNullParamsWithoutSending() {
    JuyifuClient client = TestSupport.md5Client(server).build();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> client.createOrder(null));

    assertTrue(e.getMessage().contains("params"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @ParameterizedTest
  @EnumSource(SigningKind.class)
  void queryOrdersSendsIdsAsRepeatedParametersSignedJoinedByComma(SigningKind kind) throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.resource("seed-001-query-orders-response.json")));

    List<Order> orders =
        kind.client(server).build().queryOrders(Arrays.asList("140713000685555335", "A-2"));

    RecordedRequest recorded = server.takeRequest();
    assertEquals("GET", recorded.getMethod());
    assertEquals(
        "/v1/orders?app_id=" + APP_ID + "&ids=140713000685555335&ids=A-2"
            + kind.tail("app_id=" + APP_ID + "&ids=140713000685555335,A-2"),
        recorded.getPath());
    assertEquals(0, recorded.getBodySize());
    assertEquals(2, orders.size());
  }

  @Test
  void queryOrdersParsesTheSeedExampleWithCountInsteadOfTotal() {
    server.enqueue(new MockResponse().setBody(TestSupport.resource("seed-001-query-orders-response.json")));

    List<Order> orders = TestSupport.md5Client(server).build().queryOrders("1", "2");

    assertEquals(2, orders.size());
    for (Order order : orders) {
      assertEquals(Long.valueOf(100), order.getPayment().getAmount());
      assertEquals("CNY", order.getPayment().getCurrency());
      assertEquals("金币", order.getProduct().getName());
      assertEquals(Instant.parse("2002-12-31T16:00:00Z"), order.getCreatedAt());
    }
  }

  @Test
  void queryOrdersVarargsSendsTheSameRequestAsTheList() throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.ok("[]")));
    server.enqueue(new MockResponse().setBody(TestSupport.ok("[]")));
    JuyifuClient client = TestSupport.md5Client(server).build();

    assertEquals(Collections.emptyList(), client.queryOrders("a1", "b2"));
    client.queryOrders(Arrays.asList("a1", "b2"));

    String fromVarargs = server.takeRequest().getPath();
    String fromList = server.takeRequest().getPath();
    assertEquals(fromList, fromVarargs);
    assertTrue(fromList.contains("ids=a1&ids=b2"), fromList);
  }

  @Test
  void queryOrdersRefusesBadIdsWithoutSending() {
    JuyifuClient client = TestSupport.md5Client(server).build();
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i <= JuyifuClient.MAX_IDS; i++) tooMany.add("id" + i);

    assertMessage("ids", () -> client.queryOrders((List<String>) null));
    assertMessage("ids", () -> client.queryOrders(Collections.<String>emptyList()));
    assertMessage("ids", () -> client.queryOrders(tooMany));
    assertMessage("ids[1]", () -> client.queryOrders("ok", "../x"));
    assertMessage("ids[0]", () -> client.queryOrders("a&sign=x"));
    assertMessage("ids[1]", () -> client.queryOrders(Arrays.asList("ok", null)));
    assertMessage("ids[0]", () -> client.queryOrders(""));
    assertEquals(0, server.getRequestCount());
  }

  static void assertMessage(String field, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(
        e.getMessage().startsWith(field + " ") || e.getMessage().startsWith(field + ": "),
        e.getMessage());
  }
}
