package io.paykit.reliability;

import static io.paykit.reliability.FaultyNetwork.CALLS;
import static io.paykit.reliability.FaultyNetwork.SEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import io.paykit.PayKitException;
import io.paykit.json.PayKitJson;
import io.paykit.juyifu.JuyifuClient;
import io.paykit.qbitpay.Charge;
import io.paykit.qbitpay.ChargeCreateParams;
import io.paykit.qbitpay.ChargeListParams;
import io.paykit.qbitpay.QbitPayClient;
import io.paykit.reliability.FaultyNetwork.FaultyDispatcher;
import io.paykit.reliability.FaultyNetwork.FaultySocketFactory;
import io.paykit.yinqiantong.Channel;
import io.paykit.yinqiantong.CreateOrderParams;
import io.paykit.yinqiantong.OrderState;
import io.paykit.yinqiantong.Platform;
import io.paykit.yinqiantong.YinqiantongClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every create and one or two reads of each gateway {@link FaultyNetwork#CALLS} times against a
 * stateful fake gateway that injects a seeded random fault into half the requests, and checks that
 * nothing is lost, nothing is doubled and only typed exceptions escape.
 */
class FaultInjectionTest {
  private static final double SERVER_FAULT_RATE = Double.parseDouble(System.getProperty("paykit.reliability.serverFaultRate", "0.5"));
  private static final double SOCKET_FAULT_RATE = Double.parseDouble(System.getProperty("paykit.reliability.socketFaultRate", "0.08"));
  private static final JsonAdapter<Object> JSON = PayKitJson.moshi().adapter(Object.class);

  private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG =
      java.util.logging.Logger.getLogger(MockWebServer.class.getName());

  private MockWebServer server;

  @BeforeAll
  static void printSeed() {
    // MockWebServer logs every request and every dropped connection through java.util.logging.
    MOCK_WEB_SERVER_LOG.setLevel(java.util.logging.Level.OFF);
    System.out.println("[reliability] fault injection seed=" + SEED + " calls=" + CALLS
        + " (rerun with -Dpaykit.reliability.seed=" + SEED + ")");
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) server.shutdown();
  }

  /** Outcome counts of one operation. */
  private static final class Tally {
    final String operation;
    int calls;
    int returned;
    int typedErrors;
    int duplicates;
    int losses;
    final List<String> problems = new ArrayList<>();

    Tally(String operation) {
      this.operation = operation;
    }

    void problem(int call, String what) {
      if (problems.size() < 10) problems.add("call " + call + ": " + what);
    }

    void report(FaultyDispatcher d, FaultySocketFactory s) {
      System.out.println("[reliability] " + operation + ": calls=" + calls + " requests=" + d.requests
          + " connections=" + s.connections + " faults=" + FaultyNetwork.faults(d, s)
          + " returned=" + returned + " typedErrors=" + typedErrors + " duplicates=" + duplicates
          + " losses=" + losses + " untypedEscapes=" + (problems.isEmpty() ? 0 : problems.size()));
      assertEquals(Collections.emptyList(), problems, operation + " (seed " + SEED + ")");
      assertEquals(0, duplicates, "duplicates");
      assertEquals(0, losses, "losses");
      assertEquals(calls, returned + typedErrors);
    }
  }

  /**
   * Checks one create: {@code stored} is how many objects the gateway holds for the call's key after
   * the call, {@code result} what the call returned (null when it threw {@code thrown}).
   */
  private static void judgeCreate(Tally t, int call, int stored, Object result, Throwable thrown) {
    t.calls++;
    if (stored > 1) {
      t.duplicates++;
      t.problem(call, stored + " objects stored for one key");
    }
    if (thrown == null) {
      t.returned++;
      if (stored != 1) {
        t.losses++;
        t.problem(call, "returned an object the gateway does not hold");
      }
      return;
    }
    if (!(thrown instanceof PayKitException)) {
      t.problem(call, "untyped " + thrown);
      return;
    }
    t.typedErrors++;
    PayKitException e = (PayKitException) thrown;
    if (stored > 0 && !e.mayHaveReachedServer()) {
      t.losses++;
      t.problem(call, "said the request never reached the gateway, which holds it: " + e);
    }
    if (stored > 0 && e.isRetrySafe()) {
      t.losses++;
      t.problem(call, "said resending is safe although the gateway holds it: " + e);
    }
  }

  private static void judgeRead(Tally t, int call, boolean correct, Throwable thrown) {
    t.calls++;
    if (thrown == null) {
      t.returned++;
      if (!correct) t.problem(call, "returned a wrong object");
    } else if (thrown instanceof PayKitException) {
      t.typedErrors++;
    } else {
      t.problem(call, "untyped " + thrown);
    }
  }

  private FaultyDispatcher start(FaultyNetwork.Model model, String wrongShape, long salt) throws IOException {
    FaultyDispatcher d = new FaultyDispatcher(model, wrongShape, SEED ^ salt, SERVER_FAULT_RATE);
    server = new MockWebServer();
    server.setDispatcher(d);
    server.start();
    return d;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(RecordedRequest r) {
    try {
      return (Map<String, Object>) JSON.fromJson(r.getBody().readUtf8());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, String> form(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) return m;
    try {
      for (String pair : text.split("&")) {
        int eq = pair.indexOf('=');
        m.put(URLDecoder.decode(pair.substring(0, eq), "UTF-8"), URLDecoder.decode(pair.substring(eq + 1), "UTF-8"));
      }
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
    return m;
  }

  private static MockResponse ok(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  // ------------------------------------------------------------------------------------ Qbit Pay

  /** Qbit Pay: charges by id; duplicate externalOrderIds are allowed, as by the real gateway. */
  private static final class QbitModel implements FaultyNetwork.Model {
    final Map<String, List<String>> byExternal = new ConcurrentHashMap<>();
    final Map<String, String> charges = new ConcurrentHashMap<>();
    final AtomicInteger ids = new AtomicInteger();

    String charge(String id, String external, int n) {
      return "{\"id\":\"" + id + "\",\"object\":\"charge\",\"createdAt\":\""
          + Instant.ofEpochSecond(1_700_000_000L + n) + "\",\"paid\":false,\"status\":\"pending\","
          + "\"amount\":10.50,\"currency\":\"USD\",\"externalOrderId\":\"" + external + "\","
          + "\"paymentPageUrl\":\"https://pay.example/#/otc/payment?tradeId=" + id + "\"}";
    }

    synchronized String store(String external) {
      int n = ids.incrementAndGet();
      String id = "ch_" + n;
      charges.put(id, charge(id, external, n));
      byExternal.computeIfAbsent(external, k -> new CopyOnWriteArrayList<>()).add(id);
      return id;
    }

    @Override
    public synchronized MockResponse process(RecordedRequest r) {
      HttpUrl url = r.getRequestUrl();
      String path = url.encodedPath();
      if (r.getMethod().equals("POST") && path.equals("/api/v1/charges")) {
        return ok(charges.get(store((String) json(r).get("externalOrderId"))));
      }
      if (r.getMethod().equals("GET") && path.equals("/api/v1/charges")) {
        List<String> found = byExternal.getOrDefault(url.queryParameter("externalOrderId"), Collections.emptyList());
        StringBuilder b = new StringBuilder("{\"object\":\"list\",\"url\":\"/api/v1/charges\",\"data\":[");
        for (int i = found.size() - 1; i >= 0; i--) {
          b.append(charges.get(found.get(i))).append(i > 0 ? "," : "");
        }
        return ok(b.append("]}").toString());
      }
      if (r.getMethod().equals("GET") && path.startsWith("/api/v1/charges/")) {
        String c = charges.get(path.substring("/api/v1/charges/".length()));
        if (c != null) return ok(c);
        return ok("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"no such charge\"}}").setResponseCode(404);
      }
      return new MockResponse().setResponseCode(400).setBody("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"?\"}}");
    }
  }

  private QbitPayClient qbit(FaultySocketFactory sockets) {
    return QbitPayClient.builder()
        .apiKey("sk_reliability_key")
        .baseUrl(server.url("/").toString())
        .okHttpClient(FaultyNetwork.okHttp(sockets))
        .sleeper(d -> {})
        .build();
  }

  @Test
  void qbitPayCreateChargeNeverDuplicatesNorLosesACharge() throws IOException {
    QbitModel model = new QbitModel();
    FaultyDispatcher d = start(model, "[{\"unexpected\":true}]", 1);
    FaultySocketFactory sockets = new FaultySocketFactory(SEED ^ 11, SOCKET_FAULT_RATE);
    QbitPayClient client = qbit(sockets);
    Tally t = new Tally("qbitpay.createCharge");
    for (int i = 0; i < CALLS; i++) {
      String external = "ord-" + i;
      Charge result = null;
      Throwable thrown = null;
      try {
        result = client.createCharge(ChargeCreateParams.builder()
            .amount(new BigDecimal("10.50")).currency("USD").externalOrderId(external)
            .cbUrl("https://shop.example/cb").redirectUrl("https://shop.example/paid").build());
      } catch (Throwable e) {
        thrown = e;
      }
      List<String> stored = model.byExternal.getOrDefault(external, Collections.emptyList());
      judgeCreate(t, i, stored.size(), result, thrown);
      if (result != null && !stored.contains(result.getId())) t.problem(i, "returned a charge it did not create");
    }
    t.report(d, sockets);
  }

  @Test
  void qbitPayReadsReturnTheRightChargeOrATypedError() throws IOException {
    QbitModel model = new QbitModel();
    FaultyDispatcher d = start(model, "{\"data\":7,\"object\":[]}", 2);
    model.store("seed-order");
    FaultySocketFactory sockets = new FaultySocketFactory(SEED ^ 12, SOCKET_FAULT_RATE);
    QbitPayClient client = qbit(sockets);
    Tally retrieve = new Tally("qbitpay.retrieveCharge");
    Tally list = new Tally("qbitpay.listCharges");
    for (int i = 0; i < CALLS; i++) {
      boolean byList = (i & 1) == 1;
      Tally t = byList ? list : retrieve;
      Charge c = null;
      Throwable thrown = null;
      try {
        c = byList
            ? client.listCharges(ChargeListParams.builder().externalOrderId("seed-order").build()).getData().get(0)
            : client.retrieveCharge("ch_1");
      } catch (Throwable e) {
        thrown = e;
      }
      judgeRead(t, i, c != null && "ch_1".equals(c.getId()) && "seed-order".equals(c.getExternalOrderId()), thrown);
    }
    assertEquals(1, model.charges.size(), "reads created nothing");
    retrieve.report(d, sockets);
    list.report(d, sockets);
  }

  // ----------------------------------------------------------------------------------- 银钱通

  /** 银钱通 V2: orders by client_out_trade_no; a second create with the same number is 4409. */
  private static final class YinqiantongModel implements FaultyNetwork.Model {
    final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    final AtomicInteger ids = new AtomicInteger();

    @Override
    public synchronized MockResponse process(RecordedRequest r) {
      if (r.getMethod().equals("POST")) {
        String no = (String) json(r).get("client_out_trade_no");
        if (created.containsKey(no)) return ok("{\"code\":4409,\"msg\":\"client_out_trade_no exists\"}");
        created.computeIfAbsent(no, k -> new AtomicInteger()).incrementAndGet();
        return ok("{\"code\":200,\"msg\":\"ok\",\"data\":{\"out_trade_no\":\"Y" + ids.incrementAndGet()
            + "\",\"pay_body\":\"https://pay.example/p\",\"expire_time\":1800000000}}");
      }
      String no = r.getRequestUrl().queryParameter("client_out_trade_no");
      return ok(created.containsKey(no) ? "{\"code\":4201,\"msg\":\"awaiting payment\"}" : "{\"code\":4404,\"msg\":\"not found\"}");
    }
  }

  private YinqiantongClient yinqiantong(FaultySocketFactory sockets) {
    return YinqiantongClient.builder()
        .appId("00000000")
        .appSecret("your_app_secret")
        .baseUrl(server.url("/").toString())
        .okHttpClient(FaultyNetwork.okHttp(sockets))
        .sleeper(d -> {})
        .build();
  }

  @Test
  void yinqiantongCreateOrderNeverDuplicatesNorLosesAnOrder() throws IOException {
    YinqiantongModel model = new YinqiantongModel();
    FaultyDispatcher d = start(model, "{\"code\":200,\"msg\":\"ok\",\"data\":[1,2]}", 3);
    FaultySocketFactory sockets = new FaultySocketFactory(SEED ^ 13, SOCKET_FAULT_RATE);
    YinqiantongClient client = yinqiantong(sockets);
    Tally t = new Tally("yinqiantong.createOrder");
    for (int i = 0; i < CALLS; i++) {
      String no = "R" + i;
      Object result = null;
      Throwable thrown = null;
      try {
        result = client.createOrder(CreateOrderParams.builder().clientOutTradeNo(no).channel(Channel.WECHAT)
            .platform(Platform.H5).money(1).clientIp("127.0.0.1").notifyUrl("https://shop.example/n").build());
      } catch (Throwable e) {
        thrown = e;
      }
      AtomicInteger n = model.created.get(no);
      judgeCreate(t, i, n == null ? 0 : n.get(), result, thrown);
    }
    t.report(d, sockets);
  }

  @Test
  void yinqiantongQueryOrderReturnsTheRightStateOrATypedError() throws IOException {
    YinqiantongModel model = new YinqiantongModel();
    FaultyDispatcher d = start(model, "[\"code\",200]", 4);
    model.created.put("SEED1", new AtomicInteger(1));
    FaultySocketFactory sockets = new FaultySocketFactory(SEED ^ 14, SOCKET_FAULT_RATE);
    YinqiantongClient client = yinqiantong(sockets);
    Tally t = new Tally("yinqiantong.queryOrder");
    for (int i = 0; i < CALLS; i++) {
      OrderState s = null;
      Throwable thrown = null;
      try {
        s = client.queryOrder("SEED1");
      } catch (Throwable e) {
        thrown = e;
      }
      judgeRead(t, i, s == OrderState.AWAITING_PAYMENT, thrown);
    }
    t.report(d, sockets);
  }

  // ------------------------------------------------------------------------------------ 聚易付

  /**
   * 聚易付: no uniqueness key, so the model counts creates per distinct call (each call carries its
   * own memo): two for one memo means a create was sent again after it may have landed.
   */
  private static final class JuyifuModel implements FaultyNetwork.Model {
    final Map<String, AtomicInteger> byMemo = new ConcurrentHashMap<>();
    final Map<String, String> orders = new ConcurrentHashMap<>();
    final AtomicInteger ids = new AtomicInteger(100000);

    String order(String id, String memo) {
      return "{\"id\":\"" + id + "\",\"status\":1,\"type\":0,\"created_at\":\"2026-11-1 09:00:00\","
          + "\"payment\":{\"type\":1,\"platform\":1,\"amount\":100,\"currency\":\"CNY\"},\"memo\":\"" + memo + "\"}";
    }

    @Override
    public synchronized MockResponse process(RecordedRequest r) {
      if (r.getMethod().equals("POST")) {
        String memo = form(r.getBody().readUtf8()).get("memo");
        byMemo.computeIfAbsent(memo, k -> new AtomicInteger()).incrementAndGet();
        String id = Integer.toString(ids.incrementAndGet());
        orders.put(id, order(id, memo));
        return ok("{\"code\":0,\"message\":\"ok\",\"data\":" + orders.get(id) + "}");
      }
      List<String> found = new ArrayList<>();
      for (String id : r.getRequestUrl().queryParameterValues("ids")) {
        if (orders.containsKey(id)) found.add(orders.get(id));
      }
      return ok("{\"code\":0,\"message\":\"ok\",\"total\":" + found.size() + ",\"data\":[" + String.join(",", found) + "]}");
    }
  }

  private JuyifuClient juyifu(FaultySocketFactory sockets) {
    return JuyifuClient.builder()
        .appId(6018561003558745L)
        .md5Secret("019fafebfebf4a9d28c989254660f46c")
        .baseUrl(server.url("/").toString())
        .okHttpClient(FaultyNetwork.okHttp(sockets))
        .sleeper(d -> {})
        .build();
  }

  @Test
  void juyifuCreateOrderIsNeverSentAgainAfterItMayHaveLanded() throws IOException {
    JuyifuModel model = new JuyifuModel();
    FaultyDispatcher d = start(model, "{\"code\":0,\"message\":\"ok\",\"data\":[\"x\"]}", 5);
    FaultySocketFactory sockets = new FaultySocketFactory(SEED ^ 15, SOCKET_FAULT_RATE);
    JuyifuClient client = juyifu(sockets);
    Tally t = new Tally("juyifu.createOrder");
    for (int i = 0; i < CALLS; i++) {
      String memo = "call-" + i;
      io.paykit.juyifu.Order result = null;
      Throwable thrown = null;
      try {
        result = client.createOrder(io.paykit.juyifu.CreateOrderParams.builder().payType(1).amount(100).memo(memo).build());
      } catch (Throwable e) {
        thrown = e;
      }
      AtomicInteger n = model.byMemo.get(memo);
      judgeCreate(t, i, n == null ? 0 : n.get(), result, thrown);
      if (result != null && !model.orders.containsKey(result.getId())) t.problem(i, "returned an unknown order");
    }
    t.report(d, sockets);
  }

  @Test
  void juyifuQueryOrdersReturnsTheRightOrdersOrATypedError() throws IOException {
    JuyifuModel model = new JuyifuModel();
    FaultyDispatcher d = start(model, "{\"code\":0,\"message\":\"ok\",\"data\":{\"id\":1}}", 6);
    model.orders.put("777000", model.order("777000", "seed"));
    FaultySocketFactory sockets = new FaultySocketFactory(SEED ^ 16, SOCKET_FAULT_RATE);
    JuyifuClient client = juyifu(sockets);
    Tally t = new Tally("juyifu.queryOrders");
    Function<List<io.paykit.juyifu.Order>, Boolean> right =
        list -> list.size() == 1 && "777000".equals(list.get(0).getId());
    for (int i = 0; i < CALLS; i++) {
      List<io.paykit.juyifu.Order> found = null;
      Throwable thrown = null;
      try {
        found = client.queryOrders("777000", "404404");
      } catch (Throwable e) {
        thrown = e;
      }
      judgeRead(t, i, found != null && right.apply(found), thrown);
    }
    assertTrue(model.byMemo.isEmpty(), "reads created nothing");
    t.report(d, sockets);
  }

  @SuppressWarnings("unused")
  private static Duration unused() {
    return Duration.ZERO;
  }
}
