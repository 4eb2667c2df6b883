package io.paykit.bench;

import io.paykit.bench.baseline.BaselineJuyifu;
import io.paykit.bench.baseline.BaselineQbit;
import io.paykit.bench.baseline.BaselineYinqiantong;
import io.paykit.juyifu.JuyifuClient;
import io.paykit.qbitpay.Charge;
import io.paykit.qbitpay.ChargeCreateParams;
import io.paykit.qbitpay.QbitPayClient;
import io.paykit.sign.Keys;
import io.paykit.yinqiantong.CreateOrderParams;
import io.paykit.yinqiantong.Order;
import io.paykit.yinqiantong.YinqiantongClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One loopback server, the three PayKit clients and their hand-written baselines, shared by every
 * thread of a benchmark (one client per gateway, as an application holds it). {@link #setUp()} proves
 * that each PayKit call and its baseline put byte-identical requests on the wire.
 */
@State(Scope.Benchmark)
public class Gateways {
  LoopbackServer server;
  QbitPayClient qbit;
  YinqiantongClient yqt;
  JuyifuClient juyifu;
  OkHttpClient qbitHttp;
  OkHttpClient yqtHttp;
  OkHttpClient juyifuHttp;
  BaselineQbit qbitBaseline;
  BaselineYinqiantong yqtBaseline;
  BaselineJuyifu juyifuBaseline;

  /**
   * Starts the server and the clients of the gateway the running benchmark calls (all three outside
   * JMH), and proves their requests are byte-identical.
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException {
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    setUp(method.startsWith("qbit"), method.startsWith("yqt"), method.startsWith("juyifu"));
    if (params.getThreads() > 1) prewarm(call(method), params.getThreads());
  }

  /**
   * Runs a multi-threaded benchmark's call for {@code paykit.bench.prewarmSeconds} (default 10; the
   * build's smoke run sets 0) before JMH's warmup starts, on as many new threads as the benchmark has
   * but one call at a time, so that the JIT compiles on a quiet core, as a long-running server's has:
   * see {@link ConcurrentRoundTripBenchmark} and {@link InterleavedConcurrentBenchmark}. Many threads, because code compiled on one thread is
   * thrown away at the first call from another: a new thread takes branches the first never took
   * (its first {@code ThreadLocal} lookup, okio's other segment-pool bucket), and HotSpot then
   * recompiles with 16 callers starving its compiler threads.
   */
  private static void prewarm(Call call, int threads) throws IOException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("paykit.bench.prewarmSeconds", 10));
    Semaphore oneAtATime = new Semaphore(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] callers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      callers[t] =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < end && failure.get() == null) {
                    oneAtATime.acquire();
                    try {
                      call.run();
                    } finally {
                      oneAtATime.release();
                    }
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "paykit-prewarm-" + t);
      callers[t].start();
    }
    try {
      for (Thread caller : callers) caller.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while prewarming", e);
    }
    if (failure.get() != null) throw new IOException("prewarm call failed", failure.get());
  }

  /** The call a benchmark makes: one side's, or, for a benchmark that alternates sides, both. */
  private Call call(String method) {
    Call payKit;
    Call baseline;
    if (method.startsWith("qbit")) {
      payKit = this::qbitPayKit;
      baseline = this::qbitBaseline;
    } else if (method.startsWith("yqt")) {
      payKit = this::yqtPayKit;
      baseline = this::yqtBaseline;
    } else if (method.startsWith("juyifu")) {
      payKit = this::juyifuPayKit;
      baseline = this::juyifuBaseline;
    } else {
      throw new IllegalArgumentException("no call for benchmark " + method);
    }
    if (method.endsWith("PayKit")) return payKit;
    if (method.endsWith("Baseline")) return baseline;
    return () -> {
      payKit.run();
      return baseline.run();
    };
  }

  void setUp(boolean withQbit, boolean withYqt, boolean withJuyifu) throws IOException {
    server = LoopbackServer.start();
    String base = server.baseUrl();
    qbit = QbitPayClient.builder().apiKey(Canned.QBIT_API_KEY).baseUrl(base).build();
    yqt =
        YinqiantongClient.builder()
            .appId(Canned.YQT_APP_ID)
            .appSecret(Canned.YQT_APP_SECRET)
            .baseUrl(base + "/yqt")
            .clock(Canned.YQT_CLOCK)
            .build();
    juyifu =
        JuyifuClient.builder()
            .appId(Canned.JUYIFU_APP_ID)
            .rsa2PrivateKey(Canned.RSA_PRIVATE_PEM)
            .baseUrl(base + "/juyifu")
            .build();
    // One OkHttp client (pool, dispatcher) per baseline, as PayKit has one per client.
    qbitHttp = new OkHttpClient();
    yqtHttp = new OkHttpClient();
    juyifuHttp = new OkHttpClient();
    qbitBaseline = new BaselineQbit(qbitHttp, base, Canned.QBIT_API_KEY, userAgent("qbitpay"));
    yqtBaseline =
        new BaselineYinqiantong(
            yqtHttp, base + "/yqt", Canned.YQT_APP_ID, Canned.YQT_APP_SECRET, Canned.YQT_CLOCK,
            userAgent("yinqiantong"));
    juyifuBaseline =
        new BaselineJuyifu(
            juyifuHttp, base + "/juyifu", Canned.JUYIFU_APP_ID,
            Keys.rsaPrivateKey(Canned.RSA_PRIVATE_PEM), userAgent("juyifu"));

    if (withQbit) assertSameBytes("Qbit Pay createCharge", this::qbitPayKit, this::qbitBaseline);
    if (withYqt) assertSameBytes("银钱通 createOrder", this::yqtPayKit, this::yqtBaseline);
    if (withJuyifu) assertSameBytes("聚易付 createOrder", this::juyifuPayKit, this::juyifuBaseline);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    server.close();
    for (OkHttpClient c : new OkHttpClient[] {qbitHttp, yqtHttp, juyifuHttp}) {
      c.dispatcher().executorService().shutdown();
      c.connectionPool().evictAll();
    }
  }

  // ---- the calls, one per side

  Charge qbitPayKit() {
    return qbit.createCharge(
        ChargeCreateParams.builder()
            .amount(Canned.QBIT_AMOUNT)
            .currency(Canned.QBIT_CURRENCY)
            .externalOrderId(Canned.QBIT_ORDER_ID)
            .cbUrl(Canned.QBIT_CB_URL)
            .redirectUrl(Canned.QBIT_REDIRECT_URL)
            .build());
  }

  BaselineQbit.Charge qbitBaseline() throws IOException {
    return qbitBaseline.createCharge(
        Canned.QBIT_AMOUNT, Canned.QBIT_CURRENCY, Canned.QBIT_ORDER_ID, Canned.QBIT_CB_URL,
        Canned.QBIT_REDIRECT_URL);
  }

  Order yqtPayKit() {
    return yqt.createOrder(
        CreateOrderParams.builder()
            .clientOutTradeNo(Canned.YQT_ORDER_NO)
            .channel(Canned.YQT_CHANNEL)
            .platform(Canned.YQT_PLATFORM)
            .money(Canned.YQT_MONEY)
            .clientIp(Canned.YQT_CLIENT_IP)
            .notifyUrl(Canned.YQT_NOTIFY_URL)
            .subject(Canned.YQT_SUBJECT)
            .build());
  }

  BaselineYinqiantong.Order yqtBaseline() throws IOException {
    return yqtBaseline.createOrder(
        Canned.YQT_ORDER_NO, Canned.YQT_CHANNEL.getCode(), Canned.YQT_PLATFORM.getCode(),
        Canned.YQT_MONEY, Canned.YQT_CLIENT_IP, Canned.YQT_NOTIFY_URL, Canned.YQT_SUBJECT);
  }

  io.paykit.juyifu.Order juyifuPayKit() {
    return juyifu.createOrder(
        io.paykit.juyifu.CreateOrderParams.builder()
            .payType(Canned.JUYIFU_PAY_TYPE)
            .amount(Canned.JUYIFU_AMOUNT)
            .productId(Canned.JUYIFU_PRODUCT_ID)
            .productName(Canned.JUYIFU_PRODUCT_NAME)
            .build());
  }

  BaselineJuyifu.Order juyifuBaseline() throws IOException {
    return juyifuBaseline.createOrder(
        Canned.JUYIFU_PAY_TYPE, Canned.JUYIFU_AMOUNT, Canned.JUYIFU_PRODUCT_ID,
        Canned.JUYIFU_PRODUCT_NAME);
  }

  // ---- proof that the comparison is honest

  interface Call {
    Object run() throws IOException;
  }

  private void assertSameBytes(String what, Call payKit, Call baseline) throws IOException {
    byte[] a = captureOne(payKit);
    byte[] b = captureOne(baseline);
    if (!java.util.Arrays.equals(a, b)) {
      throw new IllegalStateException(
          what + ": PayKit and the baseline sent different requests\n--- PayKit ---\n"
              + new String(a, StandardCharsets.UTF_8) + "\n--- baseline ---\n"
              + new String(b, StandardCharsets.UTF_8));
    }
  }

  private byte[] captureOne(Call call) throws IOException {
    server.capture(true);
    Object result = call.run();
    server.capture(false);
    List<byte[]> requests = server.captured();
    if (result == null || requests.size() != 1) {
      throw new IllegalStateException("expected one request and a result, got " + requests.size());
    }
    return requests.get(0);
  }

  /** PayKit's User-Agent, {@code paykit-java/<version> (<gateway>)}, which the baselines send too. */
  static String userAgent(String gateway) {
    Properties p = new Properties();
    try (InputStream in = QbitPayClient.class.getResourceAsStream("/io/paykit/paykit.properties")) {
      p.load(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("sdk-core has no io/paykit/paykit.properties", e);
    }
    return "paykit-java/" + p.getProperty("version") + " (" + gateway + ")";
  }
}
