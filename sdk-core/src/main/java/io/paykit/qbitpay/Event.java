package io.paykit.qbitpay;

import io.paykit.json.PayKitJson;
import java.time.Instant;

/**
 * A verified Qbit Pay webhook event ({@code object: "event"}), from {@link
 * QbitPayWebhook#constructEvent(String, String, String)}.
 *
 * <p>The gateway resends an event up to 5 more times, 15 minutes apart, until the handler answers
 * 2xx, and a captured request can be replayed: make the handler idempotent on {@link #getId()} (for
 * one process, {@link io.paykit.webhook.EventDeduplicator} does it).
 *
 * <p>Immutable and thread-safe.
 */
public final class Event {
  private final String id;
  private final String type;
  private final String object;
  private final String createdAtText;
  private volatile Instant createdAt;
  private final boolean livemode;
  private final int pendingWebhooks;
  private final String data;
  private final boolean dataIsObject;
  private volatile Charge charge;
  private volatile boolean chargeRead;

  Event(
      String id,
      String type,
      String object,
      String createdAtText,
      boolean livemode,
      int pendingWebhooks,
      String data,
      boolean dataIsObject) {
    this.id = id;
    this.type = type;
    this.object = object;
    this.createdAtText = createdAtText;
    this.livemode = livemode;
    this.pendingWebhooks = pendingWebhooks;
    this.data = data;
    this.dataIsObject = dataIsObject;
  }

  /**
   * Returns the event id: the same for every delivery of one event, so handlers dedupe on it.
   *
   * @return the event id
   */
  public String getId() {
    return id;
  }

  /**
   * Returns the type exactly as sent, such as {@code charge.succeeded}; null if absent.
   *
   * @return the type as sent, or null
   */
  public String getType() {
    return type;
  }

  /**
   * Returns the type as an enum; {@link EventType#UNKNOWN} for a type this version does not know.
   *
   * @return the event type, never null
   */
  public EventType getEventType() {
    return EventType.fromValue(type);
  }

  /**
   * Returns the object type, {@code event}.
   *
   * @return the object type as sent
   */
  public String getObject() {
    return object;
  }

  /**
   * Returns when the event was created; null if absent or not an ISO-8601 instant.
   *
   * @return the creation time, or null
   */
  public Instant getCreatedAt() {
    // Parsed on demand: verification, which every delivery pays for, does not need it.
    Instant parsed = createdAt;
    if (parsed == null && createdAtText != null) {
      try {
        parsed = PayKitJson.parseIso(createdAtText);
        createdAt = parsed;
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return parsed;
  }

  /**
   * Returns whether the event comes from live mode; false for test events and when absent.
   *
   * @return true for a live-mode event
   */
  public boolean isLivemode() {
    return livemode;
  }

  /**
   * Returns how many deliveries of this event are still pending; 0 when absent.
   *
   * @return the number of pending deliveries
   */
  public int getPendingWebhooks() {
    return pendingWebhooks;
  }

  /**
   * Returns {@code data} as compact JSON with the original key order and number text (the text the
   * signature covered), or null when the event has none.
   *
   * @return {@code data} as compact JSON, or null
   */
  public String getData() {
    return data;
  }

  /**
   * Returns {@code data} as a {@link Charge} when it is one ({@code "object":"charge"}, or no object
   * field on a {@code charge.succeeded}, {@code charge.expired} or {@code charge.failed} event);
   * null otherwise, and when it cannot be read as a charge ({@link #getData()} still holds it).
   *
   * @return the charge in {@code data}, or null
   */
  public Charge getCharge() {
    if (!chargeRead) {
      charge = readCharge();
      chargeRead = true;
    }
    return charge;
  }

  private Charge readCharge() {
    if (!dataIsObject) return null;
    Charge parsed;
    try {
      parsed = QbitJson.CHARGE.fromJson(data);
    } catch (Exception | StackOverflowError e) {
      return null;
    }
    if (parsed == null) return null;
    if ("charge".equals(parsed.getObject())) return parsed;
    if (parsed.getObject() != null) return null;
    EventType t = getEventType();
    boolean chargeEvent =
        t == EventType.CHARGE_SUCCEEDED || t == EventType.CHARGE_EXPIRED || t == EventType.CHARGE_FAILED;
    return chargeEvent ? parsed : null;
  }

  @Override
  public String toString() {
    return "Event{id=" + id + ", type=" + type + ", livemode=" + livemode + ", createdAt="
        + createdAtText + "}";
  }
}
