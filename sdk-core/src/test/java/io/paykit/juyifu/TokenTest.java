package io.paykit.juyifu;

import static io.paykit.juyifu.TestSupport.APP_ID;
import static io.paykit.juyifu.TestSupport.NOW;
import static io.paykit.juyifu.TestSupport.NOW_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.AccessToken;
import io.paykit.AuthenticationException;
import io.paykit.InvalidResponseException;
import io.paykit.NetworkException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** fetchToken and the access_token header: fixed, automatic, cached, refreshed (PROPOSED, README §1). */
class TokenTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static MockResponse token(String value, long expiresIn) {
    return new MockResponse()
        .setBody(TestSupport.ok("{\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn + "}"));
  }

  /** Issues tok-1, tok-2, … (each valid 7200 s) and answers /channels, counting both. */
  private static final class TokenServer extends Dispatcher {
    final AtomicInteger tokens = new AtomicInteger();
    final AtomicInteger channels = new AtomicInteger();
    final List<String> seenTokens = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile String rejected;

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (request.getPath().startsWith("/v1/token")) {
        return token("tok-" + tokens.incrementAndGet(), 7200);
      }
      channels.incrementAndGet();
      String header = request.getHeader("access_token");
      seenTokens.add(String.valueOf(header));
      if (header == null || header.equals(rejected)) {
        return new MockResponse().setResponseCode(401).setBody("{\"code\":401,\"message\":\"token expired\"}");
      }
      return new MockResponse().setBody(TestSupport.ok("[]"));
    }
  }

  @ParameterizedTest
  @EnumSource(SigningKind.class)
  void fetchTokenPostsAppIdAndTheClockTimestampSigned(SigningKind kind) throws Exception {
    server.enqueue(token("abc123", 7200));

    AccessToken token = kind.client(server).build().fetchToken();

    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST", recorded.getMethod());
    assertEquals("/v1/token", recorded.getPath());
    assertNull(recorded.getHeader("access_token"));
    assertEquals(
        "app_id=" + APP_ID + "&timestamp=" + NOW_SECONDS
            + kind.tail("app_id=" + APP_ID + "&timestamp=" + NOW_SECONDS),
        recorded.getBody().readUtf8());
    assertEquals("abc123", token.getValue());
    assertEquals(NOW.plusSeconds(7200), token.getExpiresAt());
  }

  @Test
  void aFixedAccessTokenTravelsInTheHeaderAndIsNotSigned() throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.ok("[]")));

    TestSupport.md5Client(server).accessToken("fixed-token").build().queryChannels();

    RecordedRequest recorded = server.takeRequest();
    assertEquals("fixed-token", recorded.getHeader("access_token"));
    assertEquals(
        TestSupport.md5Hex("app_id=" + APP_ID + TestSupport.SECRET),
        recorded.getRequestUrl().queryParameter("sign"));
  }

  @Test
  void anAutomaticTokenIsFetchedOnceAndReused() {
    TokenServer dispatcher = new TokenServer();
    server.setDispatcher(dispatcher);
    JuyifuClient client = TestSupport.md5Client(server).autoToken().build();

    client.queryChannels();
    client.queryChannels();
    client.queryChannels(1);

    assertEquals(1, dispatcher.tokens.get());
    assertEquals("[tok-1, tok-1, tok-1]", dispatcher.seenTokens.toString());
  }

  @Test
  void anAutomaticTokenIsReplacedBeforeItExpires() {
    TokenServer dispatcher = new TokenServer();
    server.setDispatcher(dispatcher);
    TestSupport.MutableClock clock = new TestSupport.MutableClock(NOW);
    JuyifuClient client = TestSupport.md5Client(server).clock(clock).autoToken().build();
    client.queryChannels();

    clock.advance(Duration.ofSeconds(7200 - 59));
    client.queryChannels();

    assertEquals(2, dispatcher.tokens.get());
    assertEquals("[tok-1, tok-2]", dispatcher.seenTokens.toString());
  }

  @Test
  void aHundredThreadsOnAnExpiredTokenCauseExactlyOneTokenRequest() throws Exception {
    TokenServer dispatcher = new TokenServer();
    server.setDispatcher(dispatcher);
    TestSupport.MutableClock clock = new TestSupport.MutableClock(NOW);
    JuyifuClient client = TestSupport.md5Client(server).clock(clock).autoToken().build();
    client.queryChannels();
    assertEquals(1, dispatcher.tokens.get());
    clock.advance(Duration.ofHours(3));

    ExecutorService pool = Executors.newFixedThreadPool(100);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        calls.add(
            pool.submit(
                () -> {
                  go.await();
                  return client.queryChannels();
                }));
      }
      go.countDown();
      for (Future<?> call : calls) call.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertEquals(2, dispatcher.tokens.get());
    assertEquals(101, dispatcher.channels.get());
    assertEquals(100, dispatcher.seenTokens.subList(1, 101).stream().filter("tok-2"::equals).count());
  }

  @Test
  void a401ReplacesTheTokenAndSendsTheRequestOnceMore() {
    TokenServer dispatcher = new TokenServer();
    server.setDispatcher(dispatcher);
    JuyifuClient client = TestSupport.md5Client(server).autoToken().build();
    client.queryChannels();
    dispatcher.rejected = "tok-1";

    client.queryChannels();

    assertEquals(2, dispatcher.tokens.get());
    assertEquals("[tok-1, tok-1, tok-2]", dispatcher.seenTokens.toString());
  }

  @Test
  void a401WithAFreshTokenIsAnAuthenticationExceptionAfterOneRetry() {
    server.setDispatcher(
        new Dispatcher() {
          final AtomicInteger n = new AtomicInteger();

          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getPath().startsWith("/v1/token")) return token("t" + n.incrementAndGet(), 7200);
            return new MockResponse().setResponseCode(401).setBody("{\"code\":1002,\"message\":\"no\"}");
          }
        });
    JuyifuClient client = TestSupport.md5Client(server).autoToken().build();

    AuthenticationException e = assertThrows(AuthenticationException.class, client::queryChannels);

    assertEquals(401, e.getHttpStatus());
    assertEquals("1002", e.getCode());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void aFixedTokenRejectedWith401IsAnAuthenticationException() {
    server.enqueue(new MockResponse().setResponseCode(401));

    assertThrows(
        AuthenticationException.class,
        () -> TestSupport.md5Client(server).accessToken("stale").build().queryChannels());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aTokenThatCannotTravelInAHeaderIsAnInvalidResponse() {
    server.enqueue(new MockResponse().setBody(TestSupport.ok("{\"access_token\":\"a\\r\\nX-Evil: 1\"}")));

    InvalidResponseException e =
        assertThrows(InvalidResponseException.class, () -> TestSupport.md5Client(server).build().fetchToken());
    assertFalse(e.getMessage().contains("X-Evil"), e.getMessage());
  }

  @Test
  void aTokenResponseWithoutTokenIsAnInvalidResponse() {
    server.enqueue(new MockResponse().setBody(TestSupport.ok("{\"expires_in\":7200}")));

    assertThrows(InvalidResponseException.class, () -> TestSupport.md5Client(server).build().fetchToken());
  }

  @Test
  void aTokenWithoutExpiryNeverExpiresUntilRejected() {
    server.enqueue(new MockResponse().setBody(TestSupport.ok("{\"access_token\":\"forever\"}")));

    assertNull(TestSupport.md5Client(server).build().fetchToken().getExpiresAt());
  }

  @Test
  void aCreateWhoseTokenFetchFailsOnTheNetworkSaysTheCreateWasNotSent() {
    server.enqueue(new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.NO_RESPONSE));
    JuyifuClient client =
        TestSupport.md5Client(server).readTimeout(Duration.ofMillis(200)).maxRetries(0).autoToken().build();

    NetworkException e =
        assertThrows(
            NetworkException.class,
            () -> client.createOrder(CreateOrderParams.builder().payType(1).amount(1).build()));

    assertFalse(e.mayHaveReachedServer());
    assertTrue(e.isRetrySafe());
    assertTrue(e.getMessage().startsWith("createOrder was not sent"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void tokensNeverReachTheDebugLog() throws Exception {
    server.enqueue(token("tok-NEVER-LOGGED-4711", 7200));
    server.enqueue(new MockResponse().setBody(TestSupport.ok("[]")));

    TestSupport.md5Client(server).autoToken().build().queryChannels();

    assertEquals(2, server.getRequestCount());
    // Surefire points slf4j-simple at this file with io.paykit at DEBUG (sdk-core/pom.xml).
    String log =
        new String(
            Files.readAllBytes(Paths.get(System.getProperty("org.slf4j.simpleLogger.logFile"))),
            StandardCharsets.UTF_8);
    assertTrue(log.contains("queryChannels"), "the call was logged");
    assertFalse(log.contains("NEVER-LOGGED"), "the token was logged");
    assertFalse(log.contains(TestSupport.SECRET), "the secret was logged");
  }
}
