package io.paykit.qbitpay;

import static io.paykit.qbitpay.TestSupport.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.ApiException;
import io.paykit.InvalidResponseException;
import io.paykit.NetworkException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QbitPayClientSafeCreateTest {
  private static final String LOOKUP = "/api/v1/charges?limit=10&externalOrderId=order-1001";

  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
  private final FakeGateway gateway = new FakeGateway();

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(gateway);
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private QbitPayClient client() {
    return TestSupport.client(server, sleeper).build();
  }

  private static ChargeCreateParams params() {
    return ChargeCreateParams.builder()
        .amount(new BigDecimal("10.50"))
        .currency("USD")
        .externalOrderId("order-1001")
        .cbUrl("https://shop.example/qbit/webhook")
        .redirectUrl("https://shop.example/paid")
        .build();
  }

  /** What the fake gateway does with one create. */
  enum Create {
    /** Stores the charge and answers it. */
    OK,
    /** Stores the charge, then drops the connection before answering. */
    STORE_THEN_DROP,
    /** Drops the connection without storing: the request never got processed. */
    LOSE,
    /** Stores the charge, then answers an HTML 502 from a proxy. */
    STORE_THEN_502,
    /** Stores the charge and never answers (the client's read times out). */
    STORE_THEN_HANG,
    /** Refuses the request with a 400. */
    REFUSE
  }

  /** A gateway that records charges per externalOrderId and serves the list-by-externalOrderId lookup. */
  static final class FakeGateway extends Dispatcher {
    private static final Pattern EXTERNAL_ORDER_ID = Pattern.compile("\"externalOrderId\":\"([^\"]*)\"");
    private static final Pattern AMOUNT = Pattern.compile("\"amount\":([0-9.]+)");

    final Queue<Create> creates = new ConcurrentLinkedQueue<>();
    final List<String[]> stored = new CopyOnWriteArrayList<>(); // {id, externalOrderId, amount}
    final List<String> methods = new CopyOnWriteArrayList<>();
    volatile boolean lookupFails;
    volatile boolean ignoresFilter;

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      methods.add(request.getMethod());
      if (request.getMethod().equals("POST")) return create(request.getBody().readUtf8());
      if (lookupFails) return new MockResponse().setResponseCode(503).setBody("<html>Service Unavailable</html>");
      String filter = request.getRequestUrl().queryParameter("externalOrderId");
      StringBuilder body = new StringBuilder("{\"object\":\"list\",\"url\":\"/api/v1/charges\",\"data\":[");
      boolean first = true;
      for (int i = stored.size() - 1; i >= 0; i--) {
        String[] c = stored.get(i);
        if (filter != null && !ignoresFilter && !filter.equals(c[1])) continue;
        if (!first) body.append(',');
        first = false;
        body.append(json(c));
      }
      return new MockResponse().setBody(body.append("]}").toString());
    }

    private MockResponse create(String body) {
      Create mode = creates.poll();
      if (mode == null) mode = Create.OK;
      if (mode == Create.LOSE) return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
      if (mode == Create.REFUSE) {
        return new MockResponse()
            .setResponseCode(400)
            .setBody("{\"type\":\"invalid_request_error\",\"message\":\"currency is not supported\"}");
      }
      String[] charge = {"ch_" + (stored.size() + 1), find(EXTERNAL_ORDER_ID, body), find(AMOUNT, body)};
      stored.add(charge);
      switch (mode) {
        case STORE_THEN_DROP:
          return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        case STORE_THEN_502:
          return new MockResponse().setResponseCode(502).setBody("<html><body>502 Bad Gateway</body></html>");
        case STORE_THEN_HANG:
          return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        default:
          return new MockResponse().setBody(json(charge));
      }
    }

    void storeExisting(String id, String externalOrderId, String amount) {
      stored.add(new String[] {id, externalOrderId, amount});
    }

    int chargesFor(String externalOrderId) {
      int n = 0;
      for (String[] c : stored) if (c[1].equals(externalOrderId)) n++;
      return n;
    }

    private static String find(Pattern p, String body) {
      Matcher m = p.matcher(body);
      if (!m.find()) throw new AssertionError("no " + p + " in " + body);
      return m.group(1);
    }

    private static String json(String[] c) {
      return "{\"id\":\"" + c[0] + "\",\"object\":\"charge\",\"createdAt\":\"2019-02-25T16:13:12.278Z\","
          + "\"paid\":false,\"status\":\"pending\",\"amount\":" + c[2] + ",\"currency\":\"USD\","
          + "\"externalOrderId\":\"" + c[1] + "\","
          + "\"paymentPageUrl\":\"https://qbitpay.blockscape.co/?zh#/otc/payment?tradeId=" + c[0] + "\"}";
    }
  }

  private List<String> paths() throws InterruptedException {
    List<String> paths = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      RecordedRequest r = take(server);
      paths.add(r.getMethod() + " " + r.getPath());
    }
    return paths;
  }

  @Test
  void aDroppedConnectionAfterTheGatewayCreatedTheChargeReturnsThatChargeWithoutResending() throws Exception {
    gateway.creates.add(Create.STORE_THEN_DROP);

    Charge charge = client().createCharge(params());

    assertEquals("ch_1", charge.getId());
    assertEquals(new BigDecimal("10.50"), charge.getAmount());
    assertEquals(1, gateway.chargesFor("order-1001"), "exactly one charge");
    assertEquals(Arrays.asList("POST /api/v1/charges", "GET " + LOOKUP), paths());
    assertEquals(Arrays.asList(Duration.ofMillis(500)), sleeper.waits);
  }

  @Test
  void aFirstAttemptThatNeverLandedIsSentAgainAfterAnEmptyLookup() throws Exception {
    gateway.creates.add(Create.LOSE);

    Charge charge = client().createCharge(params());

    assertEquals("ch_1", charge.getId());
    assertEquals(1, gateway.chargesFor("order-1001"), "exactly one charge");
    List<String> paths = paths();
    assertEquals(Arrays.asList("POST /api/v1/charges", "GET " + LOOKUP, "POST /api/v1/charges"), paths);
  }

  @Test
  void anHtml502AfterTheGatewayCreatedTheChargeIsReconciled() {
    gateway.creates.add(Create.STORE_THEN_502);

    Charge charge = client().createCharge(params());

    assertEquals("ch_1", charge.getId());
    assertEquals(1, gateway.chargesFor("order-1001"));
    assertEquals(Arrays.asList("POST", "GET"), gateway.methods);
  }

  @Test
  void aReadTimeoutAfterTheGatewayCreatedTheChargeIsReconciled() {
    gateway.creates.add(Create.STORE_THEN_HANG);
    QbitPayClient impatient = TestSupport.client(server, sleeper).readTimeout(Duration.ofMillis(300)).build();

    Charge charge = impatient.createCharge(params());

    assertEquals("ch_1", charge.getId());
    assertEquals(1, gateway.chargesFor("order-1001"));
    assertEquals(Arrays.asList("POST", "GET"), gateway.methods);
  }

  @Test
  void whenEveryAttemptIsLostTheLastFailureIsThrownAfterMaxRetriesResends() {
    gateway.creates.addAll(Arrays.asList(Create.LOSE, Create.LOSE, Create.LOSE));

    NetworkException e = assertThrows(NetworkException.class, () -> client().createCharge(params()));

    assertTrue(e.mayHaveReachedServer());
    assertFalse(e.isRetrySafe());
    assertEquals(0, gateway.chargesFor("order-1001"));
    assertEquals(Arrays.asList("POST", "GET", "POST", "GET", "POST", "GET"), gateway.methods);
    assertEquals(
        Arrays.asList(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000)), sleeper.waits);
  }

  @Test
  void maxRetriesZeroStillLooksUpOnceButNeverResends() {
    gateway.creates.add(Create.LOSE);
    QbitPayClient once = TestSupport.client(server, sleeper).maxRetries(0).build();

    assertThrows(NetworkException.class, () -> once.createCharge(params()));

    assertEquals(Arrays.asList("POST", "GET"), gateway.methods);
  }

  @Test
  void aFailedLookupThrowsAReconciliationExceptionAndNeverResends() {
    gateway.creates.add(Create.STORE_THEN_DROP);
    gateway.lookupFails = true;

    ChargeReconciliationException e =
        assertThrows(ChargeReconciliationException.class, () -> client().createCharge(params()));

    assertTrue(e.mayHaveReachedServer());
    assertFalse(e.isRetrySafe());
    assertEquals("order-1001", e.getExternalOrderId());
    assertInstanceOf(NetworkException.class, e.getCreateFailure());
    assertInstanceOf(InvalidResponseException.class, e.getCause());
    assertTrue(e.getMessage().contains("externalOrderId order-1001"), e.getMessage());
    assertTrue(e.getMessage().contains("listCharges"), e.getMessage());
    assertEquals(Arrays.asList("POST", "GET", "GET", "GET"), gateway.methods, "the lookup is a retried GET");
    assertEquals(1, gateway.chargesFor("order-1001"));
  }

  @Test
  void aChargeWithTheSameExternalOrderIdButAnotherAmountStopsTheCreate() {
    gateway.storeExisting("ch_old", "order-1001", "99");
    gateway.creates.add(Create.LOSE);

    ChargeReconciliationException e =
        assertThrows(ChargeReconciliationException.class, () -> client().createCharge(params()));

    assertTrue(e.getMessage().contains("different amount or currency"), e.getMessage());
    assertEquals(Arrays.asList("POST", "GET"), gateway.methods);
  }

  @Test
  void aRefusedCreateIsThrownWithoutALookup() {
    gateway.creates.add(Create.REFUSE);

    ApiException e = assertThrows(ApiException.class, () -> client().createCharge(params()));

    assertEquals(400, e.getHttpStatus());
    assertEquals("invalid_request_error", e.getType());
    assertTrue(e.isRetrySafe());
    assertEquals(Arrays.asList("POST"), gateway.methods);
  }

  @Test
  void aCreateThatCouldNotConnectIsRetriedByTheTransportAndNeverLookedUp() throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start();
    String url = closed.url("/").toString();
    closed.shutdown();
    QbitPayClient offline =
        QbitPayClient.builder().apiKey("my_api_key").baseUrl(url).sleeper(sleeper).build();

    NetworkException e = assertThrows(NetworkException.class, () -> offline.createCharge(params()));

    assertFalse(e.mayHaveReachedServer());
    assertTrue(e.isRetrySafe());
    assertEquals(2, sleeper.waits.size(), "two transport retries, no reconciliation pause");
  }

  @Test
  void aLookupThatIgnoresTheFilterStillReturnsOnlyTheChargeWithThisExternalOrderId() {
    gateway.ignoresFilter = true;
    gateway.storeExisting("ch_other", "order-9", "10.50");
    gateway.creates.add(Create.STORE_THEN_DROP);

    Charge charge = client().createCharge(params());

    assertEquals("ch_2", charge.getId());
    assertSame(ChargeStatus.PENDING, charge.getStatus());
  }
}
