package io.paykit.qbitpay;

import static io.paykit.qbitpay.TestSupport.BASIC_AUTH;
import static io.paykit.qbitpay.TestSupport.fixture;
import static io.paykit.qbitpay.TestSupport.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.AccessToken;
import io.paykit.AuthenticationException;
import io.paykit.InvalidResponseException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QbitPayClientAccessTokenTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
  private final TestSupport.MutableClock clock = new TestSupport.MutableClock(NOW);
  private QbitPayClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = TestSupport.client(server, sleeper).clock(clock).build();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private void issue(String token) {
    server.enqueue(new MockResponse().setBody("{\"accessToken\":\"" + token + "\"}"));
  }

  private static Charge parse(String json) {
    try {
      return QbitJson.CHARGE.fromJson(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void fetchesTheDocumentedTokenWithBasicAuth() throws Exception {
    server.enqueue(new MockResponse().setBody(fixture("seed004-access-token.json")));

    AccessToken token = client.accessToken();

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/api/v1/accessToken", request.getPath());
    assertEquals(BASIC_AUTH, request.getHeader("Authorization"));
    assertTrue(token.getValue().startsWith("eyJhbGciOiUzI1NiIsInR5cCI6IkpXVCJ9."));
    assertFalse(token.toString().contains("eyJ"));
  }

  @Test
  void theDocumentedTokenHasNoReadableExpSoItIsReusedForFiveMinutes() {
    server.enqueue(new MockResponse().setBody(fixture("seed004-access-token.json")));
    issue(TestSupport.jwt(NOW.plusSeconds(3600).getEpochSecond()));

    AccessToken first = client.accessToken();
    assertEquals(NOW.plus(Duration.ofMinutes(5)), first.getExpiresAt());
    clock.advance(Duration.ofMinutes(3));
    assertSame(first, client.accessToken());
    clock.advance(Duration.ofSeconds(61));

    assertNotSame(first, client.accessToken(), "within a minute of the default lifetime it is replaced");
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aJwtIsCachedUntilShortlyBeforeItsExp() {
    Instant exp = NOW.plusSeconds(3600);
    issue(TestSupport.jwt(exp.getEpochSecond()));
    issue(TestSupport.jwt(exp.plusSeconds(3600).getEpochSecond()));

    AccessToken first = client.accessToken();
    assertEquals(exp, first.getExpiresAt());
    clock.advance(Duration.ofMinutes(58));
    assertSame(first, client.accessToken());
    assertEquals(1, server.getRequestCount());

    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    AccessToken second = client.accessToken();

    assertEquals(exp.plusSeconds(3600), second.getExpiresAt());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aTokenAlreadyExpiredByOurClockIsStillReusedBriefly() {
    issue(TestSupport.jwt(NOW.minusSeconds(600).getEpochSecond()));

    AccessToken token = client.accessToken();
    assertSame(token, client.accessToken());

    assertEquals(1, server.getRequestCount(), "a skewed clock must not cause a fetch per call");
  }

  @Test
  void aRejectedTokenIsReplacedOnceHoweverOftenItIsReported() {
    issue(TestSupport.jwt(NOW.plusSeconds(3600).getEpochSecond()));
    issue(TestSupport.jwt(NOW.plusSeconds(7200).getEpochSecond()));

    AccessToken rejected = client.accessToken();
    client.invalidateAccessToken(rejected);
    AccessToken fresh = client.accessToken();
    client.invalidateAccessToken(rejected);

    assertNotSame(rejected, fresh);
    assertSame(fresh, client.accessToken());
    assertEquals(2, server.getRequestCount());
    assertThrows(IllegalArgumentException.class, () -> client.invalidateAccessToken(null));
  }

  @Test
  void sixteenThreadsOnAnEmptyCacheCauseOneFetch() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    String jwt = TestSupport.jwt(NOW.plusSeconds(3600).getEpochSecond());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            fetches.incrementAndGet();
            release.await(5, TimeUnit.SECONDS);
            return new MockResponse().setBody("{\"accessToken\":\"" + jwt + "\"}");
          }
        });
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch started = new CountDownLatch(16);
      List<Future<AccessToken>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(
            pool.submit(
                () -> {
                  started.countDown();
                  return client.accessToken();
                }));
      }
      started.await(5, TimeUnit.SECONDS);
      release.countDown();
      for (Future<AccessToken> f : results) assertEquals(jwt, f.get(5, TimeUnit.SECONDS).getValue());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, fetches.get());
  }

  @Test
  void a401FromTheTokenEndpointMeansABadApiKeyAndIsNotRetried() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(401)
            .setBody("{\"type\":\"authentication_error\",\"message\":\"Invalid API Key\"}"));
    issue(TestSupport.jwt(NOW.plusSeconds(3600).getEpochSecond()));

    AuthenticationException e = assertThrows(AuthenticationException.class, client::accessToken);

    assertEquals("authentication_error", e.getType());
    assertEquals(1, server.getRequestCount(), "no refetch loop");
    client.accessToken();
    assertEquals(2, server.getRequestCount(), "nothing was cached: the next call asks again");
  }

  @Test
  void aResponseWithoutATokenIsAnInvalidResponseThatHidesNothingSecret() {
    server.enqueue(new MockResponse().setBody("{\"token\":\"abc\"}"));
    server.enqueue(new MockResponse().setBody("{\"accessToken\":\"\"}"));

    assertThrows(InvalidResponseException.class, client::accessToken);
    assertThrows(InvalidResponseException.class, client::accessToken);
  }

  @Test
  void thePaymentPageUrlGetsTheTokenAfterTheFragmentQuery() {
    String jwt = TestSupport.jwt(NOW.plusSeconds(3600).getEpochSecond());
    issue(jwt);

    String url = client.paymentPageUrl(parse(fixture("seed004-charge.json")));

    assertEquals(
        "https://qbitpay.blockscape.co/?zh#/otc/payment?tradeId=DTSifOuTy95ifOuTy95&accessToken=" + jwt, url);
  }

  @Test
  void anExplicitTokenIsAppendedWithoutAFetch() {
    AccessToken token = AccessToken.of("a b+c", null);

    String url = client.paymentPageUrl(parse(fixture("seed004-charge.json")), token);

    assertTrue(url.endsWith("tradeId=DTSifOuTy95ifOuTy95&accessToken=a%20b%2Bc"), url);
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aChargeWithoutAPageUrlIsRejectedBeforeAnyTokenFetch() {
    Charge noUrl = parse("{\"id\":\"c1\"}");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.paymentPageUrl(noUrl));

    assertTrue(e.getMessage().contains("paymentPageUrl"));
    assertEquals(0, server.getRequestCount());
  }
}
