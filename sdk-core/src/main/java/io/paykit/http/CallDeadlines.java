package io.paykit.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;

/**
 * Enforces PayKit's default whole-call deadline (60 s) with one shared daemon thread that looks at the
 * calls in flight a few times a second and cancels the ones past their deadline.
 *
 * <p>Why not OkHttp's call timeout: it is an okio {@code AsyncTimeout}, and every call then enters and
 * leaves a sorted list behind one JVM-wide lock, and wakes okio's watchdog thread whenever it becomes
 * the earliest deadline. Measured with 16 threads on 2 cores (sdk-bench), that cost about 40 µs of
 * process CPU per call, a fifth of a create call's total. Here a call costs one add and one remove in
 * a concurrent set. The price is precision: a call is cancelled up to one tick after its deadline,
 * which does not matter for a deadline of a minute. Deadlines a caller sets explicitly still use
 * OkHttp's exact timeout.
 *
 * <p>The thread starts with the first call and ends after a minute without calls.
 */
final class CallDeadlines {
  static final CallDeadlines SHARED = new CallDeadlines(Sleeper.SYSTEM, Duration.ofMillis(250), 240);

  private final Sleeper sleeper;
  private final Duration tick;
  private final int idleTicks;
  private volatile Thread watcher;
  private final Map<Call, Long> inFlight = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean();

  /** Checks every {@code tick}; the thread ends after {@code idleTicks} checks without calls. */
  CallDeadlines(Sleeper sleeper, Duration tick, int idleTicks) {
    this.sleeper = sleeper;
    this.tick = tick;
    this.idleTicks = idleTicks;
  }

  /** Starts watching a call that is about to execute; pair with {@link #release(Call)}. */
  void watch(Call call, long timeoutMillis) {
    inFlight.put(call, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    if (!running.get() && running.compareAndSet(false, true)) start();
  }

  /**
   * Stops watching a call once it has finished, whatever its outcome, and tells whether it was
   * cancelled for passing its deadline.
   */
  boolean release(Call call) {
    // The watcher removes a call before cancelling it, so a call that is gone was cancelled.
    return inFlight.remove(call) == null;
  }

  int inFlight() {
    return inFlight.size();
  }

  boolean running() {
    return running.get();
  }

  /** The current or last watcher thread, for tests; null before the first call. */
  Thread watcher() {
    return watcher;
  }

  private void start() {
    Thread thread = new Thread(this::run, "PayKit call deadlines");
    thread.setDaemon(true);
    watcher = thread;
    thread.start();
  }

  private void run() {
    int idle = 0;
    while (true) {
      try {
        sleeper.sleep(tick);
      } catch (InterruptedException e) {
        // Nobody interrupts this thread but the JVM shutting down; leave the calls to their own
        // timeouts and let a later call start a new watcher.
        running.set(false);
        return;
      }
      long now = System.nanoTime();
      for (Map.Entry<Call, Long> e : inFlight.entrySet()) {
        if (now - e.getValue() >= 0 && inFlight.remove(e.getKey(), e.getValue())) e.getKey().cancel();
      }
      if (!inFlight.isEmpty()) {
        idle = 0;
      } else if (++idle >= idleTicks) {
        running.set(false);
        // A call may have arrived between the check and the flag: if so, keep watching.
        if (inFlight.isEmpty() || !running.compareAndSet(false, true)) return;
        idle = 0;
      }
    }
  }
}
