package io.paykit.qbitpay;

import io.paykit.PayKitException;
import io.paykit.RateLimitException;
import io.paykit.http.ApiResponse;
import io.paykit.http.Transport;
import java.util.Map;

/**
 * Turns a Qbit Pay error response into a typed exception. The docs give the fields ({@code type},
 * {@code message}, optional {@code detail}) but not where they sit, so both the top level and a
 * Stripe-style {@code {"error": {...}}} envelope are read.
 *
 * <p>An instance holds the fields read from one error body; the class is both the mapper and those
 * fields rather than holding a nested fields class: one class fewer in the jar.
 */
final class QbitErrors {
  static final String RATE_LIMIT_ERROR = "rate_limit_error";

  private boolean json;
  private String type;
  private String message;
  private String detail;
  private String code;

  private QbitErrors() {}

  /**
   * Maps a non-2xx response: 401 → AuthenticationException, 429 or 403 {@code rate_limit_error} →
   * RateLimitException, another status with a JSON body → ApiException, and a body that is not JSON
   * (an HTML error page, nothing) → InvalidResponseException with the masked start of the body.
   */
  static PayKitException map(Transport transport, ApiResponse response) {
    QbitErrors f = parse(response.body());
    int status = response.status();
    if (status == 403 && RATE_LIMIT_ERROR.equals(f.type)) {
      return new RateLimitException(
          status,
          f.code,
          f.type,
          f.message == null ? null : transport.redact(f.message),
          response.requestId(),
          transport.retryAfter(response));
    }
    if (!f.json && status != 401 && status != 429) {
      return transport.invalidResponse(
          response, "HTTP " + status + " error with a body that is not JSON", null);
    }
    return transport.apiError(response, f.code, f.type, f.message, f.detail);
  }

  /** Returns whether the status leaves open that the gateway acted on the request. */
  static boolean ambiguous(int status) {
    return status == 408 || status >= 500;
  }

  /** Reads the error fields of a body; all unset when it is not a JSON object. */
  private static QbitErrors parse(String body) {
    QbitErrors f = new QbitErrors();
    String trimmed = body.trim();
    if (!trimmed.startsWith("{")) return f;
    Object parsed;
    try {
      parsed = QbitJson.ANY.fromJson(trimmed);
    } catch (Exception | StackOverflowError e) {
      // Malformed or hostile: treated like any other body that is not JSON.
      return f;
    }
    if (!(parsed instanceof Map)) return f;
    f.json = true;
    Map<?, ?> fields = (Map<?, ?>) parsed;
    Object error = fields.get("error");
    if (error instanceof Map) {
      fields = (Map<?, ?>) error;
    } else if (error instanceof String && fields.get("message") == null) {
      f.message = (String) error;
    }
    f.type = text(fields.get("type"));
    if (fields.get("message") != null) f.message = text(fields.get("message"));
    f.detail = text(fields.get("detail"));
    f.code = text(fields.get("code"));
    return f;
  }

  private static String text(Object value) {
    if (value == null) return null;
    if (value instanceof String) return (String) value;
    if (value instanceof Double) {
      double d = (Double) value;
      if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
    }
    if (value instanceof Map || value instanceof Iterable) return QbitJson.ANY.toJson(value);
    return String.valueOf(value);
  }
}
