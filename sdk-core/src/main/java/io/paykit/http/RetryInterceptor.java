package io.paykit.http;

import io.paykit.PayKitException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Random;

/**
 * Retries an attempt when, and only when, sending it again is safe and may help.
 *
 * <ul>
 *   <li>any request: when it provably never reached the gateway (the connection could not be opened);
 *   <li>idempotent requests (reads): also after timeouts, resets, HTTP 408, 429 and 5xx.
 * </ul>
 *
 * A create is never resent here once it may have reached the gateway: the gateway client reconciles it
 * through the gateway's uniqueness key first. Backoff is exponential from 0.5 s, capped at 5 s, with
 * jitter, and a {@code Retry-After} (seconds or HTTP date) is honoured up to {@link #MAX_RETRY_AFTER}.
 */
final class RetryInterceptor implements Interceptor {
  static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

  private final int defaultMaxRetries;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Random random;

  RetryInterceptor(int defaultMaxRetries, Sleeper sleeper, Clock clock, Random random) {
    this.defaultMaxRetries = defaultMaxRetries;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public ApiResponse intercept(Chain chain) {
    ApiRequest request = chain.request();
    Integer override = request.options().getMaxRetries();
    int maxRetries = override != null ? override : defaultMaxRetries;
    for (int retry = 0; ; retry++) {
      // The first attempt goes out as built; only retries need a copy carrying their number.
      ApiRequest attempt = retry == 0 ? request : request.newBuilder().attempt(retry + 1).build();
      ApiResponse response;
      try {
        response = chain.proceed(attempt);
      } catch (PayKitException e) {
        if (retry >= maxRetries || !shouldRetry(request, e)) throw e;
        if (!pause(backoff(retry))) throw e;
        continue;
      }
      if (retry >= maxRetries || !shouldRetry(request, response)) return response;
      Duration wait = retryAfter(response);
      if (!pause(wait != null ? wait : backoff(retry))) return response;
    }
  }

  static boolean shouldRetry(ApiRequest request, PayKitException e) {
    if (!(e instanceof io.paykit.NetworkException)) return false;
    return !e.mayHaveReachedServer() || request.idempotent();
  }

  static boolean shouldRetry(ApiRequest request, ApiResponse response) {
    if (!request.idempotent()) return false;
    int status = response.status();
    return status == 408 || status == 429 || status >= 500;
  }

  /** Exponential backoff for the given retry (0-based), capped, with jitter in [0.75, 1.0). */
  Duration backoff(int retry) {
    long base = INITIAL_BACKOFF.toMillis() << Math.min(retry, 10);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    double jitter = 0.75 + random.nextDouble() * 0.25;
    return Duration.ofMillis(Math.max(INITIAL_BACKOFF.toMillis() / 2, (long) (capped * jitter)));
  }

  /** Reads {@code Retry-After} as delta-seconds or an HTTP date, capped; null when absent or invalid. */
  Duration retryAfter(ApiResponse response) {
    return retryAfter(response, clock);
  }

  static Duration retryAfter(ApiResponse response, Clock clock) {
    return parseRetryAfter(
        response.header("Retry-After"), response.headers().getDate("Retry-After"), clock);
  }

  static Duration parseRetryAfter(String value, Date date, Clock clock) {
    if (value == null) return null;
    String v = value.trim();
    Duration wait = null;
    if (!v.isEmpty() && v.length() <= 10 && v.chars().allMatch(Character::isDigit)) {
      wait = Duration.ofSeconds(Long.parseLong(v));
    } else if (date != null) {
      long millis = date.getTime() - clock.millis();
      wait = Duration.ofMillis(Math.max(0, millis));
    }
    if (wait == null) return null;
    return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }

  private boolean pause(Duration d) {
    if (d.isZero()) return true;
    try {
      sleeper.sleep(d);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
