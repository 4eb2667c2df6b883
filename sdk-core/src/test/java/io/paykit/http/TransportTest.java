package io.paykit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.InvalidResponseException;
import io.paykit.NetworkException;
import io.paykit.RequestOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportTest {
  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private Transport.Builder transport() {
    return Transport.builder("test")
        .baseUrl(server.url("/v1").toString())
        .sleeper(sleeper)
        .random(new Random(42))
        .readTimeout(Duration.ofSeconds(5));
  }

  private static ApiRequest get(String path) {
    return ApiRequest.builder(ApiRequest.Method.GET, path, "read").build();
  }

  private static ApiRequest post(String path) {
    return ApiRequest.builder(ApiRequest.Method.POST, path, "create")
        .bodyEncoding(ApiRequest.BodyEncoding.FORM)
        .body("amount", 100)
        .build();
  }

  @Test
  void sendsFormBodyQueryAndUserAgentExactly() throws Exception {
    server.enqueue(new MockResponse().setBody("{}"));
    ApiRequest request =
        ApiRequest.builder(ApiRequest.Method.POST, "/orders", "createOrder")
            .query("ids", Arrays.asList("a1", "b2"))
            .query("skipped", null)
            .bodyEncoding(ApiRequest.BodyEncoding.FORM)
            .body("product_name", "飞行扫帚")
            .body("amount", 2L)
            .body("memo", "")
            .header("access_token", "tok")
            .build();

    ApiResponse response = transport().build().execute(request);

    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST", recorded.getMethod());
    assertEquals("/v1/orders?ids=a1&ids=b2", recorded.getPath());
    assertEquals("paykit-java/0.1.0-SNAPSHOT (test)", recorded.getHeader("User-Agent"));
    assertEquals("tok", recorded.getHeader("access_token"));
    assertEquals("application/x-www-form-urlencoded", recorded.getHeader("Content-Type"));
    assertEquals(
        "product_name=%E9%A3%9E%E8%A1%8C%E6%89%AB%E5%B8%9A&amount=2&memo=",
        recorded.getBody().readUtf8());
    assertEquals(200, response.status());
    assertEquals("{}", response.body());
  }

  @Test
  void sendsJsonBodyWithExactDecimals() throws Exception {
    server.enqueue(new MockResponse().setBody("{}"));
    ApiRequest request =
        ApiRequest.builder(ApiRequest.Method.POST, "/api/v1/charges", "createCharge")
            .bodyEncoding(ApiRequest.BodyEncoding.JSON)
            .body("amount", new BigDecimal("10.50"))
            .body("tiny", new BigDecimal("1E-7"))
            .body("big", new BigDecimal("1E+3"))
            .body("currency", "USD")
            .body("flag", true)
            .body("count", 3)
            .build();

    transport().build().execute(request);

    RecordedRequest recorded = server.takeRequest();
    assertEquals("application/json; charset=utf-8", recorded.getHeader("Content-Type"));
    assertEquals(
        "{\"amount\":10.50,\"tiny\":0.0000001,\"big\":1000,\"currency\":\"USD\",\"flag\":true,\"count\":3}",
        recorded.getBody().readUtf8());
  }

  @Test
  void retriesReadsOn5xxWithExponentialBackoff() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(502));
    server.enqueue(new MockResponse().setBody("ok"));

    ApiResponse response = transport().build().execute(get("/x"));

    assertEquals(200, response.status());
    assertEquals(3, server.getRequestCount());
    assertEquals(2, sleeper.waits.size());
    assertBetween(sleeper.waits.get(0), 375, 500);
    assertBetween(sleeper.waits.get(1), 750, 1000);
  }

  @Test
  void backoffIsCappedAtFiveSeconds() {
    RetryInterceptor retry = new RetryInterceptor(10, sleeper, java.time.Clock.systemUTC(), new Random(1));
    for (int i = 0; i < 12; i++) {
      assertTrue(retry.backoff(i).toMillis() <= 5000, "retry " + i);
    }
    assertTrue(retry.backoff(9).toMillis() >= 3750);
  }

  @Test
  void givesUpAfterMaxRetriesAndReturnsTheLastResponse() {
    for (int i = 0; i < 3; i++) server.enqueue(new MockResponse().setResponseCode(500));

    ApiResponse response = transport().build().execute(get("/x"));

    assertEquals(500, response.status());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void honoursRetryAfterSeconds() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3"));
    server.enqueue(new MockResponse().setBody("ok"));

    transport().build().execute(get("/x"));

    assertEquals(Collections.singletonList(Duration.ofSeconds(3)), sleeper.waits);
  }

  @Test
  void honoursRetryAfterHttpDateAgainstTheClock() {
    java.time.Instant now = java.time.Instant.parse("2026-11-21T10:00:00Z");
    server.enqueue(
        new MockResponse().setResponseCode(503).setHeader("Retry-After", "Sat, 21 Nov 2026 10:00:07 GMT"));
    server.enqueue(new MockResponse().setBody("ok"));

    transport().clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).build().execute(get("/x"));

    assertEquals(Collections.singletonList(Duration.ofSeconds(7)), sleeper.waits);
  }

  @Test
  void capsRetryAfter() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
    server.enqueue(new MockResponse().setBody("ok"));

    transport().build().execute(get("/x"));

    assertEquals(Collections.singletonList(RetryInterceptor.MAX_RETRY_AFTER), sleeper.waits);
  }

  @Test
  void ignoresGarbageRetryAfterAndBacksOff() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "soon-ish"));
    server.enqueue(new MockResponse().setBody("ok"));

    transport().build().execute(get("/x"));

    assertEquals(1, sleeper.waits.size());
    assertBetween(sleeper.waits.get(0), 375, 500);
  }

  @Test
  void maxRetriesZeroDisablesRetriesCompletely() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("never"));

    ApiResponse response = transport().maxRetries(0).build().execute(get("/x"));

    assertEquals(503, response.status());
    assertEquals(1, server.getRequestCount());
    assertTrue(sleeper.waits.isEmpty());
  }

  @Test
  void requestOptionsOverrideTheClientsMaxRetries() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("never"));
    ApiRequest request =
        get("/x").newBuilder().options(RequestOptions.builder().maxRetries(0).build()).build();

    assertEquals(503, transport().build().execute(request).status());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void neverRetriesACreateThatReachedTheServer() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("never"));

    ApiResponse response = transport().build().execute(post("/orders"));

    assertEquals(503, response.status());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void createThatTimesOutAfterSendingIsReportedAsMaybeLandedAndNotResent() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setBody("never"));

    NetworkException e =
        assertThrows(
            NetworkException.class,
            () -> transport().readTimeout(Duration.ofMillis(300)).build().execute(post("/orders")));

    assertTrue(e.mayHaveReachedServer());
    assertFalse(e.isRetrySafe());
    assertTrue(e.getMessage().contains("may have reached the gateway"), e.getMessage());
    assertEquals(1, server.getRequestCount());
    assertEquals("amount=100", server.takeRequest().getBody().readUtf8());
  }

  @Test
  void createDroppedAfterTheServerReadItIsNotResent() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setBody("never"));

    NetworkException e =
        assertThrows(NetworkException.class, () -> transport().build().execute(post("/orders")));

    assertTrue(e.mayHaveReachedServer());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void readThatTimesOutIsRetried() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setBody("ok"));

    ApiResponse response =
        transport().readTimeout(Duration.ofMillis(300)).build().execute(get("/x"));

    assertEquals("ok", response.body());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void createIsRetriedWhenTheConnectionCouldNotBeOpened() throws Exception {
    server.enqueue(new MockResponse().setBody("created"));
    AtomicInteger connects = new AtomicInteger();
    OkHttpClient failingFirstConnect =
        new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .socketFactory(new FailFirstConnects(1, connects))
            .build();

    ApiResponse response =
        transport().okHttpClient(failingFirstConnect).build().execute(post("/orders"));

    assertEquals("created", response.body());
    assertEquals(1, server.getRequestCount());
    assertEquals(2, connects.get());
    assertEquals(1, sleeper.waits.size());
  }

  @Test
  void connectionRefusedSaysTheRequestNeverLeft() throws Exception {
    int port = server.getPort();
    server.shutdown();
    Transport transport =
        Transport.builder("test").baseUrl("http://127.0.0.1:" + port).sleeper(sleeper).build();

    NetworkException e = assertThrows(NetworkException.class, () -> transport.execute(post("/orders")));

    assertFalse(e.mayHaveReachedServer());
    assertTrue(e.isRetrySafe());
    assertEquals(2, sleeper.waits.size(), "a create that never left is retried");
  }

  @Test
  void perRequestReadTimeoutApplies() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    ApiRequest request =
        get("/slow").newBuilder()
            .options(
                RequestOptions.builder().readTimeout(Duration.ofMillis(200)).maxRetries(0).build())
            .build();

    NetworkException e = assertThrows(NetworkException.class, () -> transport().build().execute(request));

    assertTrue(e.getCause() instanceof java.net.SocketTimeoutException, String.valueOf(e.getCause()));
  }

  @Test
  void decodesEachAnswerInTheCharsetItsOwnContentTypeNames() {
    // One client remembers the last Content-Type's charset; a different header must not reuse it.
    String text = "{\"subject\":\"飞行扫帚\"}";
    String[] types = {
      "application/json; charset=GBK", "application/json; charset=utf-8", "application/json",
      "application/json; charset=GBK", "text/plain; charset=GB18030"
    };
    for (String type : types) {
      Charset charset = type.contains("GB") ? Charset.forName(type.substring(type.indexOf('=') + 1))
          : StandardCharsets.UTF_8;
      server.enqueue(new MockResponse().setHeader("Content-Type", type)
          .setBody(new Buffer().write(text.getBytes(charset))));
    }
    Transport transport = transport().build();
    for (String type : types) {
      ApiResponse response = transport.execute(get("/text"));
      assertEquals(type, response.contentType());
      assertEquals(text, response.body(), type);
    }
  }

  @Test
  void refusesBodiesLargerThanTheLimit() {
    char[] big = new char[Transport.MAX_BODY_BYTES + 10];
    Arrays.fill(big, 'a');
    server.enqueue(new MockResponse().setBody(new String(big)));

    InvalidResponseException e =
        assertThrows(InvalidResponseException.class, () -> transport().build().execute(get("/big")));

    assertTrue(e.getMessage().contains("larger than"), e.getMessage());
  }

  @Test
  void doesNotFollowRedirects() {
    server.enqueue(
        new MockResponse().setResponseCode(302).setHeader("Location", "http://example.com/steal"));

    ApiResponse response = transport().build().execute(get("/x"));

    assertEquals(302, response.status());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void keepsTheCallersOkHttpInterceptorsAndDefaultsTheCallTimeout() throws Exception {
    server.enqueue(new MockResponse().setBody("ok"));
    OkHttpClient own =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> chain.proceed(chain.request().newBuilder().header("X-Mine", "1").build()))
            .build();

    Transport transport = transport().okHttpClient(own).build();
    transport.execute(get("/x"));

    assertEquals("1", server.takeRequest().getHeader("X-Mine"));
    assertFalse(transport.okHttpClient().followRedirects());
    assertFalse(transport.okHttpClient().followSslRedirects());
  }

  @Test
  void defaultTimeoutsAreExplicit() {
    OkHttpClient client = transport().build().okHttpClient();
    assertEquals(10_000, client.connectTimeoutMillis());
    assertEquals(5_000, client.readTimeoutMillis());
    assertEquals(30_000, client.writeTimeoutMillis());
    // The default whole-call deadline is PayKit's own (CallDeadlines); an explicit one is OkHttp's.
    assertEquals(0, client.callTimeoutMillis());
    assertEquals(
        45_000,
        transport().callTimeout(Duration.ofSeconds(45)).build().okHttpClient().callTimeoutMillis());
  }

  @Test
  void theDefaultDeadlineEndsACallThatNeverAnswers() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    CallDeadlines deadlines = new CallDeadlines(Sleeper.SYSTEM, Duration.ofMillis(20), 50);
    Transport transport =
        transport().maxRetries(0).deadlines(deadlines, Duration.ofMillis(300)).build();

    NetworkException e = assertThrows(NetworkException.class, () -> transport.execute(post("/orders")));

    assertTrue(e.getMessage().contains("InterruptedIOException: timeout (no answer within 300 ms)"),
        e.getMessage());
    assertTrue(e.mayHaveReachedServer());
    assertFalse(e.isRetrySafe());
    assertEquals(0, deadlines.inFlight());
  }

  @Test
  void aDeadlineTheCallerSetIsOkHttpsAndNotWatched() throws Exception {
    CallDeadlines deadlines = new CallDeadlines(Sleeper.SYSTEM, Duration.ofMillis(20), 50);
    List<Integer> watchedDuringCall = Collections.synchronizedList(new ArrayList<>());
    server.setDispatcher(
        new okhttp3.mockwebserver.Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            watchedDuringCall.add(deadlines.inFlight());
            return new MockResponse().setBody("{}");
          }
        });
    transport().deadlines(deadlines, Duration.ofSeconds(60)).build().execute(get("/a"));
    transport()
        .callTimeout(Duration.ofSeconds(20))
        .deadlines(deadlines, Duration.ofSeconds(60))
        .build()
        .execute(get("/b"));
    transport()
        .deadlines(deadlines, Duration.ofSeconds(60))
        .build()
        .execute(
            ApiRequest.builder(ApiRequest.Method.GET, "/c", "read")
                .options(RequestOptions.builder().callTimeout(Duration.ofSeconds(5)).build())
                .build());

    assertEquals(Arrays.asList(1, 0, 0), watchedDuringCall);
    assertEquals(0, deadlines.inFlight());
  }

  /**
   * Deadlines whose watcher never ticks on its own (its first sleep is interrupted, which ends it):
   * the test runs each check itself, at a time it chooses, with no waiting.
   */
  private static CallDeadlines deadlinesCheckedByTheTest() {
    return new CallDeadlines(
        duration -> {
          throw new InterruptedException("stopped by the test");
        },
        Duration.ofMillis(250),
        1);
  }

  @Test
  void aNestedCallOnTheSameThreadHasItsOwnDeadline() {
    CallDeadlines deadlines = deadlinesCheckedByTheTest();
    OkHttpClient client = new OkHttpClient();
    okhttp3.Call outer = client.newCall(new okhttp3.Request.Builder().url(server.url("/o")).build());
    okhttp3.Call inner = client.newCall(new okhttp3.Request.Builder().url(server.url("/i")).build());
    CallDeadlines.Slot outerSlot = deadlines.watch(outer, 60_000);
    CallDeadlines.Slot innerSlot = deadlines.watch(inner, 1_000);
    assertTrue(outerSlot != innerSlot);
    assertEquals(2, deadlines.inFlight());

    assertEquals(2, deadlines.check(System.nanoTime() + TimeUnit.SECONDS.toNanos(2)));

    assertTrue(inner.isCanceled());
    assertFalse(outer.isCanceled());
    assertTrue(deadlines.release(innerSlot));
    assertEquals(1, deadlines.inFlight());
    assertFalse(deadlines.release(outerSlot));
    assertEquals(0, deadlines.inFlight());
    // The thread's own slot is free again and reused.
    assertTrue(outerSlot == deadlines.watch(outer, 60_000));
    assertFalse(deadlines.release(outerSlot));
  }

  @Test
  void deadlinesOfManyThreadsAreWatchedApart() throws Exception {
    CallDeadlines deadlines = deadlinesCheckedByTheTest();
    OkHttpClient client = new OkHttpClient();
    int threads = 8;
    okhttp3.Call[] calls = new okhttp3.Call[threads];
    boolean[] cancelled = new boolean[threads];
    java.util.concurrent.CountDownLatch watched = new java.util.concurrent.CountDownLatch(threads);
    java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(1);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int n = t;
      calls[n] = client.newCall(new okhttp3.Request.Builder().url(server.url("/" + n)).build());
      Thread thread =
          new Thread(
              () -> {
                // Even threads have a deadline of one second, odd ones a minute.
                CallDeadlines.Slot slot = deadlines.watch(calls[n], n % 2 == 0 ? 1_000 : 60_000);
                watched.countDown();
                try {
                  checked.await();
                } catch (InterruptedException e) {
                  return;
                }
                cancelled[n] = deadlines.release(slot);
              });
      thread.start();
      started.add(thread);
    }
    watched.await();
    assertEquals(threads, deadlines.check(System.nanoTime() + TimeUnit.SECONDS.toNanos(10)));
    checked.countDown();
    for (Thread thread : started) thread.join(10_000);

    for (int n = 0; n < threads; n++) {
      assertEquals(n % 2 == 0, calls[n].isCanceled(), "call " + n);
      assertEquals(n % 2 == 0, cancelled[n], "release " + n);
    }
    assertEquals(0, deadlines.inFlight());
  }

  @Test
  void theDeadlineThreadStopsWhenIdleAndStartsAgain() throws Exception {
    RecordingSleeper ticks = new RecordingSleeper();
    CallDeadlines deadlines = new CallDeadlines(ticks, Duration.ofMillis(250), 3);
    okhttp3.Call call = new OkHttpClient().newCall(new okhttp3.Request.Builder().url(server.url("/")).build());
    assertFalse(deadlines.release(deadlines.watch(call, 60_000)));
    Thread first = deadlines.watcher();
    first.join(10_000);
    assertFalse(first.isAlive());
    assertFalse(deadlines.running());
    assertTrue(ticks.waits.size() >= 3, "ticks " + ticks.waits.size());

    CallDeadlines.Slot slot = deadlines.watch(call, 60_000);
    assertTrue(deadlines.running());
    assertTrue(deadlines.watcher() != first);
    assertFalse(deadlines.release(slot));
    deadlines.watcher().join(10_000);
    assertFalse(deadlines.running());
  }


  @Test
  void runsInterceptorsInOrderAndRetriesOnlyWhatFollowsThem() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("ok"));
    List<String> seen = Collections.synchronizedList(new ArrayList<>());

    transport()
        .addInterceptor(chain -> {
          seen.add("auth");
          return chain.proceed(chain.request().newBuilder().header("Authorization", "Basic x").build());
        })
        .addInterceptor(chain -> {
          seen.add("sign:" + chain.request().headers().containsKey("Authorization"));
          return chain.proceed(chain.request());
        })
        .build()
        .execute(get("/x"));

    assertEquals(Arrays.asList("auth", "sign:true"), seen);
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void refusesPlainHttpExceptOnLoopbackOrWhenAllowed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Transport.builder("t").baseUrl("http://api.example.com").build());
    assertTrue(e.getMessage().contains("https"));
    assertThrows(
        IllegalArgumentException.class, () -> Transport.builder("t").baseUrl("http://10.0.0.1").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Transport.builder("t").baseUrl("http://localhost.evil.com").build());
    Transport.builder("t").baseUrl("http://127.0.0.1:8080/x").build();
    Transport.builder("t").baseUrl("http://localhost:8080").build();
    Transport.builder("t").baseUrl("http://[::1]:8080").build();
    Transport.builder("t").baseUrl("https://api.example.com").build();
    Transport.builder("t").baseUrl("http://api.example.com").allowInsecureHttp().build();
    assertThrows(IllegalArgumentException.class, () -> Transport.builder("t").baseUrl("ftp://x").build());
    assertThrows(IllegalArgumentException.class, () -> Transport.builder("t").build());
  }

  @Test
  void trailingSlashInBaseUrlDoesNotDoubleTheSeparator() throws Exception {
    server.enqueue(new MockResponse().setBody("ok"));
    Transport.builder("t").baseUrl(server.url("/v1/").toString()).build().execute(get("/orders"));
    assertEquals("/v1/orders", server.takeRequest().getPath());
  }

  @Test
  void rejectsHeaderInjection() {
    assertThrows(
        IllegalArgumentException.class,
        () -> get("/x").newBuilder().header("X-Id", "a\r\nX-Evil: 1"));
    assertThrows(IllegalArgumentException.class, () -> get("/x").newBuilder().header("X-Id", "订单"));
    assertThrows(
        IllegalArgumentException.class,
        () -> RequestOptions.builder().header("Bad Name", "v"));
  }

  @Test
  void rejectsUnsafePathSegments() {
    assertEquals("ch_123", ApiRequest.pathSegment("id", "ch_123"));
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.pathSegment("id", ".."));
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.pathSegment("id", "a/b"));
    assertThrows(IllegalArgumentException.class, () -> ApiRequest.pathSegment("id", "a?x=1"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ApiRequest.pathSegment("chargeId", ""));
    assertTrue(e.getMessage().contains("chargeId"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ApiRequest.builder(ApiRequest.Method.GET, "/a/../b", "x"));
  }

  @Test
  void requestToStringShowsNoValues() {
    String s =
        post("/orders").newBuilder().body("sign", "deadbeef").header("access_token", "tok").build().toString();
    assertFalse(s.contains("deadbeef"));
    assertFalse(s.contains("tok"));
    assertNull(get("/x").headers().get("Authorization"));
  }

  private static void assertBetween(Duration d, long minMillis, long maxMillis) {
    assertTrue(d.toMillis() >= minMillis && d.toMillis() <= maxMillis, d + " not in [" + minMillis + "," + maxMillis + "]");
  }

  /** Refuses the first {@code failures} connections, as a down host would. */
  private static final class FailFirstConnects extends SocketFactory {
    private final SocketFactory delegate = SocketFactory.getDefault();
    private final AtomicInteger remaining;
    private final AtomicInteger connects;

    FailFirstConnects(int failures, AtomicInteger connects) {
      this.remaining = new AtomicInteger(failures);
      this.connects = connects;
    }

    @Override
    public Socket createSocket() {
      return new Socket() {
        @Override
        public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
          connects.incrementAndGet();
          if (remaining.getAndDecrement() > 0) throw new java.net.ConnectException("Connection refused");
          super.connect(endpoint, timeout);
        }
      };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws SocketException, IOException {
      return delegate.createSocket(address, port, localAddress, localPort);
    }
  }
}
