package io.paykit.http;

import io.paykit.AccessToken;
import java.time.Clock;
import java.time.Duration;

/**
 * Holds a gateway access token: fetched on first use, reused until shortly before it expires, and
 * fetched again after the gateway rejects it. However many threads ask at once, one fetch runs at a
 * time and the others wait for its result.
 *
 * <p>Thread-safe.
 */
public final class TokenCache {
  /** Fetches a fresh token from the gateway. */
  public interface Fetcher {
    /**
     * Fetches a token.
     *
     * @return the fresh token; never null
     * @throws io.paykit.PayKitException if the gateway cannot issue one
     */
    AccessToken fetch();
  }

  private final Fetcher fetcher;
  private final Clock clock;
  private final long refreshMarginSeconds;
  private final Object lock = new Object();
  private volatile AccessToken current;

  /**
   * Creates a cache.
   *
   * @param fetcher fetches a fresh token
   * @param clock tells the time, to compare with the token's expiry
   * @param refreshMargin how long before expiry a token is replaced
   */
  public TokenCache(Fetcher fetcher, Clock clock, Duration refreshMargin) {
    if (fetcher == null || clock == null || refreshMargin == null || refreshMargin.isNegative()) {
      throw new IllegalArgumentException("fetcher, clock and a non-negative refreshMargin are required");
    }
    this.fetcher = fetcher;
    this.clock = clock;
    this.refreshMarginSeconds = refreshMargin.getSeconds();
  }

  /**
   * Returns a valid token, fetching one if there is none or it is about to expire.
   *
   * @return a token that is not about to expire
   * @throws io.paykit.PayKitException if a fetch was needed and failed
   * @throws IllegalStateException if the fetcher returned null
   */
  public AccessToken get() {
    AccessToken token = current;
    if (isUsable(token)) return token;
    synchronized (lock) {
      token = current;
      if (isUsable(token)) return token;
      token = fetcher.fetch();
      if (token == null) throw new IllegalStateException("token fetcher returned null");
      current = token;
      return token;
    }
  }

  /**
   * Forgets {@code rejected} after the gateway refused it, so that the next {@link #get()} fetches a
   * new token. A token another thread already replaced is left alone, so a burst of 401s for the same
   * stale token causes one fetch, not one per thread.
   *
   * @param rejected the token the gateway refused
   */
  public void invalidate(AccessToken rejected) {
    synchronized (lock) {
      if (current != null && current.equals(rejected)) current = null;
    }
  }

  private boolean isUsable(AccessToken token) {
    return token != null && !token.isExpired(clock.instant(), refreshMarginSeconds);
  }

  @Override
  public String toString() {
    return "TokenCache{" + current + "}";
  }
}
