package io.paykit.yinqiantong;

import static io.paykit.yinqiantong.Fixtures.params;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.ApiException;
import io.paykit.InvalidResponseException;
import io.paykit.NetworkException;
import io.paykit.yinqiantong.Fixtures.RecordingSleeper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** createOrder under ambiguous failures: exactly one order, whatever the network does. */
class SafeCreateTest {
  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final Gateway gateway = new Gateway();

  /** What the fake gateway does with the next create. */
  enum Create {
    /** Create the order, answer 200. */
    OK,
    /** Create the order, then drop the connection before answering. */
    CREATE_THEN_DROP,
    /** Drop the connection without creating the order (it never got processed). */
    DROP,
    /** Do not create; answer 4500. */
    SERVER_ERROR_4500,
    /** Create the order, then answer 4500. */
    CREATE_THEN_4500,
    /** Do not create; answer an HTML 503 page. */
    HTML_503,
    /** Create the order, answer 200 with no data. */
    CREATE_THEN_NO_DATA,
    /** Do not create; answer a redirect (never followed). */
    REDIRECT
  }

  /**
   * A fake gateway enforcing client_out_trade_no uniqueness, as the real one does (4409), recording
   * each order it created.
   */
  static final class Gateway extends Dispatcher {
    final Map<String, Integer> orders = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<byte[]> createBodies = Collections.synchronizedList(new ArrayList<>());
    final Deque<Create> creates = new ArrayDeque<>();
    /** Query answers to give instead of the real state (a stale replica), consumed in order. */
    final Deque<String> queryOverrides = new ArrayDeque<>();
    int queries;

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      HttpUrl url = request.getRequestUrl();
      if ("GET".equals(request.getMethod())) {
        queries++;
        if (!queryOverrides.isEmpty()) return json(queryOverrides.poll());
        Integer state = orders.get(url.queryParameter("client_out_trade_no"));
        return json("{\"code\":" + (state == null ? 4404 : state) + ",\"msg\":\"\"}");
      }
      byte[] body = request.getBody().readByteArray();
      createBodies.add(body);
      String no = clientOutTradeNo(new String(body, java.nio.charset.StandardCharsets.UTF_8));
      Create behaviour = creates.isEmpty() ? Create.OK : creates.poll();
      boolean makes = behaviour == Create.OK || behaviour == Create.CREATE_THEN_DROP
          || behaviour == Create.CREATE_THEN_4500 || behaviour == Create.CREATE_THEN_NO_DATA;
      if (makes && orders.containsKey(no)) return json("{\"code\":4409,\"msg\":\"exists\"}");
      if (makes) orders.put(no, 4201);
      switch (behaviour) {
        case CREATE_THEN_DROP:
        case DROP:
          return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        case SERVER_ERROR_4500:
        case CREATE_THEN_4500:
          return json("{\"code\":4500,\"msg\":\"server error\"}");
        case HTML_503:
          return new MockResponse().setResponseCode(503).setBody("<html>busy</html>");
        case CREATE_THEN_NO_DATA:
          return json("{\"code\":200,\"msg\":\"ok\"}");
        case REDIRECT:
          return new MockResponse().setResponseCode(302).setHeader("Location", "http://evil.example/");
        default:
          return json(
              "{\"code\":200,\"msg\":\"ok\",\"data\":{\"out_trade_no\":\"yqt" + no
                  + "\",\"pay_body\":\"https://pay.example/" + no + "\",\"expire_time\":1541058268}}");
      }
    }

    private static String clientOutTradeNo(String jsonBody) {
      int i = jsonBody.indexOf("\"client_out_trade_no\":\"") + 23;
      return jsonBody.substring(i, jsonBody.indexOf('"', i));
    }

