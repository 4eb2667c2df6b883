package io.paykit.bench;

import io.paykit.bench.baseline.BaselineQbit;
import io.paykit.qbitpay.Charge;
import io.paykit.qbitpay.ChargeListParams;
import io.paykit.qbitpay.QbitPayClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Auto-paging 100,000 Qbit Pay charges in pages of 100 over loopback HTTP (items/s): {@code
 * listCharges(limit 100).autoPagingIterable()} against a baseline loop that issues the same 1,000 GETs
 * ({@code starting_after} = the last id) and parses each page with Moshi. The server answers two
 * canned pages of 100 charges (about 34 KB each) in turn and computes nothing. {@link #setUp()} proves
 * both sides send byte-identical GETs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
public class QbitHttpPagingBenchmark {
  static final int ITEMS = 100_000;

  private LoopbackServer server;
  private OkHttpClient baselineHttp;
  private QbitPayClient client;
  private BaselineQbit baseline;

  @Setup
  public void setUp() throws IOException {
    server = LoopbackServer.start();
    client = QbitPayClient.builder().apiKey(Canned.QBIT_API_KEY).baseUrl(server.baseUrl()).build();
    baselineHttp = new OkHttpClient();
    baseline =
        new BaselineQbit(baselineHttp, server.baseUrl(), Canned.QBIT_API_KEY, Gateways.userAgent("qbitpay"));
    // Three pages each way: the first GET, one after page A, one after page B.
    List<byte[]> payKit = capture(() -> payKit(null, 3 * Canned.PAGE_SIZE));
    List<byte[]> raw = capture(() -> baseline(null, 3 * Canned.PAGE_SIZE));
    if (payKit.size() != 3 || raw.size() != 3) {
      throw new IllegalStateException("expected 3 GETs each, got " + payKit.size() + " and " + raw.size());
    }
    for (int i = 0; i < 3; i++) {
      if (!Arrays.equals(payKit.get(i), raw.get(i))) {
        throw new IllegalStateException(
            "GET " + (i + 1) + " differs\n--- PayKit ---\n" + new String(payKit.get(i), StandardCharsets.UTF_8)
                + "\n--- baseline ---\n" + new String(raw.get(i), StandardCharsets.UTF_8));
      }
    }
  }

  @TearDown
  public void tearDown() {
    server.close();
    baselineHttp.dispatcher().executorService().shutdown();
    baselineHttp.connectionPool().evictAll();
  }

  interface Walk {
    long run() throws IOException;
  }

  private List<byte[]> capture(Walk walk) throws IOException {
    server.capture(true);
    long n = walk.run();
    server.capture(false);
    if (n != 3 * Canned.PAGE_SIZE) throw new IllegalStateException("walked " + n + " charges");
    return server.captured();
  }

  /** Walks {@code items} charges with PayKit's auto-paging; returns how many it saw. */
  long payKit(Blackhole bh, int items) {
    long n = 0;
    for (Charge c : client.listCharges(ChargeListParams.builder().limit(Canned.PAGE_SIZE).build())
        .autoPagingIterable()) {
      if (bh != null) bh.consume(c);
      if (++n == items) break;
    }
    return n;
  }

  /** Walks {@code items} charges page by page by hand; returns how many it saw. */
  long baseline(Blackhole bh, int items) throws IOException {
    long n = 0;
    String after = null;
    while (true) {
      List<BaselineQbit.Charge> data = baseline.listCharges(Canned.PAGE_SIZE, after).data;
      for (BaselineQbit.Charge c : data) {
        if (bh != null) bh.consume(c);
        if (++n == items) return n;
      }
      if (data.size() < Canned.PAGE_SIZE) return n;
      after = data.get(data.size() - 1).id;
    }
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public long autoPagingPayKit(Blackhole bh, CpuCounter cpu) {
    cpu.calls += ITEMS;
    return payKit(bh, ITEMS);
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public long pageLoopBaseline(Blackhole bh, CpuCounter cpu) throws IOException {
    cpu.calls += ITEMS;
    return baseline(bh, ITEMS);
  }
}
