package io.paykit.sandbox;

import java.time.Duration;

/**
 * A failure the sandbox plays instead of (or on top of) a normal answer, for testing how a client
 * copes: see {@link PayKitSandbox#injectFault(Fault, int)}.
 *
 * <p>Whether the gateway processed the request matters for money, so each fault says it:
 *
 * <ul>
 *   <li>{@link #dropAfterProcessing()}, {@link #delay(Duration)} and {@link #truncatedJson()}
 *       process the request first (an order or charge is created), then misbehave;
 *   <li>{@link #dropBeforeProcessing()}, {@link #status(int)} and {@link #html(int)} answer without
 *       processing it (nothing is created).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class Fault {
  enum Kind {
    DROP_AFTER_PROCESSING("drop-after-processing"),
    DROP_BEFORE_PROCESSING("drop-before-processing"),
    DELAY("delay"),
    STATUS("status"),
    HTML("html"),
    TRUNCATED_JSON("truncated-json");

    final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }
  }

  final Kind kind;
  final int status;
  final Duration delay;

  private Fault(Kind kind, int status, Duration delay) {
    this.kind = kind;
    this.status = status;
    this.delay = delay;
  }

  /**
   * Processes the request, then closes the connection without sending any response: the client sees
   * an {@code IOException} although the request landed (the ambiguous-create case).
   *
   * @return a drop-after-processing fault
   */
  public static Fault dropAfterProcessing() {
    return new Fault(Kind.DROP_AFTER_PROCESSING, 0, Duration.ZERO);
  }

  /**
   * Closes the connection without processing the request or answering it.
   *
   * @return a drop-before-processing fault
   */
  public static Fault dropBeforeProcessing() {
    return new Fault(Kind.DROP_BEFORE_PROCESSING, 0, Duration.ZERO);
  }

  /**
   * Processes the request, then waits this long before answering (to trip a client's read timeout).
   *
   * @param delay how long to wait before answering, 0 to 10 minutes
   * @return a delay fault
   * @throws IllegalArgumentException if {@code delay} is null, negative or above 10 minutes
   */
  public static Fault delay(Duration delay) {
    if (delay == null || delay.isNegative() || delay.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("delay must be between 0 and 10 minutes");
    }
    return new Fault(Kind.DELAY, 0, delay);
  }

  /**
   * Answers with this HTTP status and the gateway's own JSON error body, without processing the
   * request (as a gateway that is down or overloaded would).
   *
   * @param status the HTTP status to answer with, 400 to 599
   * @return a status fault
   * @throws IllegalArgumentException if {@code status} is not between 400 and 599
   */
  public static Fault status(int status) {
    checkErrorStatus(status);
    return new Fault(Kind.STATUS, status, Duration.ZERO);
  }

  /**
   * Answers with this HTTP status and an HTML error page (as a proxy in front of the gateway would),
   * without processing the request.
   *
   * @param status the HTTP status to answer with, 400 to 599
   * @return an HTML error-page fault
   * @throws IllegalArgumentException if {@code status} is not between 400 and 599
   */
  public static Fault html(int status) {
    checkErrorStatus(status);
    return new Fault(Kind.HTML, status, Duration.ZERO);
  }

  /**
   * Processes the request, then sends only the first half of the JSON body (with a matching {@code
   * Content-Length}, so the client reads a complete but malformed body).
   *
   * @return a truncated-JSON fault
   */
  public static Fault truncatedJson() {
    return new Fault(Kind.TRUNCATED_JSON, 0, Duration.ZERO);
  }

  private static void checkErrorStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be between 400 and 599 (was " + status + ")");
    }
  }

  boolean processesRequest() {
    return kind == Kind.DROP_AFTER_PROCESSING || kind == Kind.DELAY || kind == Kind.TRUNCATED_JSON;
  }

  @Override
  public String toString() {
    switch (kind) {
      case STATUS:
      case HTML:
        return "Fault{" + kind.wireName + " " + status + "}";
      case DELAY:
        return "Fault{delay " + delay.toMillis() + " ms}";
      default:
        return "Fault{" + kind.wireName + "}";
    }
  }
}
