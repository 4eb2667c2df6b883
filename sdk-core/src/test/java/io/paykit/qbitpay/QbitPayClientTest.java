package io.paykit.qbitpay;

import static io.paykit.qbitpay.TestSupport.API_KEY;
import static io.paykit.qbitpay.TestSupport.BASIC_AUTH;
import static io.paykit.qbitpay.TestSupport.fixture;
import static io.paykit.qbitpay.TestSupport.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.ApiException;
import io.paykit.NetworkException;
import io.paykit.page.Page;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QbitPayClientTest {
  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
  private QbitPayClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = TestSupport.client(server, sleeper).build();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static ChargeCreateParams.Builder params() {
    return ChargeCreateParams.builder()
        .amount(new BigDecimal("10.50"))
        .currency("USD")
        .externalOrderId("DTSifOuTy95ui")
        .cbUrl("https://api.blockscape.co")
        .redirectUrl("https://qbitpay.blockscape.co");
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
  }

  @Test
  void createChargeSendsTheDocumentedJsonBodyWithBasicAuthAndReadsTheCharge() throws Exception {
    server.enqueue(json(fixture("seed004-charge.json")));

    Charge charge = client.createCharge(params().build());

    RecordedRequest request = take(server);
    assertEquals("POST", request.getMethod());
    assertEquals("/api/v1/charges", request.getPath());
    assertEquals(BASIC_AUTH, request.getHeader("Authorization"));
    assertEquals("application/json; charset=utf-8", request.getHeader("Content-Type"));
    assertNull(request.getHeader("Idempotency-Key"), "Qbit Pay has no idempotency header");
    assertEquals(
        "{\"amount\":10.50,\"currency\":\"USD\",\"externalOrderId\":\"DTSifOuTy95ui\","
            + "\"cbUrl\":\"https://api.blockscape.co\",\"redirectUrl\":\"https://qbitpay.blockscape.co\"}",
        request.getBody().readUtf8());

    assertEquals("5uTSifDOuTy9i", charge.getId());
    assertEquals("charge", charge.getObject());
    assertEquals(Instant.parse("2019-02-25T16:13:12.278Z"), charge.getCreatedAt());
    assertFalse(charge.isPaid());
    assertEquals(ChargeStatus.PENDING, charge.getStatus());
    assertEquals(new BigDecimal("1000"), charge.getAmount());
    assertEquals("USD", charge.getCurrency());
    assertEquals("DTSifOuTy95ui", charge.getExternalOrderId());
    assertEquals(
        "https://qbitpay.blockscape.co/?zh#/otc/payment?tradeId=DTSifOuTy95ifOuTy95",
        charge.getPaymentPageUrl());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void createChargeSendsOptionalFieldsAfterTheRequiredOnesAndAmountsWithoutExponent() throws Exception {
    server.enqueue(json(fixture("seed004-charge.json")));

    client.createCharge(
        params()
            .amount(new BigDecimal("1E+3"))
            .baseCurrency("USDT")
            .quoteCurrency("CNY")
            .paymentType("Alipay")
            .payerName("张三")
            .build());

    assertEquals(
        "{\"amount\":1000,\"currency\":\"USD\",\"externalOrderId\":\"DTSifOuTy95ui\","
            + "\"cbUrl\":\"https://api.blockscape.co\",\"redirectUrl\":\"https://qbitpay.blockscape.co\","
            + "\"baseCurrency\":\"USDT\",\"quoteCurrency\":\"CNY\",\"paymentType\":\"Alipay\","
            + "\"payerName\":\"张三\"}",
        take(server).getBody().readString(StandardCharsets.UTF_8));
  }

  @Test
  void createChargeKeepsEightDecimalsExactly() throws Exception {
    server.enqueue(json(fixture("seed004-charge.json")));

    client.createCharge(params().amount(new BigDecimal("0.00000001")).currency("USDT").build());

    assertTrue(take(server).getBody().readUtf8().startsWith("{\"amount\":0.00000001,\"currency\":\"USDT\""));
  }

  @Test
  void retrieveChargeGetsTheChargeById() throws Exception {
    server.enqueue(json(fixture("seed004-charge.json")));

    Charge charge = client.retrieveCharge("5uTSifDOuTy9i");

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/api/v1/charges/5uTSifDOuTy9i", request.getPath());
    assertEquals(BASIC_AUTH, request.getHeader("Authorization"));
    assertEquals(0, request.getBodySize());
    assertEquals("5uTSifDOuTy9i", charge.getId());
  }

  @Test
  void markBuyerPaidPutsTheStatusAndReadsTheUpdatedCharge() throws Exception {
    server.enqueue(json(fixture("seed004-charge.json").replace("\"pending\"", "\"buyerPaid\"")));

    Charge charge = client.markBuyerPaid("5uTSifDOuTy9i");

    RecordedRequest request = take(server);
    assertEquals("PUT", request.getMethod());
    assertEquals("/api/v1/charges/5uTSifDOuTy9i", request.getPath());
    assertEquals(BASIC_AUTH, request.getHeader("Authorization"));
    assertEquals("application/json; charset=utf-8", request.getHeader("Content-Type"));
    assertEquals("{\"status\":\"buyerPaid\"}", request.getBody().readUtf8());
    assertEquals(ChargeStatus.BUYER_PAID, charge.getStatus());
  }

  @Test
  void markBuyerPaidAfterADroppedConnectionReturnsTheChargeWhenItIsBuyerPaid() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(json(fixture("seed004-charge.json").replace("\"pending\"", "\"buyerPaid\"")));

    Charge charge = client.markBuyerPaid("5uTSifDOuTy9i");

    assertEquals("PUT", take(server).getMethod());
    RecordedRequest check = take(server);
    assertEquals("GET", check.getMethod());
    assertEquals("/api/v1/charges/5uTSifDOuTy9i", check.getPath());
    assertEquals(ChargeStatus.BUYER_PAID, charge.getStatus());
    assertEquals(2, server.getRequestCount(), "the PUT is not sent twice");
  }

  @Test
  void markBuyerPaidAfterADroppedConnectionThrowsWhenTheChargeIsStillPending() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(json(fixture("seed004-charge.json")));

    NetworkException e = assertThrows(NetworkException.class, () -> client.markBuyerPaid("5uTSifDOuTy9i"));

    assertTrue(e.mayHaveReachedServer());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void listChargesSendsTheDocumentedQueryAndReadsThePage() throws Exception {
    server.enqueue(json(fixture("seed004-list-charges-limit3.json")));

    Page<Charge> page = client.listCharges(ChargeListParams.builder().limit(3).build());

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/api/v1/charges?limit=3", request.getPath());
    assertEquals(BASIC_AUTH, request.getHeader("Authorization"));
    assertEquals(3, page.getData().size());
    assertEquals("5uTSifDOuTy9i", page.getData().get(0).getId());
    assertEquals("OuTyTSi9i5ufD", page.getData().get(1).getId());
    assertEquals(new BigDecimal("900"), page.getData().get(1).getAmount());
    assertEquals("ifDOu5uTSTy9i", page.getData().get(2).getId());
    assertEquals(ChargeStatus.CLOSED, page.getData().get(2).getStatus());
    assertTrue(page.getData().get(2).isPaid());
    assertTrue(page.hasMore(), "a full page without has_more may have a successor");
    assertFalse(page.isBackward());
  }

  @Test
  void listChargesSendsEveryFilterUnderItsWireName() throws Exception {
    server.enqueue(json("{\"object\":\"list\",\"url\":\"/api/v1/charges\",\"data\":[]}"));

    Page<Charge> page =
        client.listCharges(
            ChargeListParams.builder().limit(100).startingAfter("ifDOu5uTSTy9i").externalOrderId("order 1&2").build());

    assertEquals(
        "/api/v1/charges?limit=100&starting_after=ifDOu5uTSTy9i&externalOrderId=order%201%262",
        take(server).getPath());
    assertTrue(page.getData().isEmpty());
    assertFalse(page.hasMore());
  }

  @Test
  void listChargesWithoutParamsAsksForTheDefaultPageSize() throws Exception {
    server.enqueue(json("{\"object\":\"list\",\"url\":\"/api/v1/charges\",\"data\":[]}"));

    client.listCharges();

    assertEquals("/api/v1/charges?limit=10", take(server).getPath());
  }

  @Test
  void sendTestEventPassesTheCallbackUrlAsAQueryParameter() throws Exception {
    server.enqueue(new MockResponse().setBody("{}"));
    server.enqueue(new MockResponse());

    client.sendTestEvent("https://shop.example/qbit/webhook");
    client.sendTestEvent(null);

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/api/v1/events/test?cbUrl=https%3A%2F%2Fshop.example%2Fqbit%2Fwebhook", request.getPath());
    assertEquals(BASIC_AUTH, request.getHeader("Authorization"));
    assertEquals("/api/v1/events/test", take(server).getPath());
  }

  @Test
  void sendTestEventReportsAGatewayError() {
    server.enqueue(
        json("{\"type\":\"invalid_request_error\",\"message\":\"cbUrl is invalid\"}").setResponseCode(400));

    ApiException e = assertThrows(ApiException.class, () -> client.sendTestEvent("https://shop.example/x"));

    assertEquals(400, e.getHttpStatus());
    assertEquals("cbUrl is invalid", e.getGatewayMessage());
  }

  @Test
  void invalidArgumentsAreRejectedBeforeAnythingIsSent() {
    assertThrows(IllegalArgumentException.class, () -> client.createCharge(null));
    IllegalArgumentException badId =
        assertThrows(IllegalArgumentException.class, () -> client.retrieveCharge("../accessToken"));
    assertTrue(badId.getMessage().startsWith("id "), badId.getMessage());
    assertThrows(IllegalArgumentException.class, () -> client.retrieveCharge(""));
    assertThrows(IllegalArgumentException.class, () -> client.markBuyerPaid("a/b"));
    assertThrows(IllegalArgumentException.class, () -> client.listCharges(null));
    IllegalArgumentException badUrl =
        assertThrows(IllegalArgumentException.class, () -> client.sendTestEvent("ftp://shop.example/x"));
    assertTrue(badUrl.getMessage().startsWith("cbUrl "), badUrl.getMessage());
    assertThrows(IllegalArgumentException.class, () -> client.paymentPageUrl(null));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void theBuilderRequiresAnApiKeyThatBasicAuthCanCarry() {
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> QbitPayClient.builder().build());
    assertEquals("apiKey is required", missing.getMessage());
    IllegalArgumentException colon =
        assertThrows(IllegalArgumentException.class, () -> QbitPayClient.builder().apiKey("a:b").build());
    assertTrue(colon.getMessage().startsWith("apiKey "));
    assertFalse(colon.getMessage().contains("a:b"));
    assertThrows(IllegalArgumentException.class, () -> QbitPayClient.builder().apiKey("key\r\nX: y").build());
  }

  @Test
  void theBuilderRefusesPlainHttpOnARemoteHostAndBadSettings() {
    IllegalArgumentException http =
        assertThrows(
            IllegalArgumentException.class,
            () -> QbitPayClient.builder().apiKey(API_KEY).baseUrl("http://api.qbitnetwork.com").build());
    assertTrue(http.getMessage().contains("baseUrl"), http.getMessage());
    QbitPayClient.builder().apiKey(API_KEY).baseUrl("http://api.qbitnetwork.com").allowInsecureHttp().build();
    assertThrows(
        IllegalArgumentException.class, () -> QbitPayClient.builder().apiKey(API_KEY).maxRetries(11).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> QbitPayClient.builder().apiKey(API_KEY).readTimeout(java.time.Duration.ZERO).build());
  }

  @Test
  void theDefaultBaseUrlIsTheProductionHostAndToStringHidesTheKey() {
    QbitPayClient production = QbitPayClient.builder().apiKey("T9uTy95uSifOOuTy").build();
    assertEquals("QbitPayClient{https://api.qbitnetwork.com/}", production.toString());
    assertFalse(production.toString().contains("T9uTy95uSifOOuTy"));
  }

  @Test
  void theDebugLogNeverHoldsTheApiKeyOrItsBasicCredentials() throws Exception {
    server.enqueue(json(fixture("seed004-charge.json")));
    client.retrieveCharge("5uTSifDOuTy9i");
    take(server);

    String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
    assertNotNull(logFile, "surefire sends PayKit's DEBUG log to a file");
    String log = new String(Files.readAllBytes(Paths.get(logFile)), StandardCharsets.UTF_8);
    assertTrue(log.contains("retrieveCharge"), "the call was logged");
    assertFalse(log.contains("bXlfYXBpX2tleTo="));
    assertFalse(log.contains(API_KEY));
  }
}
