package io.paykit;

/**
 * The gateway answered, and the answer was an error: an HTTP error status or a business error code in
 * an otherwise successful HTTP response.
 *
 * <p>Carries the HTTP status, the gateway's own code and error type where it sends them, its message and
 * detail, and the request id if the gateway returns one. Never carries credentials.
 */
public class ApiException extends PayKitException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of the gateway's response. */
  private final int httpStatus;
  /** The gateway's error code, or null. */
  private final String code;
  /** The gateway's error type, or null. */
  private final String type;
  /** The gateway's error message, or null. */
  private final String gatewayMessage;
  /** The gateway's detail text, or null. */
  private final String detail;
  /** The request id the gateway returned, or null. */
  private final String requestId;

  /**
   * Creates an exception from a gateway error response.
   *
   * @param httpStatus the HTTP status of the response
   * @param code the gateway's error code (such as {@code "4409"} or {@code "1002"}), or null
   * @param type the gateway's error type (such as {@code "invalid_request_error"}), or null
   * @param gatewayMessage the gateway's message, or null
   * @param detail the gateway's detail text, or null
   * @param requestId the request id the gateway returned, or null
   * @param retrySafe whether the same request may be sent again without risking a duplicate
   */
  public ApiException(
      int httpStatus,
      String code,
      String type,
      String gatewayMessage,
      String detail,
      String requestId,
      boolean retrySafe) {
    super(describe(httpStatus, code, type, gatewayMessage, requestId), null, true, retrySafe);
    this.httpStatus = httpStatus;
    this.code = code;
    this.type = type;
    this.gatewayMessage = gatewayMessage;
    this.detail = detail;
    this.requestId = requestId;
  }

  private static String describe(
      int httpStatus, String code, String type, String message, String requestId) {
    StringBuilder sb = new StringBuilder("gateway error: HTTP ").append(httpStatus);
    if (code != null) sb.append(", code ").append(code);
    if (type != null) sb.append(", type ").append(type);
    if (message != null) sb.append(": ").append(message);
    if (requestId != null) sb.append(" (request id ").append(requestId).append(')');
    return sb.toString();
  }

  /**
   * Returns the HTTP status of the gateway's response.
   *
   * @return the HTTP status code
   */
  public int getHttpStatus() {
    return httpStatus;
  }

  /**
   * Returns the gateway's error code, or null when it sent none.
   *
   * @return the error code, or null
   */
  public String getCode() {
    return code;
  }

  /**
   * Returns the gateway's error type, or null when it sent none.
   *
   * @return the error type, or null
   */
  public String getType() {
    return type;
  }

  /**
   * Returns the gateway's error message, or null when it sent none.
   *
   * @return the gateway's message, or null
   */
  public String getGatewayMessage() {
    return gatewayMessage;
  }

  /**
   * Returns the gateway's detail text, or null when it sent none.
   *
   * @return the detail text, or null
   */
  public String getDetail() {
    return detail;
  }

  /**
   * Returns the request id the gateway returned, or null.
   *
   * @return the request id, or null
   */
  public String getRequestId() {
    return requestId;
  }
}
