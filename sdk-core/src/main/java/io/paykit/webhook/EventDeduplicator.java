package io.paykit.webhook;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Remembers recently seen webhook event ids so that a handler acts on each event once, although
 * gateways deliver the same event again (Qbit Pay: up to 5 more times, 15 minutes apart) and a
 * captured request can be replayed.
 *
 * <pre>{@code
 * static final EventDeduplicator SEEN = new EventDeduplicator(100_000);
 *
 * if (!SEEN.firstDelivery(event.getId())) {
 *   return SEEN.isProcessed(event.getId()) ? 200 : 503;   // done already, or still in progress
 * }
 * try {
 *   handle(event);
 *   SEEN.markProcessed(event.getId());
 *   return 200;
 * } catch (RuntimeException e) {
 *   SEEN.forget(event.getId());   // let the gateway's retry through
 *   return 500;
 * }
 * }</pre>
 *
 * <p>In memory only, and bounded: the least recently used ids are dropped beyond the capacity, and
 * everything is lost on restart. Several server instances need a shared store instead (a database
 * unique key on the event id, or a cache with set-if-absent); use this class for a single instance
 * or as a first, cheap filter. Thread-safe.
 */
public final class EventDeduplicator {
  /** The capacity of {@link #EventDeduplicator()}. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private static final Boolean IN_PROGRESS = Boolean.FALSE;
  private static final Boolean PROCESSED = Boolean.TRUE;

  private final int capacity;
  private final LinkedHashMap<String, Boolean> seen;

  /** Creates a deduplicator remembering up to {@value #DEFAULT_CAPACITY} ids. */
  public EventDeduplicator() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * Creates a deduplicator remembering up to {@code capacity} ids.
   *
   * @param capacity how many ids to remember at most
   * @throws IllegalArgumentException if {@code capacity} is below 1
   */
  public EventDeduplicator(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    this.capacity = capacity;
    // Access order: the first entry is the least recently used one, which put() drops.
    this.seen = new LinkedHashMap<>(16, 0.75f, true);
  }

  /**
   * Claims an event id: returns true, and remembers the id as in progress, the first time it is seen;
   * false when it was seen before (in progress or processed) and not forgotten since.
   *
   * @param eventId the event id
   * @return true if this is the first delivery of the id
   * @throws IllegalArgumentException if {@code eventId} is null or empty
   */
  public boolean firstDelivery(String eventId) {
    requireId(eventId);
    synchronized (seen) {
      if (seen.get(eventId) != null) return false;
      put(eventId, IN_PROGRESS);
      return true;
    }
  }

  /**
   * Records that the event was handled completely.
   *
   * @param eventId the event id
   * @throws IllegalArgumentException if {@code eventId} is null or empty
   */
  public void markProcessed(String eventId) {
    requireId(eventId);
    synchronized (seen) {
      put(eventId, PROCESSED);
    }
  }

  /**
   * Remembers an id, dropping the least recently used one beyond the capacity: what an overridden
   * {@code removeEldestEntry} would do, without an anonymous map subclass in the jar. Callers hold
   * the lock on {@code seen}.
   */
  private void put(String eventId, Boolean state) {
    seen.put(eventId, state);
    if (seen.size() > capacity) {
      Iterator<String> eldest = seen.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  /**
   * Returns whether {@link #markProcessed(String)} was called for the id (and it was not dropped since).
   *
   * @param eventId the event id
   * @return true if the id is remembered as processed
   * @throws IllegalArgumentException if {@code eventId} is null or empty
   */
  public boolean isProcessed(String eventId) {
    requireId(eventId);
    synchronized (seen) {
      return PROCESSED.equals(seen.get(eventId));
    }
  }

  /**
   * Forgets an id, typically after handling it failed, so that the next delivery is processed.
   *
   * @param eventId the event id
   * @throws IllegalArgumentException if {@code eventId} is null or empty
   */
  public void forget(String eventId) {
    requireId(eventId);
    synchronized (seen) {
      seen.remove(eventId);
    }
  }

  /**
   * Returns how many ids are remembered now.
   *
   * @return the number of remembered ids
   */
  public int size() {
    synchronized (seen) {
      return seen.size();
    }
  }

  private static void requireId(String eventId) {
    if (eventId == null || eventId.isEmpty()) throw new IllegalArgumentException("eventId is required");
  }

  @Override
  public String toString() {
    return "EventDeduplicator{capacity=" + capacity + ", size=" + size() + "}";
  }
}
