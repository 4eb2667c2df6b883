package io.paykit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.paykit.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
  private final Instant now = Instant.parse("2026-11-21T10:00:00Z");
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
  private final AtomicInteger fetches = new AtomicInteger();

  private AccessToken fetch(Duration lifetime) {
    int n = fetches.incrementAndGet();
    return AccessToken.of("token-" + n, now.plus(lifetime));
  }

  @Test
  void reusesATokenUntilShortlyBeforeItExpires() {
    TokenCache fresh = new TokenCache(() -> fetch(Duration.ofHours(1)), clock, Duration.ofSeconds(60));
    AccessToken first = fresh.get();
    assertSame(first, fresh.get());
    assertEquals(1, fetches.get());

    TokenCache nearlyExpired = new TokenCache(() -> fetch(Duration.ofSeconds(30)), clock, Duration.ofSeconds(60));
    nearlyExpired.get();
    nearlyExpired.get();
    assertEquals(3, fetches.get(), "a token inside the refresh margin is replaced");
  }

  @Test
  void hundredThreadsOnAnExpiredTokenCauseOneFetch() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    TokenCache cache =
        new TokenCache(
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return fetch(Duration.ofHours(1));
            },
            clock,
            Duration.ofSeconds(60));
    ExecutorService pool = Executors.newFixedThreadPool(100);
    try {
      List<Future<AccessToken>> results = new ArrayList<>();
      CountDownLatch started = new CountDownLatch(100);
      for (int i = 0; i < 100; i++) {
        results.add(pool.submit(() -> {
          started.countDown();
          return cache.get();
        }));
      }
      started.await();
      release.countDown();
      for (Future<AccessToken> f : results) assertEquals("token-1", f.get().getValue());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, fetches.get());
  }

  @Test
  void invalidatingARejectedTokenFetchesOnceAndIgnoresStaleRejections() {
    TokenCache cache = new TokenCache(() -> fetch(Duration.ofHours(1)), clock, Duration.ZERO);
    AccessToken first = cache.get();
    cache.invalidate(first);
    AccessToken second = cache.get();
    cache.invalidate(first);
    assertSame(second, cache.get());
    assertEquals(2, fetches.get());
  }

  @Test
  void neverShowsTheToken() {
    TokenCache cache = new TokenCache(() -> fetch(Duration.ofHours(1)), clock, Duration.ZERO);
    cache.get();
    assertFalse(cache.toString().contains("token-1"), cache.toString());
    assertFalse(AccessToken.of("abc.def", null).toString().contains("abc.def"));
  }
}
