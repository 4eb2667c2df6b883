package io.paykit.android;

import android.app.Activity;
import android.content.Intent;

/**
 * How the payment screen ended, read in {@code onActivityResult} with {@link
 * #fromActivityResult(int, Intent)}.
 *
 * <p>This is what the screen saw, not proof of payment. Send {@link #orderId()} to your server and
 * let it answer from the gateway's verified notification or an order query (sdk-core) before you
 * fulfil anything, whatever the status; a {@link Status#CANCELED} payer may have paid in the wallet
 * before pressing back.
 *
 * <p>Immutable and thread-safe.
 */
public final class PaymentResult {
  /** The outcome of the payment screen. */
  public enum Status {
    /** The page reached your {@code successUrlPrefix}. Still confirm with your server. */
    SUCCEEDED,
    /**
     * The payer was handed off to a wallet app and came back, or the page reached the return URL:
     * the outcome is only known to the gateway, so ask your server.
     */
    PENDING,
    /** The payer left the screen (back, or the system closed it) before an outcome. */
    CANCELED,
    /** The screen could not continue; {@link #reason()} says why. */
    FAILED
  }

  /** CANCELED: the payer pressed back on the first page. */
  public static final String REASON_USER_CANCELED = "user_canceled";
  /** CANCELED: the screen was closed without an outcome (by the system, or it never reported). */
  public static final String REASON_CLOSED = "closed";
  /** SUCCEEDED: the page reached {@code successUrlPrefix}. */
  public static final String REASON_SUCCESS_URL = "success_url";
  /** PENDING: the page reached {@code returnUrlPrefix}. */
  public static final String REASON_RETURN_URL = "return_url";
  /** PENDING: the payer was handed off to Alipay, WeChat or another app, and returned. */
  public static final String REASON_WALLET_HANDOFF = "wallet_handoff";
  /** PENDING: the page's state was lost on recreation; it is not reloaded, to avoid paying twice. */
  public static final String REASON_STATE_LOST = "webview_state_lost";
  /** FAILED: the wallet app the page needs is not installed and the page cannot go on without it. */
  public static final String REASON_WALLET_NOT_INSTALLED = "wallet_not_installed";
  /** FAILED: the activity was started without a valid {@link PaymentRequest}. */
  public static final String REASON_INVALID_REQUEST = "invalid_request";
  /** FAILED: the WebView's renderer process crashed. */
  public static final String REASON_RENDERER_CRASHED = "webview_renderer_crashed";
  /** FAILED: the system killed the WebView's renderer process to reclaim memory. */
  public static final String REASON_RENDERER_KILLED = "webview_renderer_killed";
  /** FAILED: the device has no usable WebView (missing, disabled or being updated). */
  public static final String REASON_WEBVIEW_UNAVAILABLE = "webview_unavailable";
  /** FAILED: the activity result did not come from {@link PaymentActivity}. */
  public static final String REASON_MALFORMED_RESULT = "malformed_result";

  private static final String EXTRA_STATUS = "io.paykit.android.result.STATUS";
  private static final String EXTRA_REASON = "io.paykit.android.result.REASON";
  private static final String EXTRA_MESSAGE = "io.paykit.android.result.MESSAGE";
  private static final String EXTRA_ORDER_ID = "io.paykit.android.result.ORDER_ID";
  private static final String EXTRA_URL = "io.paykit.android.result.URL";

  private final Status status;
  private final String reason;
  private final String message;
  private final String orderId;
  private final String url;

  private PaymentResult(Status status, String reason, String message, String orderId, String url) {
    this.status = status;
    this.reason = reason;
    this.message = message;
    this.orderId = orderId;
    this.url = url;
  }

  static PaymentResult of(Status status, String reason, String message, String orderId, String url) {
    return new PaymentResult(status, reason, message, orderId, url);
  }

  /**
   * Reads the result {@link PaymentActivity} delivered. Never throws: a result it cannot read is
   * {@link Status#FAILED} with {@link #REASON_MALFORMED_RESULT}, and {@code RESULT_CANCELED} without
   * data (the system ended the screen) is {@link Status#CANCELED} with {@link #REASON_CLOSED}.
   *
   * @param resultCode the {@code resultCode} passed to {@code onActivityResult}
   * @param data the {@code data} passed to {@code onActivityResult}, possibly null
   * @return the result, never null
   */
  public static PaymentResult fromActivityResult(int resultCode, Intent data) {
    String statusName = data == null ? null : data.getStringExtra(EXTRA_STATUS);
    if (statusName == null) {
      if (resultCode == Activity.RESULT_CANCELED) {
        return of(Status.CANCELED, REASON_CLOSED, "The payment screen was closed", null, null);
      }
      return of(
          Status.FAILED, REASON_MALFORMED_RESULT, "No payment result in the activity result", null,
          null);
    }
    Status status;
    try {
      status = Status.valueOf(statusName);
    } catch (IllegalArgumentException e) {
      return of(Status.FAILED, REASON_MALFORMED_RESULT, "Unknown payment status", null, null);
    }
    return of(
        status,
        data.getStringExtra(EXTRA_REASON),
        data.getStringExtra(EXTRA_MESSAGE),
        data.getStringExtra(EXTRA_ORDER_ID),
        data.getStringExtra(EXTRA_URL));
  }

  /**
   * Returns the outcome.
   *
   * @return the status, never null
   */
  public Status status() {
    return status;
  }

  /**
   * Returns a stable machine-readable reason, one of the {@code REASON_*} constants.
   *
   * @return the reason, or null if the result carried none
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns a human-readable English detail, for logs and support, not for the payer.
   *
   * @return the message, or null
   */
  public String message() {
    return message;
  }

  /**
   * Returns the order id set on the {@link PaymentRequest}.
   *
   * @return the order id, or null if none was set
   */
  public String orderId() {
    return orderId;
  }

  /**
   * Returns the success or return URL that ended the flow, with its query (gateways put the order
   * number there), for the app to pass to its server.
   *
   * @return the URL, or null unless the reason is {@link #REASON_SUCCESS_URL} or {@link
   *     #REASON_RETURN_URL}
   */
  public String url() {
    return url;
  }

  /** The result code the activity finishes with: only CANCELED is {@code RESULT_CANCELED}. */
  int resultCode() {
    return status == Status.CANCELED ? Activity.RESULT_CANCELED : Activity.RESULT_OK;
  }

  Intent toIntent() {
    Intent intent = new Intent();
    intent.putExtra(EXTRA_STATUS, status.name());
    intent.putExtra(EXTRA_REASON, reason);
    intent.putExtra(EXTRA_MESSAGE, message);
    intent.putExtra(EXTRA_ORDER_ID, orderId);
    intent.putExtra(EXTRA_URL, url);
    return intent;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PaymentResult)) {
      return false;
    }
    PaymentResult that = (PaymentResult) o;
    return status == that.status
        && eq(reason, that.reason)
        && eq(message, that.message)
        && eq(orderId, that.orderId)
        && eq(url, that.url);
  }

  @Override
  public int hashCode() {
    int h = status.hashCode();
    h = 31 * h + (reason == null ? 0 : reason.hashCode());
    h = 31 * h + (message == null ? 0 : message.hashCode());
    h = 31 * h + (orderId == null ? 0 : orderId.hashCode());
    return 31 * h + (url == null ? 0 : url.hashCode());
  }

  /** Shows status, reason, order id and message; not the URL, whose query is the gateway's. */
  @Override
  public String toString() {
    return "PaymentResult{status=" + status + ", reason=" + reason + ", orderId=" + orderId
        + ", message=" + message + '}';
  }

  private static boolean eq(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }
}
