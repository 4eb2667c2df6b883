package io.paykit.http;

import java.time.Duration;

/**
 * Waits between retries. Injected so that tests and custom schedulers decide how time passes.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Sleeper {
  /** Sleeps on the calling thread with {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Waits for the given duration.
   *
   * @param duration how long to wait
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
