package io.paykit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP/1.1 server that answers canned, pre-encoded bytes as fast as it can: one blocking
 * thread per keep-alive connection (threads pooled), a reused buffer per connection, routing by the
 * request line's bytes, no per-request allocation. PayKit and the baseline talk to the same server, so
 * both pay the same server cost.
 *
 * <p>Routes (anything else is a 404):
 *
 * <ul>
 *   <li>{@code POST /api/v1/charges}: a Qbit Pay charge;
 *   <li>{@code GET /api/v1/charges?…}: a page of 100 Qbit Pay charges; two canned pages alternate so
 *       that a page never holds its own cursor ({@code starting_after=a…} gets page B, anything else
 *       page A);
 *   <li>{@code POST /yqt/order}: a 银钱通 V2 create answer;
 *   <li>{@code POST /juyifu/orders}: a 聚易付 create envelope.
 * </ul>
 *
 * <p>{@link #capture(boolean)} records the raw bytes of each request (head and body) so a benchmark can
 * prove PayKit and its baseline send byte-identical requests. Run standalone with {@code main} (prints
 * {@code listening <port>}) for the cold-start and memory mains.
 */
public final class LoopbackServer implements AutoCloseable {
  private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] POST_CHARGES = "POST /api/v1/charges ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GET_CHARGES = "GET /api/v1/charges?".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] POST_YQT = "POST /yqt/order ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] POST_JUYIFU = "POST /juyifu/orders ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CURSOR_A = "starting_after=a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] TRANSFER_ENCODING =
      "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] CHARGE = response(200, Canned.QBIT_CHARGE);
  private static final byte[] PAGE_A = response(200, Canned.qbitPage('a'));
  private static final byte[] PAGE_B = response(200, Canned.qbitPage('b'));
  private static final byte[] YQT = response(200, Canned.YQT_CREATED);
  private static final byte[] JUYIFU = response(200, Canned.JUYIFU_CREATED);
  private static final byte[] NOT_FOUND = response(404, "{\"error\":\"no route\"}");

  private final ServerSocket serverSocket;
  private final Thread acceptor;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final List<byte[]> captured = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  /** Reuses connection threads: a client that churns connections must not also pay thread starts. */
  private final ExecutorService handlers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "loopback-conn");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean capturing;
  private volatile boolean closed;

  private LoopbackServer(int port) throws IOException {
    serverSocket = new ServerSocket();
    serverSocket.setReuseAddress(true);
    serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    acceptor = new Thread(this::acceptLoop, "loopback-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a server on a free loopback port. */
  public static LoopbackServer start() throws IOException {
    return new LoopbackServer(0);
  }

  /** Starts a server on the given loopback port (0: any free port). */
  public static LoopbackServer start(int port) throws IOException {
    return new LoopbackServer(port);
  }

  /** Returns the base URL, {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort();
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /** Returns how many requests were answered since start. */
  public long requests() {
    return requests.get();
  }

  /** Returns how many connections were accepted since start. */
  public long connections() {
    return accepted.get();
  }

  /** Starts or stops recording each request's raw bytes; starting clears what was recorded. */
  public void capture(boolean on) {
    if (on) captured.clear();
    capturing = on;
  }

  /** Returns the raw requests recorded while capturing, oldest first. */
  public List<byte[]> captured() {
    synchronized (captured) {
      return new ArrayList<>(captured);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    for (Socket s : connections) {
      try {
        s.close();
      } catch (IOException ignored) {
        // Closing anyway.
      }
    }
    handlers.shutdownNow();
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        connections.add(socket);
        accepted.incrementAndGet();
        handlers.execute(() -> serve(socket));
      } catch (IOException e) {
        if (!closed) System.err.println("loopback server: accept failed: " + e);
      }
    }
  }

  private void serve(Socket socket) {
    byte[] buf = new byte[256 * 1024];
    int filled = 0;
    try (Socket s = socket) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        int headEnd;
        while ((headEnd = indexOf(buf, 0, filled, HEAD_END)) < 0) {
          if (filled == buf.length) throw new IOException("request head too large");
          int n = in.read(buf, filled, buf.length - filled);
          if (n < 0) return;
          filled += n;
        }
        int bodyStart = headEnd + HEAD_END.length;
        int total = bodyStart + contentLength(buf, headEnd);
        if (total > buf.length) throw new IOException("request too large");
        while (filled < total) {
          int n = in.read(buf, filled, total - filled);
          if (n < 0) return;
          filled += n;
        }
        if (capturing) captured.add(Arrays.copyOf(buf, total));
        out.write(route(buf, headEnd));
        requests.incrementAndGet();
        // Keep any bytes of a pipelined next request.
        System.arraycopy(buf, total, buf, 0, filled - total);
        filled -= total;
      }
    } catch (SocketException e) {
      // The client closed the connection, or the server is closing.
    } catch (IOException e) {
      if (!closed) System.err.println("loopback server: " + e);
    } finally {
      connections.remove(socket);
    }
  }

  private static byte[] route(byte[] buf, int headEnd) {
    if (startsWith(buf, POST_CHARGES)) return CHARGE;
    if (startsWith(buf, GET_CHARGES)) {
      int lineEnd = indexOf(buf, 0, headEnd, CRLF);
      return indexOf(buf, 0, lineEnd, CURSOR_A) >= 0 ? PAGE_B : PAGE_A;
    }
    if (startsWith(buf, POST_YQT)) return YQT;
    if (startsWith(buf, POST_JUYIFU)) return JUYIFU;
    return NOT_FOUND;
  }

  private static int contentLength(byte[] buf, int headEnd) throws IOException {
    for (int i = 0; i + CONTENT_LENGTH.length < headEnd; i++) {
      if ((i == 0 || buf[i - 1] == '\n') && regionMatchesIgnoreCase(buf, i, CONTENT_LENGTH)) {
        int p = i + CONTENT_LENGTH.length;
        while (buf[p] == ' ') p++;
        int value = 0;
        while (buf[p] >= '0' && buf[p] <= '9') value = value * 10 + (buf[p++] - '0');
        return value;
      }
    }
    for (int i = 0; i + TRANSFER_ENCODING.length < headEnd; i++) {
      if (buf[i] == '\n' && regionMatchesIgnoreCase(buf, i + 1, TRANSFER_ENCODING)) {
        throw new IOException("chunked requests are not supported");
      }
    }
    return 0;
  }

  private static boolean regionMatchesIgnoreCase(byte[] buf, int at, byte[] lowerCase) {
    for (int j = 0; j < lowerCase.length; j++) {
      int c = buf[at + j];
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      if (c != lowerCase[j]) return false;
    }
    return true;
  }

  private static boolean startsWith(byte[] buf, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (buf[i] != prefix[i]) return false;
    }
    return true;
  }

  private static int indexOf(byte[] buf, int from, int to, byte[] needle) {
    outer:
    for (int i = from; i <= to - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (buf[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  static byte[] response(int status, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\n"
            + "Content-Type: application/json; charset=utf-8\r\n"
            + "Content-Length: " + b.length + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(h, h.length + b.length);
    System.arraycopy(b, 0, out, h.length, b.length);
    return out;
  }

  /**
   * Runs the server in its own process until stdin closes or the process is killed. Prints {@code
   * listening <port>} once ready.
   *
   * <p>Usage: {@code java -cp <classpath> io.paykit.bench.LoopbackServer [port]}
   */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    try (LoopbackServer server = start(port)) {
      System.out.println("listening " + server.port());
      System.out.flush();
      // Parent closes our stdin (or kills us) to stop the server.
      while (System.in.read() >= 0) {
        // Ignore input.
      }
    }
  }
}
