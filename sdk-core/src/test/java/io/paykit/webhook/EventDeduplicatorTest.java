package io.paykit.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventDeduplicatorTest {
  @Test
  void onlyTheFirstDeliveryOfAnIdIsFirst() {
    EventDeduplicator seen = new EventDeduplicator();

    assertTrue(seen.firstDelivery("fDOuTy95uSiTi"));
    assertFalse(seen.firstDelivery("fDOuTy95uSiTi"));
    assertTrue(seen.firstDelivery("another"));
  }

  @Test
  void distinguishesInProgressFromProcessed() {
    EventDeduplicator seen = new EventDeduplicator(10);

    seen.firstDelivery("evt_1");
    assertFalse(seen.isProcessed("evt_1"));
    seen.markProcessed("evt_1");
    assertTrue(seen.isProcessed("evt_1"));
    assertFalse(seen.firstDelivery("evt_1"));
  }

  @Test
  void forgettingAnIdAfterAFailedHandlerLetsTheRetryThrough() {
    EventDeduplicator seen = new EventDeduplicator(10);

    assertTrue(seen.firstDelivery("evt_1"));
    seen.forget("evt_1");

    assertTrue(seen.firstDelivery("evt_1"));
  }

  @Test
  void dropsTheLeastRecentlyUsedIdBeyondItsCapacity() {
    EventDeduplicator seen = new EventDeduplicator(2);
    seen.firstDelivery("a");
    seen.firstDelivery("b");
    seen.firstDelivery("a"); // touches a: b is now the eldest

    seen.firstDelivery("c");

    assertEquals(2, seen.size());
    assertFalse(seen.firstDelivery("a"), "a was used recently and is kept");
    assertTrue(seen.firstDelivery("b"), "b was dropped");
  }

  @Test
  void concurrentDeliveriesOfOneIdHaveExactlyOneFirst() throws Exception {
    EventDeduplicator seen = new EventDeduplicator();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await(5, TimeUnit.SECONDS);
                  return seen.firstDelivery("evt_same");
                }));
      }
      go.countDown();
      int firsts = 0;
      for (Future<Boolean> f : results) if (f.get(5, TimeUnit.SECONDS)) firsts++;
      assertEquals(1, firsts);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new EventDeduplicator(0));
    EventDeduplicator seen = new EventDeduplicator();
    assertThrows(IllegalArgumentException.class, () -> seen.firstDelivery(null));
    assertThrows(IllegalArgumentException.class, () -> seen.markProcessed(""));
    assertEquals("EventDeduplicator{capacity=10000, size=0}", seen.toString());
  }
}
