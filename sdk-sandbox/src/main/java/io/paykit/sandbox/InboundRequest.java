package io.paykit.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request as the sandbox received it: method, decoded path, query, headers and body bytes. */
final class InboundRequest {
  /** Bodies above this are refused with 413 before any gateway sees them. */
  static final int MAX_BODY_BYTES = 1 << 20;

  final String method;
  final String path;
  final Map<String, List<String>> query;
  final Headers headers;
  final byte[] body;
  final String remoteIp;

  InboundRequest(
      String method,
      String path,
      Map<String, List<String>> query,
      Headers headers,
      byte[] body,
      String remoteIp) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.remoteIp = remoteIp;
  }

  /** The request was unreadable (too large, or its query or body is not valid URL encoding). */
  static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequest(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  static InboundRequest read(HttpExchange exchange) throws IOException, BadRequest {
    byte[] body = readBody(exchange.getRequestBody());
    String path = exchange.getRequestURI().getPath();
    Map<String, List<String>> query = decodeForm(exchange.getRequestURI().getRawQuery());
    InetSocketAddress remote = exchange.getRemoteAddress();
    String ip = remote == null || remote.getAddress() == null
        ? "127.0.0.1"
        : remote.getAddress().getHostAddress();
    return new InboundRequest(
        exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        path == null ? "/" : path,
        query,
        exchange.getRequestHeaders(),
        body,
        ip);
  }

  private static byte[] readBody(InputStream in) throws IOException, BadRequest {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) != -1) {
      if (out.size() + n > MAX_BODY_BYTES) {
        throw new BadRequest(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Decodes {@code application/x-www-form-urlencoded} text (also used for query strings) into an
   * ordered multimap: repeated names keep every value in request order.
   */
  static Map<String, List<String>> decodeForm(String raw) throws BadRequest {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) return out;
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      List<String> values = out.get(urlDecode(name));
      if (values == null) {
        values = new ArrayList<>();
        out.put(urlDecode(name), values);
      }
      values.add(urlDecode(value));
    }
    return out;
  }

  private static String urlDecode(String s) throws BadRequest {
    try {
      return URLDecoder.decode(s, "UTF-8");
    } catch (IllegalArgumentException | UnsupportedEncodingException e) {
      throw new BadRequest(400, "malformed URL encoding");
    }
  }

  String header(String name) {
    return headers.getFirst(name);
  }

  boolean hasHeader(String name) {
    return headers.containsKey(name);
  }

  /** The media type without parameters, lower case; empty when absent. */
  String mediaType() {
    String ct = header("Content-Type");
    if (ct == null) return "";
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  boolean isJson() {
    return mediaType().equals("application/json");
  }

  boolean isForm() {
    return mediaType().equals("application/x-www-form-urlencoded");
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  Map<String, List<String>> form() throws BadRequest {
    return decodeForm(bodyText());
  }

  /** The first value of a query parameter, or null. */
  String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  static Map<String, List<String>> merge(Map<String, List<String>> a, Map<String, List<String>> b) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    addAll(out, a);
    addAll(out, b);
    return Collections.unmodifiableMap(out);
  }

  private static void addAll(Map<String, List<String>> out, Map<String, List<String>> in) {
    for (Map.Entry<String, List<String>> e : in.entrySet()) {
      List<String> values = out.get(e.getKey());
      if (values == null) {
        values = new ArrayList<>();
        out.put(e.getKey(), values);
      }
      values.addAll(e.getValue());
    }
  }
}
