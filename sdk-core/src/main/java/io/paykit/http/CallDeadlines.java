package io.paykit.http;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;

/**
 * Enforces PayKit's default whole-call deadline (60 s) with one shared daemon thread that looks at the
 * calls in flight a few times a second and cancels the ones past their deadline.
 *
 * <p>Why not OkHttp's call timeout: it is an okio {@code AsyncTimeout}, and every call then enters and
 * leaves a sorted list behind one JVM-wide lock, and wakes okio's watchdog thread whenever it becomes
 * the earliest deadline. Measured with 16 threads on 2 cores (sdk-bench), that cost about 40 µs of
 * process CPU per call, a fifth of a create call's total. The price here is precision: a call is
 * cancelled up to one tick after its deadline, which does not matter for a deadline of a minute.
 * Deadlines a caller sets explicitly still use OkHttp's exact timeout.
 *
 * <p>Each calling thread has its own {@link Slot}, which holds its call in flight and the deadline: a
 * call writes only to memory its thread owns (no shared map, counter or lock to contend for), and the
 * watcher reads every slot once a tick. A thread that starts a second call while its first is in
 * flight (an interceptor of the caller's that calls PayKit) gets a slot of its own for it.
 *
 * <p>The thread starts with the first call and ends after a minute without calls.
 */
final class CallDeadlines {
  static final CallDeadlines SHARED = new CallDeadlines(Sleeper.SYSTEM, Duration.ofMillis(250), 240);

  private final Sleeper sleeper;
  private final Duration tick;
  private final int idleTicks;
  private volatile Thread watcher;
  private final AtomicBoolean running = new AtomicBoolean();
  private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<Slot> threadSlot =
      ThreadLocal.withInitial(
          () -> {
            Slot slot = new Slot(new WeakReference<>(Thread.currentThread()));
            slots.add(slot);
            return slot;
          });

  /** Checks every {@code tick}; the thread ends after {@code idleTicks} checks without calls. */
  CallDeadlines(Sleeper sleeper, Duration tick, int idleTicks) {
    this.sleeper = sleeper;
    this.tick = tick;
    this.idleTicks = idleTicks;
  }

  /** A watched call and its deadline; a thread's own slot is reused call after call. */
  static final class Slot {
    /** The thread that owns this slot, or null for a slot made for one nested call. */
    final WeakReference<Thread> owner;
    /** The call in flight; the watcher takes it (sets null) before cancelling it. */
    final AtomicReference<Call> call = new AtomicReference<>();
    /** In {@link System#nanoTime()} terms; written before {@link #call}, which publishes it. */
    volatile long deadline;

    Slot(WeakReference<Thread> owner) {
      this.owner = owner;
    }
  }

  /**
   * Starts watching a call that is about to execute. Pair with {@link #release(Slot)}, on the same
   * thread, with the slot returned.
   */
  Slot watch(Call call, long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    Slot slot = threadSlot.get();
    if (slot.call.get() == null) {
      slot.deadline = deadline;
      slot.call.set(call);
    } else {
      slot = new Slot(null);
      slot.deadline = deadline;
      slot.call.set(call);
      slots.add(slot);
    }
    if (!running.get() && running.compareAndSet(false, true)) start();
    return slot;
  }

  /**
   * Stops watching a call once it has finished, whatever its outcome, and tells whether it was
   * cancelled for passing its deadline.
   */
  boolean release(Slot slot) {
    // The watcher takes the call out of the slot before cancelling it, so a slot found empty means
    // the call was cancelled.
    Call call = slot.call.get();
    boolean cancelled = call == null || !slot.call.compareAndSet(call, null);
    if (slot.owner == null) slots.remove(slot);
    return cancelled;
  }

  int inFlight() {
    int n = 0;
    for (Slot slot : slots) {
      if (slot.call.get() != null) n++;
    }
    return n;
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
      if (check(System.nanoTime()) > 0) {
        idle = 0;
      } else if (++idle >= idleTicks) {
        running.set(false);
        // A call may have arrived between the check and the flag: if so, keep watching.
        if (inFlight() == 0 || !running.compareAndSet(false, true)) return;
        idle = 0;
      }
    }
  }

  /**
   * Cancels the calls past their deadline at {@code now} ({@link System#nanoTime()} terms); returns
   * how many calls were in flight. The watcher's tick; tests call it with a time of their choosing.
   */
  int check(long now) {
    int inFlight = 0;
    for (Iterator<Slot> it = slots.iterator(); it.hasNext(); ) {
      Slot slot = it.next();
      Call call = slot.call.get();
      if (call == null) {
        if (slot.owner != null && slot.owner.get() == null) it.remove();
        continue;
      }
      inFlight++;
      if (now - slot.deadline >= 0 && slot.call.compareAndSet(call, null)) call.cancel();
    }
    return inFlight;
  }
}
