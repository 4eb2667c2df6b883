package io.paykit.sign;

import java.security.GeneralSecurityException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of stateful crypto engines ({@code Signature}, {@code Mac}, {@code MessageDigest},
 * BouncyCastle signers), each used by one thread at a time.
 *
 * <p>Engines are expensive to set up (provider lookup, key schedule, and for SM2 a scalar
 * multiplication on every init) but cheap to reuse, so a borrowed engine goes back to the pool
 * after a clean run. A ThreadLocal would do the same but would keep key material reachable from
 * every thread that ever signed, long after the signer is gone; the pool dies with its owner.
 */
final class Pool<T> {
  /** Creates one ready-to-use engine. */
  interface Factory<T> {
    T create() throws GeneralSecurityException;
  }

  /** More idle engines than this only happen after a burst; the extras are left to the GC. */
  private static final int MAX_IDLE = 32;

  private final Factory<T> factory;
  private final ConcurrentLinkedQueue<T> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger idleCount = new AtomicInteger();

  /** Creates the first engine at once, so a bad key fails here and not at the first request. */
  Pool(Factory<T> factory) throws GeneralSecurityException {
    this.factory = factory;
    release(factory.create());
  }

  T acquire() throws GeneralSecurityException {
    T engine = idle.poll();
    if (engine == null) {
      return factory.create();
    }
    idleCount.decrementAndGet();
    return engine;
  }

  /** Returns an engine that finished cleanly; one that threw must not come back, its state is unknown. */
  void release(T engine) {
    if (idleCount.incrementAndGet() <= MAX_IDLE) {
      idle.offer(engine);
    } else {
      idleCount.decrementAndGet();
    }
  }
}
