package io.paykit.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * CPU time per call, beside JMH's wall-clock figures: on a machine shared with other builds, wall time
 * depends on everyone's load (a load average of 17 on 2 cores slows a fork several times over), while
 * the CPU time a call burns barely does. Reported per iteration as counters the report divides:
 * {@code calls}, {@code threadCpuNanos} (the benchmark thread's own CPU: for a round trip, the client
 * side) and {@code cpuNanos} (the whole process: client, loopback server, OkHttp and JVM threads).
 *
 * <p>Each thread counts its own calls and takes its share (1/threads) of the process CPU time spent
 * during the iteration, so the sums over threads are the process's totals.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuCounter {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  /** Calls made by this thread in the iteration. */
  public long calls;
  /** This thread's share of the process CPU time of the iteration, in nanoseconds. */
  public long cpuNanos;
  /** This benchmark thread's own CPU time in the iteration, in nanoseconds. */
  public long threadCpuNanos;
  /**
   * This thread's share of the time the JIT compilers spent in the iteration, in milliseconds: near
   * zero once the code has settled, which is what a measurement should see.
   */
  public long jitMillis;

  private long start;
  private long threadStart;
  private long jitStart;
  private int threads;

  @Setup(Level.Iteration)
  public void start(BenchmarkParams params) {
    calls = 0;
    cpuNanos = 0;
    threadCpuNanos = 0;
    jitMillis = 0;
    threads = params.getThreads();
    start = OS.getProcessCpuTime();
    threadStart = THREADS.getCurrentThreadCpuTime();
    jitStart = JIT.getTotalCompilationTime();
  }

  @TearDown(Level.Iteration)
  public void stop() {
    threadCpuNanos = THREADS.getCurrentThreadCpuTime() - threadStart;
    cpuNanos = (OS.getProcessCpuTime() - start) / threads;
    jitMillis = (JIT.getTotalCompilationTime() - jitStart) / threads;
  }
}
