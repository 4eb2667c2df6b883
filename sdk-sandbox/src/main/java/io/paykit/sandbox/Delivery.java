package io.paykit.sandbox;

import java.time.Instant;

/**
 * One attempt by the sandbox to deliver a notification (聚易付, 银钱通) or webhook (Qbit Pay) to the
 * merchant, and what the merchant answered.
 *
 * <p>Success is judged as each gateway documents it: 聚易付 a 2xx answer whose body is the text
 * {@code success}; 银钱通 V2 HTTP 200, V1 a JSON body with {@code "code":200}; Qbit Pay any 2xx.
 * Immutable and thread-safe.
 */
public final class Delivery {
  private final Gateway gateway;
  private final String reference;
  private final String eventType;
  private final String url;
  private final int attempt;
  private final int statusCode;
  private final String responseBody;
  private final String requestBody;
  private final String error;
  private final boolean success;
  private final Instant sentAt;

  Delivery(
      Gateway gateway,
      String reference,
      String eventType,
      String url,
      int attempt,
      int statusCode,
      String responseBody,
      String requestBody,
      String error,
      boolean success,
      Instant sentAt) {
    this.gateway = gateway;
    this.reference = reference;
    this.eventType = eventType;
    this.url = url;
    this.attempt = attempt;
    this.statusCode = statusCode;
    this.responseBody = responseBody;
    this.requestBody = requestBody;
    this.error = error;
    this.success = success;
    this.sentAt = sentAt;
  }

  /**
   * Returns the gateway that sent it.
   *
   * @return the sending gateway
   */
  public Gateway gateway() {
    return gateway;
  }

  /**
   * Returns the merchant-facing key of what was paid: the 聚易付 order id, the 银钱通 {@code
   * client_out_trade_no}, or the Qbit Pay charge id.
   *
   * @return the order id, {@code client_out_trade_no} or charge id
   */
  public String reference() {
    return reference;
  }

  /**
   * Returns what was delivered: {@code order.paid} for 聚易付 and 银钱通 notifications, the event
   * type for Qbit Pay ({@code charge.succeeded}).
   *
   * @return the event type
   */
  public String eventType() {
    return eventType;
  }

  /**
   * Returns the URL posted to ({@code notify_url} or {@code cbUrl}).
   *
   * @return the URL posted to
   */
  public String url() {
    return url;
  }

  /**
   * Returns the attempt number, 1 for the first delivery and up for each retry.
   *
   * @return the 1-based attempt number
   */
  public int attempt() {
    return attempt;
  }

  /**
   * Returns the merchant's HTTP status, or -1 when no response came (see {@link #error()}).
   *
   * @return the HTTP status, or -1 when no response came
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns the merchant's response body (at most 4096 characters), empty when none came.
   *
   * @return the response body, possibly truncated, or empty
   */
  public String responseBody() {
    return responseBody;
  }

  /**
   * Returns the exact body the sandbox posted (form or JSON).
   *
   * @return the posted body
   */
  public String requestBody() {
    return requestBody;
  }

  /**
   * Returns why no response came (connection refused, timeout), or null when one came.
   *
   * @return the transport error, or null
   */
  public String error() {
    return error;
  }

  /**
   * Returns whether the merchant acknowledged the delivery as the gateway requires.
   *
   * @return true if the merchant acknowledged it
   */
  public boolean success() {
    return success;
  }

  /**
   * Returns when the attempt was sent.
   *
   * @return the send time
   */
  public Instant sentAt() {
    return sentAt;
  }

  @Override
  public String toString() {
    return "Delivery{"
        + gateway
        + " "
        + eventType
        + " "
        + reference
        + " -> "
        + url
        + " attempt="
        + attempt
        + " status="
        + statusCode
        + " success="
        + success
        + (error == null ? "" : " error=" + error)
        + "}";
  }
}
