package io.paykit.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The two sides of an interleaved benchmark, counted apart: per thread and iteration, each side's
 * calls and their summed wall time in nanoseconds. JMH sums the counters over threads; the report
 * divides time by calls per side.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class Split {
  /** PayKit calls made in the iteration. */
  public long payKitCalls;
  /** Wall time of those calls, in nanoseconds. */
  public long payKitNanos;
  /** Baseline calls made in the iteration. */
  public long baselineCalls;
  /** Wall time of those calls, in nanoseconds. */
  public long baselineNanos;

  /** One side's call. */
  interface Timed {
    Object run() throws Exception;
  }

  @Setup(Level.Iteration)
  public void reset() {
    payKitCalls = 0;
    payKitNanos = 0;
    baselineCalls = 0;
    baselineNanos = 0;
  }

  /** Makes one call of each side, timing each; who goes first alternates. Returns PayKit's result. */
  Object alternate(Timed payKit, Timed baseline) throws Exception {
    boolean payKitFirst = (payKitCalls & 1) == 0;
    Object first = time(payKitFirst, payKitFirst ? payKit : baseline);
    Object second = time(!payKitFirst, payKitFirst ? baseline : payKit);
    return payKitFirst ? first : second;
  }

  /** Makes one timed call of the side whose turn it is. */
  Object turn(boolean payKitTurn, Timed payKit, Timed baseline) throws Exception {
    return time(payKitTurn, payKitTurn ? payKit : baseline);
  }

  private Object time(boolean isPayKit, Timed call) throws Exception {
    long start = System.nanoTime();
    Object result = call.run();
    long elapsed = System.nanoTime() - start;
    if (isPayKit) {
      payKitCalls++;
      payKitNanos += elapsed;
    } else {
      baselineCalls++;
      baselineNanos += elapsed;
    }
    return result;
  }
}
