package io.paykit.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The merchant's notification endpoint in a test: a JDK HTTP server that records what it receives
 * and answers from a script (then with the last answer forever).
 */
final class MerchantServer implements AutoCloseable {
  static final class Received {
    final String method;
    final String path;
    final Map<String, String> headers;
    final String body;

    Received(String method, String path, Map<String, String> headers, String body) {
      this.method = method;
      this.path = path;
      this.headers = headers;
      this.body = body;
    }

    String header(String name) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
      }
      return null;
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final Deque<Object[]> script = new ArrayDeque<>();
  private Object[] last;

  MerchantServer(int status, String body) throws IOException {
    last = new Object[] {status, body};
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          ByteArrayOutputStream buf = new ByteArrayOutputStream();
          try (InputStream in = exchange.getRequestBody()) {
            byte[] b = new byte[4096];
            int n;
            while ((n = in.read(b)) != -1) buf.write(b, 0, n);
          }
          Map<String, String> headers = new LinkedHashMap<>();
          for (Map.Entry<String, java.util.List<String>> h : exchange.getRequestHeaders().entrySet()) {
            headers.put(h.getKey(), h.getValue().get(0));
          }
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  headers,
                  new String(buf.toByteArray(), StandardCharsets.UTF_8)));
          Object[] answer;
          synchronized (script) {
            answer = script.isEmpty() ? last : script.poll();
          }
          byte[] out = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders((Integer) answer[0], out.length == 0 ? -1 : out.length);
          if (out.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
              os.write(out);
            }
          }
          exchange.close();
        });
    server.start();
  }

  /** Answers the next requests with these, in order, before the default answer. */
  MerchantServer thenAnswer(int status, String body) {
    synchronized (script) {
      script.add(new Object[] {status, body});
    }
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Waits (without sleeping) for the next received request. */
  Received take() throws InterruptedException {
    Received r = received.poll(5, TimeUnit.SECONDS);
    if (r == null) throw new AssertionError("the merchant received nothing within 5 s");
    return r;
  }

  int pending() {
    return received.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
