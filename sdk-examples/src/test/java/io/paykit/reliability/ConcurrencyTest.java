package io.paykit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.juyifu.JuyifuClient;
import io.paykit.qbitpay.Charge;
import io.paykit.qbitpay.ChargeCreateParams;
import io.paykit.qbitpay.ChargeListParams;
import io.paykit.qbitpay.QbitPayClient;
import io.paykit.sandbox.Gateway;
import io.paykit.sandbox.PayKitSandbox;
import io.paykit.yinqiantong.Channel;
import io.paykit.yinqiantong.CreateOrderParams;
import io.paykit.yinqiantong.Order;
import io.paykit.yinqiantong.OrderState;
import io.paykit.yinqiantong.Platform;
import io.paykit.yinqiantong.YinqiantongClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One client per gateway shared by 64 threads for many mixed calls against the sandbox: no errors, no
 * cross-talk, one token fetch per expiry, and never more connections open at once than threads.
 */
class ConcurrencyTest {
  private static final int THREADS = 64;
  /** Calls per gateway; -Dpaykit.reliability.concurrentCalls (the long script uses more). */
  private static final int CALLS = Integer.getInteger("paykit.reliability.concurrentCalls", 3_000);

  private static PayKitSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = PayKitSandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Counts the connections a client opens, and its token fetches. */
  static final class Counting {
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger maxOpen = new AtomicInteger();
    final AtomicInteger tokenFetches = new AtomicInteger();

    OkHttpClient okHttp() {
      SocketFactory plain = SocketFactory.getDefault();
      SocketFactory counting =
          new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
              connections.incrementAndGet();
              maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
              Socket s =
                  new Socket() {
                    private boolean closed;

                    @Override
                    public synchronized void close() throws IOException {
                      if (!closed) open.decrementAndGet();
                      closed = true;
                      super.close();
                    }
                  };
              s.setTcpNoDelay(true);
              return s;
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
          };
      return new OkHttpClient.Builder()
          .socketFactory(counting)
          .addNetworkInterceptor(chain -> {
            if (chain.request().url().encodedPath().endsWith("/token")) tokenFetches.incrementAndGet();
            return chain.proceed(chain.request());
          })
          .build();
    }
  }

  /** A call that checks its own answer; returns a description of a mismatch, or null. */
  interface Call {
    String run(int i) throws Exception;
  }

  private static List<String> hammer(String gateway, Call call, Counting counting) {
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    assertTimeoutPreemptively(Duration.ofSeconds(Long.getLong("paykit.reliability.batchLimitSeconds", 120)), () -> {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          futures.add(pool.submit(() -> {
            for (int i; (i = next.getAndIncrement()) < CALLS; ) {
              try {
                String mismatch = call.run(i);
                if (mismatch != null) problems.add("call " + i + ": " + mismatch);
              } catch (Throwable e) {
                problems.add("call " + i + ": " + e);
              }
            }
          }));
        }
        for (Future<?> f : futures) f.get();
      } finally {
        pool.shutdownNow();
      }
    });
    System.out.println("[reliability] concurrency " + gateway + ": threads=" + THREADS + " calls=" + CALLS
        + " errors=" + problems.size() + " connectionsOpened=" + counting.connections + " maxOpenAtOnce="
        + counting.maxOpen + " tokenFetches="
        + counting.tokenFetches + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    return problems;
  }

  @Test
  void qbitPayClientSharedBy64ThreadsHasNoErrorsNorCrossTalk() {
    Counting counting = new Counting();
    QbitPayClient client = QbitPayClient.builder().apiKey(sandbox.qbitPayApiKey())
        .baseUrl(sandbox.baseUrl(Gateway.QBITPAY)).okHttpClient(counting.okHttp()).build();
    List<String> problems = hammer("qbitpay", i -> {
      String external = "cc-" + i;
      Charge c = client.createCharge(ChargeCreateParams.builder().amount(new BigDecimal("1.25")).currency("USD")
          .externalOrderId(external).cbUrl("https://shop.example/cb").redirectUrl("https://shop.example/r").build());
      if (!external.equals(c.getExternalOrderId())) return "created " + c.getExternalOrderId();
      if (i % 2 == 0) {
        Charge again = client.retrieveCharge(c.getId());
        if (!c.getId().equals(again.getId()) || !external.equals(again.getExternalOrderId())) return "retrieved another charge";
      } else {
        List<Charge> found = client.listCharges(ChargeListParams.builder().externalOrderId(external).build()).getData();
        if (found.size() != 1 || !c.getId().equals(found.get(0).getId())) return "listed " + found.size();
      }
      return null;
    }, counting);
    assertEquals(Collections.emptyList(), problems.subList(0, Math.min(10, problems.size())));
    assertTrue(counting.maxOpen.get() <= THREADS, "open connections " + counting.maxOpen);
  }

  @Test
  void yinqiantongClientSharedBy64ThreadsHasNoErrorsNorCrossTalk() {
    Counting counting = new Counting();
    YinqiantongClient client = YinqiantongClient.builder().appId(sandbox.yinqiantongAppId())
        .appSecret(sandbox.yinqiantongAppSecret()).baseUrl(sandbox.baseUrl(Gateway.YINQIANTONG))
        .okHttpClient(counting.okHttp()).build();
    List<String> problems = hammer("yinqiantong", i -> {
      String no = "CC" + i;
      Order o = client.createOrder(CreateOrderParams.builder().clientOutTradeNo(no).channel(Channel.WECHAT)
          .platform(Platform.H5).money(1 + i).clientIp("127.0.0.1").notifyUrl("https://shop.example/n").build());
      if (!no.equals(o.getClientOutTradeNo()) || o.getMoney() != 1 + i) return "created " + o.getClientOutTradeNo();
      OrderState state = client.queryOrder(no);
      return state == OrderState.AWAITING_PAYMENT ? null : "state " + state;
    }, counting);
    assertEquals(Collections.emptyList(), problems.subList(0, Math.min(10, problems.size())));
    assertTrue(counting.maxOpen.get() <= THREADS, "open connections " + counting.maxOpen);
  }

  @Test
  void juyifuClientSharedBy64ThreadsFetchesOneTokenPerExpiry() {
    Counting counting = new Counting();
    JuyifuClient client = JuyifuClient.builder().appId(Long.parseLong(sandbox.juyifuAppId()))
        .md5Secret(sandbox.juyifuMd5Secret()).autoToken().baseUrl(sandbox.baseUrl(Gateway.JUYIFU))
        .okHttpClient(counting.okHttp()).build();
    AtomicInteger revoked = new AtomicInteger();
    List<String> problems = hammer("juyifu", i -> {
      if (i == CALLS / 2 && revoked.getAndIncrement() == 0) sandbox.revokeJuyifuAccessTokens();
      io.paykit.juyifu.Order o = client.createOrder(io.paykit.juyifu.CreateOrderParams.builder().payType(1)
          .amount(100 + i).productId("P" + i).build());
      List<io.paykit.juyifu.Order> found = client.queryOrders(o.getId());
      if (found.size() != 1 || !o.getId().equals(found.get(0).getId())) return "queried another order";
      return null;
    }, counting);
    assertEquals(Collections.emptyList(), problems.subList(0, Math.min(10, problems.size())));
    assertEquals(2, counting.tokenFetches.get(), "one fetch at start, one after the revocation");
    assertTrue(counting.maxOpen.get() <= THREADS, "open connections " + counting.maxOpen);
  }
}
