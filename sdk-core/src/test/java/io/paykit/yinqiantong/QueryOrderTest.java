package io.paykit.yinqiantong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.ApiException;
import io.paykit.InvalidResponseException;
import io.paykit.yinqiantong.Fixtures.RecordingSleeper;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** queryOrder and queryOrderByOutTradeNo on the wire, V2 codes and V1 statuses. */
class QueryOrderTest {
  private final MockWebServer server = new MockWebServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private OrderState v2Answer(String body) {
    server.enqueue(new MockResponse().setBody(body));
    return Fixtures.v2(server, sleeper).build().queryOrder("1540449058");
  }

  @Test
  void v2SendsAnUnsignedGetWithAppidNumberAndTs() throws Exception {
    assertEquals(OrderState.PAID, v2Answer("{\"code\":200,\"msg\":\"支付成功\"}"));
    RecordedRequest recorded = server.takeRequest();
    assertEquals("GET", recorded.getMethod());
    assertEquals("/order?appid=00000000&client_out_trade_no=1540449058&ts=1541051068", recorded.getPath());
    assertNull(recorded.getHeader("sign"));
    assertNull(recorded.getHeader("appkey"));
    assertEquals(0, recorded.getBodySize());
  }

  @Test
  void v2QueryByOutTradeNoUsesThatParameter() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"code\":4201}"));
    OrderState state =
        Fixtures.v2(server, sleeper).build().queryOrderByOutTradeNo("00000000231540451777acf9947");
    assertEquals(OrderState.AWAITING_PAYMENT, state);
    assertEquals(
        "/order?appid=00000000&out_trade_no=00000000231540451777acf9947&ts=1541051068",
        server.takeRequest().getPath());
  }

  @Test
  void v2CodesMapToStates() {
    assertEquals(OrderState.AWAITING_PAYMENT, v2Answer("{\"code\":4201,\"msg\":\"待支付\"}"));
    assertEquals(OrderState.FAILED, v2Answer("{\"code\":4400,\"msg\":\"支付失败\"}"));
    assertEquals(OrderState.EXPIRED, v2Answer("{\"code\":4408,\"msg\":\"订单已过期\"}"));
    assertEquals(OrderState.NOT_FOUND, v2Answer("{\"code\":\"4404\",\"msg\":\"订单不存在\"}"));
  }

  @Test
  void v2ErrorCodesAreRetrySafeApiExceptions() {
    YinqiantongApiException bad =
        assertThrows(YinqiantongApiException.class, () -> v2Answer("{\"code\":4414,\"msg\":\"参数错误\"}"));
    assertEquals(BusinessCode.INVALID_REQUEST, bad.getBusinessCode());
    assertTrue(bad.isRetrySafe());
    YinqiantongApiException down =
        assertThrows(YinqiantongApiException.class, () -> v2Answer("{\"code\":4500,\"msg\":\"服务器错误\"}"));
    assertEquals(BusinessCode.SERVER_ERROR, down.getBusinessCode());
    assertEquals("服务器错误", down.getGatewayMessage());
    assertTrue(down.isRetrySafe());
  }

  @Test
  void unreadableAnswersAreInvalidResponses() {
    assertThrows(InvalidResponseException.class, () -> v2Answer("<html>oops</html>"));
    assertThrows(InvalidResponseException.class, () -> v2Answer("{\"code\":20"));
    assertThrows(InvalidResponseException.class, () -> v2Answer("{\"msg\":\"no code\"}"));
    assertThrows(InvalidResponseException.class, () -> v2Answer("[200]"));
    assertThrows(InvalidResponseException.class, () -> v2Answer(""));
  }

  @Test
  void http5xxIsRetriedByTheTransportBecauseAQueryIsARead() {
    server.enqueue(new MockResponse().setResponseCode(502));
    server.enqueue(new MockResponse().setBody("{\"code\":200}"));
    assertEquals(OrderState.PAID, Fixtures.v2(server, sleeper).build().queryOrder("1540449058"));
    assertEquals(2, server.getRequestCount());
    assertEquals(1, sleeper.waits.size());

    for (int i = 0; i < 3; i++) server.enqueue(new MockResponse().setResponseCode(500));
    ApiException e =
        assertThrows(
            ApiException.class, () -> Fixtures.v2(server, sleeper).build().queryOrder("1540449058"));
    assertEquals(500, e.getHttpStatus());
    assertTrue(e.isRetrySafe());
  }

  @Test
  void v1SendsSignedHeadersAndMapsTheOrderStatus() throws Exception {
    YinqiantongClient client = Fixtures.v1(server, sleeper).build();
    String[] statuses = {"unpaid", "paid", "expired", "refunding", "refunded", "0", "2", "frozen"};
    OrderState[] expected = {
      OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.EXPIRED, OrderState.PAID,
      OrderState.PAID, OrderState.AWAITING_PAYMENT, OrderState.FAILED, OrderState.UNKNOWN
    };
    for (int i = 0; i < statuses.length; i++) {
      server.enqueue(
          new MockResponse()
              .setBody("{\"code\":200,\"msg\":\"ok\",\"data\":{\"out_trade_no\":\"x\",\"status\":\""
                  + statuses[i] + "\"}}"));
      assertEquals(expected[i], client.queryOrder("1540449058"), statuses[i]);
    }
    RecordedRequest recorded = server.takeRequest();
    assertEquals("/order?appid=00000000&client_out_trade_no=1540449058", recorded.getPath());
    assertEquals("00000000", recorded.getHeader("appid"));
    assertEquals(Fixtures.APP_KEY, recorded.getHeader("appkey"));
    assertEquals("1536053843", recorded.getHeader("ts"));
    assertEquals("d93c607e3396c4461f830ae000af09f5", recorded.getHeader("sign"));
  }

  @Test
  void v1FallsBackToTheCodeWhenNoOrderComesBack() {
    YinqiantongClient client = Fixtures.v1(server, sleeper).build();
    server.enqueue(new MockResponse().setBody("{\"code\":4404,\"msg\":\"not found\"}"));
    assertEquals(OrderState.NOT_FOUND, client.queryOrder("1540449058"));
    server.enqueue(new MockResponse().setBody("{\"code\":4201,\"msg\":\"\"}"));
    assertEquals(OrderState.AWAITING_PAYMENT, client.queryOrder("1540449058"));
    server.enqueue(new MockResponse().setBody("{\"code\":4403,\"msg\":\"sign\"}"));
    YinqiantongApiException e =
        assertThrows(YinqiantongApiException.class, () -> client.queryOrder("1540449058"));
    assertEquals(BusinessCode.SIGNATURE_ERROR, e.getBusinessCode());
  }
}
