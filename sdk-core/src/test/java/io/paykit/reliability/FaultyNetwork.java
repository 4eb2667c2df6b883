package io.paykit.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * Fault injection for the reliability suite: a MockWebServer {@link Dispatcher} in front of a stateful
 * gateway model that draws one fault per request (seeded), applied before or after the model
 * "processes" the request, and a client {@link SocketFactory} that refuses connections or resets them
 * before the request is written.
 */
final class FaultyNetwork {
  /** Seed of every random draw in the suite; printed, overridable with -Dpaykit.reliability.seed. */
  static final long SEED = Long.getLong("paykit.reliability.seed", 20261122L);
  /** Calls per operation; -Dpaykit.reliability.calls (the long script uses 100,000). */
  static final int CALLS = Integer.getInteger("paykit.reliability.calls", 1000);
  /** Fuzz cases per target; -Dpaykit.reliability.fuzzCases. */
  static final int FUZZ_CASES = Integer.getInteger("paykit.reliability.fuzzCases", 2000);
  /** The client read timeout that turns NO_RESPONSE into a read timeout. */
  static final long READ_TIMEOUT_MILLIS = 100;

  private FaultyNetwork() {}

  /** What the model does with a request that got through. */
  interface Model {
    MockResponse process(RecordedRequest request);
  }

  /** Every fault the suite injects. */
  enum Fault {
    CONNECTION_REFUSED(0),
    RESET_BEFORE_SEND(0),
    RESET_AFTER_PROCESSING(4),
    READ_TIMEOUT_AFTER_PROCESSING(1),
    HTTP_500(4),
    HTTP_502(4),
    HTTP_503(4),
    HTTP_504(4),
    HTTP_429_RETRY_AFTER(4),
    HTML_ERROR_PAGE(4),
    TRUNCATED_JSON(4),
    EMPTY_BODY(4),
    WRONG_SHAPE_JSON(4);

    final int weight;

    Fault(int weight) {
      this.weight = weight;
    }
  }

  /** The server side: one fault drawn per request with probability {@code rate}. */
  static final class FaultyDispatcher extends Dispatcher {
    private final Model model;
    private final String wrongShape;
    private final Random random;
    private final double rate;
    final Map<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    volatile boolean enabled = true;

    FaultyDispatcher(Model model, String wrongShape, long seed, double rate) {
      this.model = model;
      this.wrongShape = wrongShape;
      this.random = new Random(seed);
      this.rate = rate;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (request.getPath() == null) return new MockResponse();
      requests.incrementAndGet();
      Fault fault;
      boolean beforeProcessing;
      synchronized (random) {
        fault = enabled && random.nextDouble() < rate ? draw(random) : null;
        beforeProcessing = random.nextBoolean();
      }
      if (fault == null) return model.process(request);
      injected.computeIfAbsent(fault, k -> new AtomicInteger()).incrementAndGet();
      switch (fault) {
        case RESET_AFTER_PROCESSING:
          model.process(request);
          return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        case READ_TIMEOUT_AFTER_PROCESSING:
          model.process(request);
          return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        case HTTP_500:
        case HTTP_502:
        case HTTP_503:
        case HTTP_504:
          // A proxy may answer 5xx before the gateway saw the request, or after it acted on it.
          if (!beforeProcessing) model.process(request);
          return new MockResponse()
              .setResponseCode(Integer.parseInt(fault.name().substring(5)))
              .setBody("{\"error\":{\"type\":\"api_error\",\"message\":\"injected\"},\"code\":4500,\"msg\":\"injected\"}");
        case HTTP_429_RETRY_AFTER:
          return new MockResponse().setResponseCode(429).setHeader("Retry-After", "1").setBody("{}");
        case HTML_ERROR_PAGE:
          if (!beforeProcessing) model.process(request);
          return new MockResponse()
              .setResponseCode(beforeProcessing ? 502 : 200)
              .setHeader("Content-Type", "text/html")
              .setBody("<html><body><h1>502 Bad Gateway</h1></body></html>");
        case TRUNCATED_JSON:
          {
            MockResponse ok = model.process(request);
            String body = ok.getBody() == null ? "" : ok.getBody().readUtf8();
            return ok.setBody(body.substring(0, Math.max(1, body.length() / 2)));
          }
        case EMPTY_BODY:
          return model.process(request).setBody("");
        case WRONG_SHAPE_JSON:
          return model.process(request).setBody(wrongShape);
        default:
          throw new AssertionError(fault);
      }
    }

    private static Fault draw(Random random) {
      int total = 0;
      for (Fault f : Fault.values()) total += f.weight;
      int r = random.nextInt(total);
      for (Fault f : Fault.values()) {
        r -= f.weight;
        if (r < 0) return f;
      }
      throw new AssertionError();
    }
  }

  /** The client side: refuses a connection, or resets it before the request is written. */
  static final class FaultySocketFactory extends SocketFactory {
    private final Random random;
    private final double rate;
    final Map<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();
    final AtomicInteger connections = new AtomicInteger();
    volatile boolean enabled = true;

    FaultySocketFactory(long seed, double rate) {
      this.random = new Random(seed);
      this.rate = rate;
    }

    @Override
    public Socket createSocket() {
      Fault fault = null;
      synchronized (random) {
        if (enabled && random.nextDouble() < rate) {
          fault = random.nextBoolean() ? Fault.CONNECTION_REFUSED : Fault.RESET_BEFORE_SEND;
        }
      }
      if (fault != null) injected.computeIfAbsent(fault, k -> new AtomicInteger()).incrementAndGet();
      connections.incrementAndGet();
      return new FaultySocket(fault);
    }

    @Override
    public Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException();
    }
  }

  private static final class FaultySocket extends Socket {
    private final Fault fault;

    FaultySocket(Fault fault) {
      this.fault = fault;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (fault == Fault.CONNECTION_REFUSED) {
        throw new ConnectException("Connection refused (injected)");
      }
      super.connect(endpoint, timeout);
      // Without it the delayed ACK costs 40 ms a request on loopback.
      setTcpNoDelay(true);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      OutputStream out = super.getOutputStream();
      if (fault != Fault.RESET_BEFORE_SEND) return out;
      return new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          reset();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          reset();
        }

        private void reset() throws IOException {
          FaultySocket.this.close();
          throw new SocketException("Connection reset (injected, before the request was sent)");
        }
      };
    }
  }

  /** An OkHttpClient without connection reuse, so every request meets the socket factory. */
  static OkHttpClient okHttp(FaultySocketFactory sockets) {
    OkHttpClient.Builder b = new OkHttpClient.Builder().socketFactory(sockets);
    if (!Boolean.getBoolean("paykit.reliability.pool")) b.connectionPool(new ConnectionPool(0, 1, TimeUnit.MILLISECONDS));
    return b
        .readTimeout(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        .build();
  }

  /** Merges the faults injected on both sides, by kind. */
  static Map<Fault, Integer> faults(FaultyDispatcher server, FaultySocketFactory client) {
    Map<Fault, Integer> all = new TreeMap<>();
    for (Map.Entry<Fault, AtomicInteger> e : server.injected.entrySet()) all.merge(e.getKey(), e.getValue().get(), Integer::sum);
    for (Map.Entry<Fault, AtomicInteger> e : client.injected.entrySet()) all.merge(e.getKey(), e.getValue().get(), Integer::sum);
    return all;
  }
}
