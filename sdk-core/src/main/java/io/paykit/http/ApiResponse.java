package io.paykit.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okio.ByteString;

/**
 * A gateway's HTTP response, fully read: status, headers and body text.
 *
 * <p>Immutable and thread-safe. The body is held in memory; the transport refuses bodies larger than
 * {@link Transport#MAX_BODY_BYTES}.
 */
public final class ApiResponse {
  private static final String[] REQUEST_ID_HEADERS = {"Request-Id", "X-Request-Id", "X-Request-ID"};

  private final ApiRequest request;
  private final int status;
  private final Headers headers;
  // The body as received, when it came from the network; the text is decoded from it on first use,
  // so JSON responses are parsed from the bytes without a String in between.
  private final ByteString bodyBytes;
  private final Charset charset;
  private String body;
  private final String contentType;
  private final long durationMillis;

  /**
   * Creates a response.
   *
   * @param request the request it answers
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the body text, empty when there was none
   * @param contentType the {@code Content-Type}, or null
   * @param durationMillis how long the attempt took
   */
  public ApiResponse(
      ApiRequest request,
      int status,
      Headers headers,
      String body,
      String contentType,
      long durationMillis) {
    this.request = request;
    this.status = status;
    this.headers = headers == null ? Headers.of() : headers;
    this.body = body == null ? "" : body;
    this.bodyBytes = null;
    this.charset = null;
    this.contentType = contentType;
    this.durationMillis = durationMillis;
  }

  ApiResponse(
      ApiRequest request,
      int status,
      Headers headers,
      ByteString bodyBytes,
      Charset charset,
      String contentType,
      long durationMillis) {
    this.request = request;
    this.status = status;
    this.headers = headers;
    this.bodyBytes = bodyBytes;
    this.charset = charset;
    this.contentType = contentType;
    this.durationMillis = durationMillis;
  }

  /**
   * Returns the request this response answers.
   *
   * @return the request
   */
  public ApiRequest request() {
    return request;
  }

  /**
   * Returns the HTTP status.
   *
   * @return the HTTP status code
   */
  public int status() {
    return status;
  }

  /**
   * Returns whether the status is 2xx.
   *
   * @return true if the status is from 200 to 299
   */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /**
   * Returns the first value of a header, or null.
   *
   * @param name the header name, matched case-insensitively
   * @return the header's first value, or null when absent
   */
  public String header(String name) {
    return headers.get(name);
  }

  /**
   * Returns all headers.
   *
   * @return the response headers; never null
   */
  public Headers headers() {
    return headers;
  }

  /**
   * Returns the body text; empty, never null, when there was none.
   *
   * @return the body text
   */
  public String body() {
    // Racy single-check: two threads may both decode, and both get equal immutable Strings.
    String text = body;
    if (text == null) {
      text = bodyBytes.string(charset);
      body = text;
    }
    return text;
  }

  /** The body as received in UTF-8, or null when it is only available as text. */
  ByteString utf8Bytes() {
    return bodyBytes != null && charset.equals(StandardCharsets.UTF_8) ? bodyBytes : null;
  }

  /**
   * Returns the {@code Content-Type} header as the gateway sent it, or null.
   *
   * @return the content type, or null
   */
  public String contentType() {
    return contentType;
  }

  /**
   * Returns the request id the gateway sent in a header, or null.
   *
   * @return the first non-empty value of {@code Request-Id} or {@code X-Request-Id}, or null
   */
  public String requestId() {
    for (String name : REQUEST_ID_HEADERS) {
      String v = headers.get(name);
      if (v != null && !v.isEmpty()) return v;
    }
    return null;
  }

  /**
   * Returns how long the attempt took, in milliseconds.
   *
   * @return the attempt's duration in milliseconds
   */
  public long durationMillis() {
    return durationMillis;
  }

  @Override
  public String toString() {
    return "ApiResponse{" + status + " for " + request.operation() + "}";
  }
}
