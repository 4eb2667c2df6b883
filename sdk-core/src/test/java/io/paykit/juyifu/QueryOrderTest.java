package io.paykit.juyifu;

import static io.paykit.juyifu.TestSupport.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.InvalidResponseException;
import io.paykit.SignatureVerificationException;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped 2014 order query ({@code GET /order/query/{id}}, sources.md §3.2) and the platform's
 * signature on its {@code data}.
 */
class QueryOrderTest {
  private static final String ORDER_ID = "140713000685555335";
  /** What the platform signs: every data field except sign, sign_type, pay_type, sorted, URL-decoded. */
  private static final String SIGNED =
      "amount=2&ext_data={\"uid\":7,\"tag\":\"a b\",\"ratio\":1.50}&merchant_order_id=order001"
          + "&order_id=140713000685555335&order_pay_status=3&product_name=飞行扫帚";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static String data(String amount, String sign) {
    return "{\"order_id\":140713000685555335,\"order_pay_status\":3,\"amount\":" + amount
        + ",\"pay_type\":1,\"ext_data\":{\"uid\":7,\"tag\":\"a b\",\"ratio\":1.50},"
        + "\"merchant_order_id\":\"order001\",\"product_name\":\"" + enc("飞行扫帚") + "\","
        + "\"sign_type\":2" + (sign == null ? "" : ",\"sign\":\"" + sign + "\"") + "}";
  }

  private static String signedBody() {
    return TestSupport.ok(data("2", enc(TestSupport.sha1WithRsa(SIGNED))));
  }

  private JuyifuClient verifyingClient() {
    return TestSupport.md5Client(server).platformPublicKey(TestSupport.samplePublicPem()).build();
  }

  @Test
  void md5QueryReproducesThePublishedVectorOnTheWire() throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.ok(data("2", null))));

    TestSupport.md5Client(server).build().queryOrder(ORDER_ID);

    RecordedRequest recorded = server.takeRequest();
    assertEquals("GET", recorded.getMethod());
    assertEquals(
        "/v1/order/query/140713000685555335?app_key=6018561003558745&sign=29d4217bfeba34b099478bc9e56d428e",
        recorded.getPath());
    assertNull(recorded.getHeader("access_token"));
  }

  @Test
  void rsaQueryReproducesThePublishedVectorOnTheWire() throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.ok(data("2", null))));

    TestSupport.rsaClient(server).build().queryOrder(ORDER_ID);

    assertEquals(
        "/v1/order/query/140713000685555335?app_key=6018561003558745&sign="
            + enc("wTKW05wuYuc3DIX+hRm4VR6k6Xw1pIVCtWx3bYmfYXXLGQnYpaScXcBpjPziA7PChiA6uv/QWO0BxWG7/H6TZxgLGg3ldGwmsVoJixBEkNSqC2chTXXeGaQJEYEknJcKxgKJ2dg4oIp0Jyco6V+FCbZXq7BDmdxHScdqbVA678A="),
        server.takeRequest().getPath());
  }

  @Test
  void verifiesThePlatformSignatureAndReadsTheOrder() {
    server.enqueue(new MockResponse().setBody(signedBody()));

    Order order = verifyingClient().queryOrder(ORDER_ID);

    assertEquals(ORDER_ID, order.getId());
    assertEquals(OrderStatus.SUCCESS, order.getStatus());
    assertEquals(Long.valueOf(2), order.getPayment().getAmount());
    assertEquals(Integer.valueOf(1), order.getPayment().getType());
    assertEquals("{\"uid\":7,\"tag\":\"a b\",\"ratio\":1.50}", order.getExtData());
    assertEquals(enc("飞行扫帚"), order.getFields().get("product_name"));
    assertEquals("order001", order.getFields().get("merchant_order_id"));
    assertFalse(order.getFields().containsKey("sign"));
  }

  @Test
  void acceptsASignThatIsNotUrlEncoded() {
    server.enqueue(new MockResponse().setBody(TestSupport.ok(data("2", TestSupport.sha1WithRsa(SIGNED)))));

    assertEquals(OrderStatus.SUCCESS, verifyingClient().queryOrder(ORDER_ID).getStatus());
  }

  @Test
  void payTypeIsNotCoveredByThePlatformSignature() {
    String body = signedBody().replace("\"pay_type\":1", "\"pay_type\":9");
    server.enqueue(new MockResponse().setBody(body));

    assertEquals(Integer.valueOf(9), verifyingClient().queryOrder(ORDER_ID).getPayment().getType());
  }

  @Test
  void rejectsTamperedData() {
    String tampered = TestSupport.ok(data("200", enc(TestSupport.sha1WithRsa(SIGNED))));
    server.enqueue(new MockResponse().setBody(tampered));

    SignatureVerificationException e =
        assertThrows(SignatureVerificationException.class, () -> verifyingClient().queryOrder(ORDER_ID));
    assertTrue(e.getMessage().contains("does not match"), e.getMessage());
  }

  @Test
  void rejectsTamperedNestedData() {
    server.enqueue(new MockResponse().setBody(signedBody().replace("\"uid\":7", "\"uid\":8")));

    assertThrows(SignatureVerificationException.class, () -> verifyingClient().queryOrder(ORDER_ID));
  }

  @Test
  void rejectsDataWithoutSignWhenAPlatformKeyIsConfigured() {
    server.enqueue(new MockResponse().setBody(TestSupport.ok(data("2", null))));

    SignatureVerificationException e =
        assertThrows(SignatureVerificationException.class, () -> verifyingClient().queryOrder(ORDER_ID));
    assertTrue(e.getMessage().contains("no sign"), e.getMessage());
  }

  @Test
  void rejectsASignThatIsNotBase64() {
    server.enqueue(new MockResponse().setBody(TestSupport.ok(data("2", "not-a-signature"))));

    assertThrows(SignatureVerificationException.class, () -> verifyingClient().queryOrder(ORDER_ID));
  }

  @Test
  void doesNotVerifyWhenNoPlatformKeyIsConfigured() {
    server.enqueue(new MockResponse().setBody(TestSupport.ok(data("200", "garbage"))));

    Order order = TestSupport.md5Client(server).build().queryOrder(ORDER_ID);

    assertEquals(Long.valueOf(200), order.getPayment().getAmount());
  }

  @Test
  void dataWithoutACodeIsSuccessForThe2014Query() {
    server.enqueue(new MockResponse().setBody("{\"data\":" + data("2", enc(TestSupport.sha1WithRsa(SIGNED))) + "}"));

    assertEquals(ORDER_ID, verifyingClient().queryOrder(ORDER_ID).getId());
  }

  @Test
  void noCodeAndNoDataIsAnInvalidResponse() {
    server.enqueue(new MockResponse().setBody("{\"message\":\"?\"}"));

    assertThrows(InvalidResponseException.class, () -> TestSupport.md5Client(server).build().queryOrder(ORDER_ID));
  }

  @Test
  void refusesAnUnsafeOrderIdWithoutSending() {
    JuyifuClient client = TestSupport.md5Client(server).build();

    OrdersTest.assertMessage("orderId", () -> client.queryOrder("1/../2"));
    OrdersTest.assertMessage("orderId", () -> client.queryOrder(null));
    assertEquals(0, server.getRequestCount());
  }
}