    private static MockResponse json(String body) {
      return new MockResponse().setBody(body);
    }
  }

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(gateway);
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private YinqiantongClient client() {
    return Fixtures.v2(server, sleeper).build();
  }

  @Test
  void aDroppedConnectionAfterTheOrderWasMadeEndsInOneOrderAndATypedException() {
    gateway.creates.add(Create.CREATE_THEN_DROP);
    OrderAlreadyExistsException e =
        assertThrows(OrderAlreadyExistsException.class, () -> client().createOrder(params().build()));

    assertEquals(OrderState.AWAITING_PAYMENT, e.getOrderState());
    assertEquals("1540449058", e.getClientOutTradeNo());
    assertFalse(e.isRetrySafe());
    assertTrue(e.mayHaveReachedServer());
    assertTrue(e.getSuppressed()[0] instanceof NetworkException);
    assertEquals(1, gateway.orders.size());
    assertEquals(1, gateway.createBodies.size());
    assertEquals(1, gateway.queries);
  }

  @Test
  void aDroppedConnectionBeforeTheOrderWasMadeIsQueriedThenResentOnce() {
    gateway.creates.add(Create.DROP);
    Order order = client().createOrder(params().build());

    assertEquals("yqt1540449058", order.getOutTradeNo());
    assertEquals(1, gateway.orders.size());
    assertEquals(2, gateway.createBodies.size());
    assertEquals(1, gateway.queries);
    // The resend is the same request: same ts, same signature.
    assertArrayEquals(gateway.createBodies.get(0), gateway.createBodies.get(1));
    assertEquals(1, sleeper.waits.size());
  }

  @Test
  void a4409OnTheResendMeansTheFirstAttemptLanded() {
    gateway.creates.add(Create.CREATE_THEN_DROP);
    gateway.queryOverrides.add("{\"code\":4404,\"msg\":\"stale\"}");
    OrderAlreadyExistsException e =
        assertThrows(OrderAlreadyExistsException.class, () -> client().createOrder(params().build()));

    assertEquals(OrderState.UNKNOWN, e.getOrderState());
    assertTrue(e.getMessage().contains("earlier attempt"), e.getMessage());
    assertEquals(1, gateway.orders.size());
    assertEquals(2, gateway.createBodies.size());
  }

  @Test
  void a4500IsReconciledThroughAQuery() {
    gateway.creates.add(Create.CREATE_THEN_4500);
    OrderAlreadyExistsException exists =
        assertThrows(OrderAlreadyExistsException.class, () -> client().createOrder(params().build()));
    assertEquals(OrderState.AWAITING_PAYMENT, exists.getOrderState());
    assertEquals(1, gateway.createBodies.size());

    gateway.orders.clear();
    gateway.createBodies.clear();
    gateway.creates.add(Create.SERVER_ERROR_4500);
    Order order = client().createOrder(params().build());
    assertEquals("yqt1540449058", order.getOutTradeNo());
    assertEquals(1, gateway.orders.size());
    assertEquals(2, gateway.createBodies.size());
  }

  @Test
  void anHtml503AndAnUnreadableSuccessAreReconciledToo() {
    gateway.creates.add(Create.HTML_503);
    assertEquals("yqt1540449058", client().createOrder(params().build()).getOutTradeNo());
    assertEquals(2, gateway.createBodies.size());

    gateway.creates.add(Create.CREATE_THEN_NO_DATA);
    OrderAlreadyExistsException e =
        assertThrows(
            OrderAlreadyExistsException.class,
            () -> client().createOrder(params().clientOutTradeNo("B2").build()));
    assertTrue(e.getSuppressed()[0] instanceof InvalidResponseException);
    assertEquals(2, gateway.orders.size());
  }

  @Test
  void aRedirectIsNotFollowedButReconciled() {
    gateway.creates.add(Create.REDIRECT);
    assertEquals("yqt1540449058", client().createOrder(params().build()).getOutTradeNo());
    assertEquals(2, gateway.createBodies.size());
    assertEquals(1, gateway.queries);
    assertEquals(1, gateway.orders.size());
  }

  @Test
  void resendsAreBoundedByMaxRetriesAndTheLastFailureIsThrown() {
    gateway.creates.add(Create.DROP);
    gateway.creates.add(Create.DROP);
    YinqiantongClient client = Fixtures.v2(server, sleeper).maxRetries(1).build();
    NetworkException e =
        assertThrows(NetworkException.class, () -> client.createOrder(params().build()));

    assertTrue(e.mayHaveReachedServer());
    assertEquals(0, gateway.orders.size());
    assertEquals(2, gateway.createBodies.size());
    assertEquals(2, gateway.queries);
  }

  @Test
  void whenTheReconcilingQueryFailsTheOriginalFailureIsThrownNotRetrySafe() {
    gateway.creates.add(Create.CREATE_THEN_DROP);
    gateway.queryOverrides.add("{\"code\":4500,\"msg\":\"down\"}");
    NetworkException e =
        assertThrows(NetworkException.class, () -> client().createOrder(params().build()));

    assertFalse(e.isRetrySafe());
    assertTrue(e.getSuppressed()[0] instanceof YinqiantongApiException);
    assertEquals(1, gateway.createBodies.size());
    assertEquals(1, gateway.orders.size());
  }

  @Test
  void v1ReconcilesThroughItsOwnQuery() {
    gateway.creates.add(Create.CREATE_THEN_DROP);
    gateway.queryOverrides.add("{\"code\":200,\"msg\":\"ok\",\"data\":{\"status\":\"unpaid\"}}");
    YinqiantongClient client = Fixtures.v1(server, sleeper).build();
    OrderAlreadyExistsException e =
        assertThrows(
            OrderAlreadyExistsException.class,
            () -> client.createOrder(params().channel(Channel.ALIPAY).build()));
    assertEquals(OrderState.AWAITING_PAYMENT, e.getOrderState());
    assertEquals(1, gateway.createBodies.size());
  }

  @Test
  void refusalsAreNeverReconciled() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse().setResponseCode(429).setBody("{}");
          }
        });
    assertThrows(ApiException.class, () -> client().createOrder(params().build()));
    assertEquals(1, server.getRequestCount());
  }
}
