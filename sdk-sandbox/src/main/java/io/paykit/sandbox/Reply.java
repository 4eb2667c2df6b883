package io.paykit.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response the sandbox is about to send: status, content type, extra headers and body bytes. */
final class Reply {
  static final String JSON = "application/json; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";

  final int status;
  final String contentType;
  final Map<String, String> headers;
  final byte[] body;
  /** Runs once the reply has been written and the exchange closed (null: nothing). */
  final Runnable afterSent;

  private Reply(int status, String contentType, Map<String, String> headers, byte[] body, Runnable afterSent) {
    this.status = status;
    this.contentType = contentType;
    this.headers = headers;
    this.body = body;
    this.afterSent = afterSent;
  }

  private Reply(int status, String contentType, Map<String, String> headers, byte[] body) {
    this(status, contentType, headers, body, null);
  }

  Reply thenRun(Runnable action) {
    return new Reply(status, contentType, headers, body, action);
  }

  static Reply of(int status, String contentType, String body) {
    return new Reply(
        status, contentType, Collections.<String, String>emptyMap(), body.getBytes(StandardCharsets.UTF_8));
  }

  static Reply json(int status, String json) {
    return of(status, JSON, json);
  }

  static Reply html(int status, String html) {
    return of(status, HTML, html);
  }

  static Reply text(int status, String text) {
    return of(status, TEXT, text);
  }

  Reply withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, contentType, Collections.unmodifiableMap(h), body);
  }

  /** The same reply with its body cut to the first half of its bytes (at least one byte kept). */
  Reply truncated() {
    int keep = Math.max(1, body.length / 2);
    byte[] cut = new byte[Math.min(keep, body.length)];
    System.arraycopy(body, 0, cut, 0, cut.length);
    return new Reply(status, contentType, headers, cut);
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
