package io.paykit.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A merchant's notification endpoint in a JDK {@link HttpServer}: the smallest real web server, so the
 * examples need no servlet container. Each route reads the raw body (never a re-serialised one: the
 * signatures are over the exact bytes) and hands it to a handler.
 */
final class MerchantServer implements AutoCloseable {
  /** What a handler answers. */
  static final class Reply {
    final int status;
    final String contentType;
    final String body;

    Reply(int status, String contentType, String body) {
      this.status = status;
      this.contentType = contentType;
      this.body = body;
    }
  }

  /** Handles one delivery. */
  interface Handler {
    Reply handle(Map<String, String> headers, byte[] rawBody) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  MerchantServer() throws IOException {
    // Without TCP_NODELAY the JDK server's split header/body writes meet the client's delayed ACK:
    // about 40 ms per delivery. The JDK reads the switch once, before its first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.start();
  }

  /** Returns the URL of a route on this server. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Adds a route. */
  MerchantServer route(String path, Handler handler) {
    server.createContext(path, exchange -> serve(exchange, handler));
    return this;
  }

  private static void serve(HttpExchange exchange, Handler handler) throws IOException {
    Reply reply;
    try {
      byte[] body = readAll(exchange.getRequestBody());
      Map<String, String> headers = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
        headers.put(h.getKey(), h.getValue().get(0));
      }
      reply = handler.handle(headers, body);
    } catch (Exception e) {
      // Anything unexpected: a 500 makes the gateway deliver again later.
      reply = new Reply(500, "text/plain", "error");
    }
    byte[] out = reply.body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType);
    exchange.sendResponseHeaders(reply.status, out.length == 0 ? -1 : out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  /** Parses an {@code application/x-www-form-urlencoded} body. */
  static Map<String, String> form(byte[] body) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isEmpty()) return params;
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(URLDecoder.decode(key, "UTF-8"), URLDecoder.decode(value, "UTF-8"));
    }
    return params;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) out.write(buffer, 0, n);
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
