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
 * <p>Warmup is 25 s: with 16 threads on 2 cores the JIT shares the CPU with the callers, and both
 * sides were still speeding up after 10 s (Qbit Pay at 30 s of warmup: PayKit 9.6k → 16.7k ops/s,
 * baseline 16.6k → 20.5k).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
@Fork(1)
@Warmup(iterations = 25, time = 1)
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
