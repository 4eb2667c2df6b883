package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PoolTest {
  @Test
  void createsOneEngineUpFrontAndReusesReleasedOnes() throws GeneralSecurityException {
    AtomicInteger created = new AtomicInteger();
    Pool<Object> pool = new Pool<>(() -> {
      created.incrementAndGet();
      return new Object();
    });
    assertEquals(1, created.get());
    Object first = pool.acquire();
    Object second = pool.acquire();
    assertNotSame(first, second);
    assertEquals(2, created.get());
    pool.release(second);
    assertSame(second, pool.acquire());
    assertEquals(2, created.get());
  }

  @Test
  void keepsAtMostThirtyTwoIdleEngines() throws GeneralSecurityException {
    AtomicInteger created = new AtomicInteger();
    Pool<Object> pool = new Pool<>(() -> {
      created.incrementAndGet();
      return new Object();
    });
    List<Object> borrowed = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      borrowed.add(pool.acquire());
    }
    borrowed.forEach(pool::release);
    created.set(0);
    for (int i = 0; i < 40; i++) {
      pool.acquire();
    }
    assertEquals(8, created.get());
  }

  @Test
  void aFactoryFailureSurfacesFromTheConstructor() {
    assertThrows(InvalidKeyException.class, () -> new Pool<Object>(() -> {
      throw new InvalidKeyException("bad key");
    }));
  }
}
