package io.paykit.juyifu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.ApiException;
import io.paykit.AuthenticationException;
import io.paykit.InvalidResponseException;
import io.paykit.NetworkException;
import io.paykit.RateLimitException;
import io.paykit.RequestOptions;
import java.io.IOException;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The envelope's business codes, HTTP error statuses and unreadable bodies, as typed exceptions. */
class ErrorsTest {
  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private JuyifuClient client() {
    return TestSupport.md5Client(server).sleeper(sleeper).build();
  }

  private static CreateOrderParams order() {
    return CreateOrderParams.builder().payType(1).amount(100).build();
  }

  @ParameterizedTest
  @CsvSource({
    "1000, PARAMETERS, true",
    "1001, DATA, true",
    "1002, SIGNATURE, true",
    "1003, DUPLICATE_ORDER, true",
    "1004, LIMIT, true",
    "2000, SERVER, false",
    "3000, THIRD_PARTY, false",
    "-1, UNKNOWN, false",
    "4242, UNKNOWN, false"
  })
  void businessCodesOnACreateBecomeTypedExceptions(String code, JuyifuErrorCode expected, boolean retrySafe) {
    server.enqueue(new MockResponse().setBody("{\"code\":" + code + ",\"message\":\"失败\",\"data\":null}"));

    JuyifuApiException e = assertThrows(JuyifuApiException.class, () -> client().createOrder(order()));

    assertEquals(expected, e.getErrorCode());
    assertEquals(code, e.getCode());
    assertEquals("失败", e.getGatewayMessage());
    assertEquals(200, e.getHttpStatus());
    assertEquals(retrySafe, e.isRetrySafe());
    assertTrue(e.mayHaveReachedServer());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void businessErrorsOnReadsAreRetrySafe() {
    server.enqueue(new MockResponse().setBody("{\"code\":\"2000\",\"message\":\"busy\"}"));

    JuyifuApiException e = assertThrows(JuyifuApiException.class, () -> client().queryChannels());

    assertEquals(JuyifuErrorCode.SERVER, e.getErrorCode());
    assertTrue(e.isRetrySafe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "\"0\"", "\"0000\""})
  void zeroAndTheDraftsZeroZeroZeroZeroMeanSuccess(String code) {
    server.enqueue(new MockResponse().setBody("{\"code\":" + code + ",\"data\":[]}"));

    assertEquals(0, client().queryChannels().size());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404, 405, 406, 410, 418})
  void refusedHttpStatusesOnACreateAreRetrySafeApiExceptions(int status) {
    server.enqueue(
        new MockResponse().setResponseCode(status).setBody("{\"code\":1000,\"message\":\"bad amount\"}"));

    JuyifuApiException e = assertThrows(JuyifuApiException.class, () -> client().createOrder(order()));

    assertEquals(status, e.getHttpStatus());
    assertEquals("1000", e.getCode());
    assertEquals(JuyifuErrorCode.PARAMETERS, e.getErrorCode());
    assertEquals("bad amount", e.getGatewayMessage());
    assertTrue(e.isRetrySafe());
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 503})
  void serverErrorsOnACreateAreNotRetriedAndNotRetrySafe(int status) {
    server.enqueue(new MockResponse().setResponseCode(status).setBody("<html><body>Bad Gateway</body></html>"));

    JuyifuApiException e = assertThrows(JuyifuApiException.class, () -> client().createOrder(order()));

    assertEquals(status, e.getHttpStatus());
    assertNull(e.getCode());
    assertEquals(JuyifuErrorCode.UNKNOWN, e.getErrorCode());
    assertFalse(e.isRetrySafe());
    assertEquals(1, server.getRequestCount());
    assertTrue(sleeper.waits.isEmpty());
  }

  @Test
  void serverErrorsOnReadsAreRetriedWithBackoff() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(500));
    server.enqueue(new MockResponse().setBody("{\"code\":0,\"data\":[]}"));

    assertEquals(0, client().queryChannels().size());

    assertEquals(3, server.getRequestCount());
    assertEquals(2, sleeper.waits.size());
  }

  @Test
  void http401IsAnAuthenticationException() {
    server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"code\":1002,\"message\":\"sign\"}"));

    AuthenticationException e = assertThrows(AuthenticationException.class, () -> client().createOrder(order()));

    assertEquals("1002", e.getCode());
    assertTrue(e.isRetrySafe());
  }

  @Test
  void http429IsARateLimitExceptionWithRetryAfter() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7"));

    RateLimitException e = assertThrows(RateLimitException.class, () -> client().createOrder(order()));

    assertEquals(Duration.ofSeconds(7), e.getRetryAfter());
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "<html><body>维护中</body></html>",
        "{\"code\":0,\"data\":{\"status\":",
        "{\"code\":0,\"data\":[}",
        "[1,2]",
        "\"ok\"",
        "null",
        "{\"message\":\"no code\",\"data\":{}}"
      })
  void unreadableBodiesWithStatus200AreInvalidResponses(String body) {
    server.enqueue(new MockResponse().setBody(body));

    InvalidResponseException e =
        assertThrows(InvalidResponseException.class, () -> client().createOrder(order()));

    assertEquals(200, e.getHttpStatus());
    assertFalse(e.isRetrySafe(), "a create whose answer was unreadable may have happened");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aBodyCutOffByTheConnectionOnACreateMayHaveArrivedAndIsNotResent() {
    server.enqueue(
        new MockResponse()
            .setBody(TestSupport.resource("seed-001-create-order-response.json"))
            .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

    NetworkException e = assertThrows(NetworkException.class, () -> client().createOrder(order()));

    assertTrue(e.mayHaveReachedServer());
    assertFalse(e.isRetrySafe());
    assertTrue(e.getMessage().contains("queryOrders"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void dataOfTheWrongShapeIsAnInvalidResponse() {
    server.enqueue(new MockResponse().setBody("{\"code\":0,\"data\":[]}"));
    server.enqueue(new MockResponse().setBody("{\"code\":0,\"data\":{}}"));
    server.enqueue(new MockResponse().setBody("{\"code\":0,\"data\":[1]}"));
    JuyifuClient client = client();

    assertThrows(InvalidResponseException.class, () -> client.createOrder(order()));
    assertThrows(InvalidResponseException.class, () -> client.queryChannels());
    assertThrows(InvalidResponseException.class, () -> client.queryChannels());
  }

  @Test
  void anAmountThatIsNotAnIntegerIsAnInvalidResponseNotAGuess() {
    server.enqueue(new MockResponse().setBody(TestSupport.ok("{\"payment\":{\"amount\":\"1.5\"}}")));

    InvalidResponseException e =
        assertThrows(InvalidResponseException.class, () -> client().createOrder(order()));
    assertTrue(e.getMessage().contains("data.payment.amount"), e.getMessage());
  }

  @Test
  void gatewayTextIsRedactedInMessages() {
    server.enqueue(
        new MockResponse().setBody("{\"code\":1002,\"message\":\"bad sign for secret " + TestSupport.SECRET + "\"}"));

    ApiException e = assertThrows(ApiException.class, () -> client().createOrder(order()));

    assertFalse(e.getMessage().contains(TestSupport.SECRET), e.getMessage());
    assertFalse(e.getGatewayMessage().contains(TestSupport.SECRET));
  }

  @Test
  void requestOptionsOverrideTheClientsRetries() {
    server.enqueue(new MockResponse().setResponseCode(503));

    JuyifuApiException e =
        assertThrows(
            JuyifuApiException.class,
            () -> client().queryChannels(RequestOptions.builder().maxRetries(0).build()));

    assertEquals(503, e.getHttpStatus());
    assertTrue(e.isRetrySafe());
    assertEquals(1, server.getRequestCount());
  }
}
