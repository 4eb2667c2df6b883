package io.paykit.sandbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts notifications and webhooks to merchants on background threads, retrying on a compressed
 * schedule, and records every attempt. Thread-safe.
 */
final class Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
  private static final int MAX_RECORDED_BODY = 4096;

  /** How a gateway judges the merchant's answer. */
  interface SuccessRule {
    boolean acknowledged(int status, String body);
  }

  /** One notification to deliver (every attempt sends the same bytes). */
  static final class Outbound {
    final Gateway gateway;
    final String reference;
    final String eventType;
    final String url;
    final Map<String, String> headers;
    final String contentType;
    final String body;
    final boolean retry;
    final SuccessRule rule;

    Outbound(
        Gateway gateway,
        String reference,
        String eventType,
        String url,
        Map<String, String> headers,
        String contentType,
        String body,
        boolean retry,
        SuccessRule rule) {
      this.gateway = gateway;
      this.reference = reference;
      this.eventType = eventType;
      this.url = url;
      this.headers = headers;
      this.contentType = contentType;
      this.body = body;
      this.retry = retry;
      this.rule = rule;
    }
  }

  private final OkHttpClient client;
  private final ScheduledThreadPoolExecutor scheduler;
  private final int retries;
  private final Duration interval;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition recorded = lock.newCondition();
  private final List<Delivery> deliveries = new ArrayList<>();

  Notifier(int retries, Duration interval, Clock clock) {
    this.retries = retries;
    this.interval = interval;
    this.clock = clock;
    this.scheduler = new ScheduledThreadPoolExecutor(4, Threads.daemon("paykit-sandbox-notify"));
    this.scheduler.setRemoveOnCancelPolicy(true);
    this.client =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(5))
            .writeTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(10))
            .followRedirects(false)
            .retryOnConnectionFailure(false)
            .build();
  }

  void submit(Outbound outbound) {
    schedule(outbound, 1, 0);
  }

  private void schedule(Outbound outbound, int attempt, long delayMillis) {
    try {
      scheduler.schedule(() -> attempt(outbound, attempt), delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("sandbox closed: {} delivery for {} dropped", outbound.gateway, outbound.reference);
    }
  }

  private void attempt(Outbound o, int attempt) {
    Delivery d = post(o, attempt);
    LOG.info("{}", d);
    lock.lock();
    try {
      deliveries.add(d);
      recorded.signalAll();
    } finally {
      lock.unlock();
    }
    if (!d.success() && o.retry && attempt <= retries) {
      schedule(o, attempt + 1, interval.toMillis());
    }
  }

  private Delivery post(Outbound o, int attempt) {
    java.time.Instant sentAt = clock.instant();
    HttpUrl url = HttpUrl.parse(o.url);
    if (url == null) {
      return new Delivery(o.gateway, o.reference, o.eventType, o.url, attempt, -1, "", o.body,
          "not an http(s) URL", false, sentAt);
    }
    Request.Builder request =
        new Request.Builder()
            .url(url)
            .post(RequestBody.create(o.body, MediaType.get(o.contentType)))
            .header("User-Agent", "PayKitSandbox");
    for (Map.Entry<String, String> h : o.headers.entrySet()) {
      request.header(h.getKey(), h.getValue());
    }
    try (Response response = client.newCall(request.build()).execute()) {
      String body = response.body() == null ? "" : response.peekBody(MAX_RECORDED_BODY).string();
      boolean ok = o.rule.acknowledged(response.code(), body);
      return new Delivery(o.gateway, o.reference, o.eventType, o.url, attempt, response.code(), body,
          o.body, null, ok, sentAt);
    } catch (IOException e) {
      return new Delivery(o.gateway, o.reference, o.eventType, o.url, attempt, -1, "", o.body,
          e.getClass().getSimpleName() + ": " + e.getMessage(), false, sentAt);
    }
  }

  List<Delivery> deliveries() {
    lock.lock();
    try {
      return Collections.unmodifiableList(new ArrayList<>(deliveries));
    } finally {
      lock.unlock();
    }
  }

  List<Delivery> await(int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (deliveries.size() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(
              "only " + deliveries.size() + " of " + n + " deliveries within " + timeout);
        }
        recorded.awaitNanos(left);
      }
      return Collections.unmodifiableList(new ArrayList<>(deliveries));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for deliveries", e);
    } finally {
      lock.unlock();
    }
  }

  void clear() {
    lock.lock();
    try {
      deliveries.clear();
    } finally {
      lock.unlock();
    }
  }

  void close() {
    scheduler.shutdownNow();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
