package io.paykit.yinqiantong;

/**
 * The HTTP answer a notification handler sends back to the gateway: status, content type and body.
 *
 * <p>The same two replies serve both protocol generations, so no generation has to be chosen: V2 looks
 * only at the HTTP status (200 acknowledges, anything else makes it retry every minute) and ignores
 * the body, while V1 needs the JSON body {@code {"code":200,"msg":"ok"}}. {@link #success()} is
 * therefore HTTP 200 with exactly that body, and {@link #failure(String)} is HTTP 400 with {@code
 * {"code":400,"msg":…}}, the V1 SDK's failure body, which neither generation can take for an
 * acknowledgement.
 *
 * <pre>{@code
 * NotificationReply reply;
 * try {
 *   Notification n = client.verifyNotification(body);
 *   fulfil(n);                       // idempotent, keyed on n.getOutTradeNo()
 *   reply = NotificationReply.success();
 * } catch (SignatureVerificationException e) {
 *   reply = NotificationReply.failure("bad signature");
 * }
 * response.setStatus(reply.getStatusCode()); response.setContentType(reply.getContentType());
 * response.getWriter().write(reply.getBody());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class NotificationReply {
  /** The content type of every reply. */
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private static final NotificationReply SUCCESS =
      new NotificationReply(200, "{\"code\":200,\"msg\":\"ok\"}");

  private final int statusCode;
  private final String body;

  private NotificationReply(int statusCode, String body) {
    this.statusCode = statusCode;
    this.body = body;
  }

  /**
   * Returns the acknowledgement: HTTP 200, {@code {"code":200,"msg":"ok"}}. Send it only after the
   * order is handled.
   *
   * @return the success reply
   */
  public static NotificationReply success() {
    return SUCCESS;
  }

  /**
   * Returns a refusal that makes the gateway send the notification again: HTTP 400, {@code
   * {"code":400,"msg":reason}}.
   *
   * @param reason a short reason for the gateway's logs; null gives {@code "fail"}. Never put a secret
   *     or signature in it.
   * @return a failure reply carrying the reason
   */
  public static NotificationReply failure(String reason) {
    String msg = reason == null || reason.isEmpty() ? "fail" : reason;
    return new NotificationReply(400, "{\"code\":400,\"msg\":" + quote(msg) + "}");
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Returns the HTTP status to answer with.
   *
   * @return the HTTP status code
   */
  public int getStatusCode() {
    return statusCode;
  }

  /**
   * Returns the body to answer with.
   *
   * @return the response body
   */
  public String getBody() {
    return body;
  }

  /**
   * Returns the {@code Content-Type} to answer with: {@value #CONTENT_TYPE}.
   *
   * @return the content type
   */
  public String getContentType() {
    return CONTENT_TYPE;
  }

  /**
   * Returns whether this reply acknowledges the notification.
   *
   * @return true for the success reply
   */
  public boolean isSuccess() {
    return statusCode == 200;
  }

  @Override
  public String toString() {
    return "NotificationReply{" + statusCode + " " + body + "}";
  }
}
