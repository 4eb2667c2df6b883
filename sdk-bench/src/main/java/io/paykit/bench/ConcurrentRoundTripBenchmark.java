package io.paykit.bench;

import io.paykit.bench.baseline.BaselineJuyifu;
import io.paykit.bench.baseline.BaselineQbit;
import io.paykit.bench.baseline.BaselineYinqiantong;
import io.paykit.juyifu.Order;
import io.paykit.qbitpay.Charge;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The create calls of {@link RoundTripBenchmark} from 16 threads sharing one client per side (ops/s):
 * PayKit's clients against the hand-written baselines, each sending byte-identical requests to the
 * same loopback server.
 *
 * <p>Before JMH's warmup each side's call runs for 10 s from 16 new threads, one call at a time
 * ({@link Gateways#setUp}); then 15 s of 16-thread warmup. With 16 callers on 2 cores the JIT gets a
 * seventeenth of the CPU, so whatever it still has to compile once the 16 threads run flat out is
 * measured as slowness. A prewarm on one thread was not enough: code compiled there was thrown away
 * at the first call from a new thread (new branches: a thread's first {@code ThreadLocal} lookup,
 * okio's second segment-pool bucket) and recompiled under starvation, which put 银钱通 at 0.59-0.77
 * of its baseline in four runs; with the prewarm on 16 threads it reads 1.0-1.2. The report's {@code
 * JIT ms} column shows what the compilers still did while measuring.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
@Fork(1)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConcurrentRoundTripBenchmark {
  @Benchmark
  public Charge qbitCreateChargePayKit(Gateways g, CpuCounter cpu) {
    cpu.calls++;
    return g.qbitPayKit();
  }

  @Benchmark
  public BaselineQbit.Charge qbitCreateChargeBaseline(Gateways g, CpuCounter cpu) throws IOException {
    cpu.calls++;
    return g.qbitBaseline();
  }

  @Benchmark
  public io.paykit.yinqiantong.Order yqtCreateOrderMd5PayKit(Gateways g, CpuCounter cpu) {
    cpu.calls++;
    return g.yqtPayKit();
  }

  @Benchmark
  public BaselineYinqiantong.Order yqtCreateOrderMd5Baseline(Gateways g, CpuCounter cpu) throws IOException {
    cpu.calls++;
    return g.yqtBaseline();
  }

  @Benchmark
  public Order juyifuCreateOrderRsa2PayKit(Gateways g, CpuCounter cpu) {
    cpu.calls++;
    return g.juyifuPayKit();
  }

  @Benchmark
  public BaselineJuyifu.Order juyifuCreateOrderRsa2Baseline(Gateways g, CpuCounter cpu) throws IOException {
    cpu.calls++;
    return g.juyifuBaseline();
  }
}
