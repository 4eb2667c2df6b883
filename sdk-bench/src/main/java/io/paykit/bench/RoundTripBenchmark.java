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
 * One create call over loopback HTTP, one thread (µs/op): PayKit's client (params built and validated
 * per call, as an application does) against the hand-written OkHttp + Moshi baseline that sends the
 * byte-identical request. The server answers canned bytes; both sides pay it equally. Run with {@code
 * -prof gc} for bytes allocated per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 6, time = 1)
public class RoundTripBenchmark {
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
