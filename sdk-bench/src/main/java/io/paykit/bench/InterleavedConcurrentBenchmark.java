package io.paykit.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The create calls of {@link ConcurrentRoundTripBenchmark}, 16 threads sharing one client per side,
 * but both sides in one fork, taking turns: all 16 threads call PayKit for 100 ms, then all call the
 * baseline for 100 ms, and so on ({@link Phases}). Each call is timed and counted for its side
 * ({@link Split}); with 16 closed-loop callers a side's throughput is 16 divided by its mean time per
 * call, so the PayKit/baseline throughput ratio is the baseline's mean time over PayKit's.
 *
 * <p>Why: in {@link ConcurrentRoundTripBenchmark} the two sides run a minute apart, and on this shared
 * virtual machine that alone moved the same pair from 1.14 to 0.75 between two runs an hour apart.
 * Taking turns every 100 ms gives both sides the same machine; a call in flight when the turn changes
 * (about 0.3 ms at 16 threads) is a fraction of a percent of a turn. Prewarm as in {@link
 * Gateways#setUp}, both sides' calls.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
@Fork(1)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 6, time = 1)
public class InterleavedConcurrentBenchmark {
  static final long TURN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** Whose turn it is, the same for every thread of the fork. */
  @State(Scope.Benchmark)
  public static class Phases {
    private final long start = System.nanoTime();

    boolean payKitTurn(long now) {
      return ((now - start) / TURN_NANOS & 1) == 0;
    }
  }

  @Benchmark
  public Object qbitCreateCharge(Gateways g, Phases phases, Split split) throws Exception {
    return split.turn(phases.payKitTurn(System.nanoTime()), g::qbitPayKit, g::qbitBaseline);
  }

  @Benchmark
  public Object yqtCreateOrderMd5(Gateways g, Phases phases, Split split) throws Exception {
    return split.turn(phases.payKitTurn(System.nanoTime()), g::yqtPayKit, g::yqtBaseline);
  }

  @Benchmark
  public Object juyifuCreateOrderRsa2(Gateways g, Phases phases, Split split) throws Exception {
    return split.turn(phases.payKitTurn(System.nanoTime()), g::juyifuPayKit, g::juyifuBaseline);
  }
}
