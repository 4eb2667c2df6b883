package io.paykit.juyifu;

import static io.paykit.juyifu.TestSupport.APP_ID;
import static io.paykit.juyifu.TestSupport.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.NetworkException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** createRefund and queryRefunds (PROPOSED wire form, README §1) with MD5 and RSA signing. */
class RefundsTest {
  private static final String REFUND =
      "{\"id\":\"R1\",\"order_id\":\"140713000685555335\",\"amount\":50,\"status\":1,"
          + "\"created_at\":\"2024-1-5 9:05:00\"}";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @ParameterizedTest
  @EnumSource(SigningKind.class)
  void createRefundPostsTheSignedFormToTheOrdersRefunds(SigningKind kind) throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.ok(REFUND)));

    Refund refund =
        kind.client(server)
            .build()
            .createRefund(
                "140713000685555335",
                RefundParams.builder().amount(50).reason("缺货").outRefundNo("R-1").build());

    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST", recorded.getMethod());
    assertEquals("/v1/orders/140713000685555335/refunds", recorded.getPath());
    assertEquals(
        "app_id=" + APP_ID + "&amount=50&reason=" + enc("缺货") + "&out_refund_no=R-1"
            + kind.tail("amount=50&app_id=" + APP_ID + "&out_refund_no=R-1&reason=缺货"),
        recorded.getBody().readUtf8());
    assertEquals("R1", refund.getId());
    assertEquals("140713000685555335", refund.getOrderId());
    assertEquals(Long.valueOf(50), refund.getAmount());
    assertEquals(RefundStatus.PROCESSING, refund.getStatus());
    assertEquals(Instant.parse("2024-01-05T01:05:00Z"), refund.getCreatedAt());
  }

  @ParameterizedTest
  @EnumSource(SigningKind.class)
  void queryRefundsSendsTheOrderIdAndReadsTheList(SigningKind kind) throws Exception {
    server.enqueue(
        new MockResponse()
            .setBody(TestSupport.ok("[" + REFUND + ",{\"id\":2,\"amount\":\"30\",\"status\":\"success\"}]")));

    List<Refund> refunds = kind.client(server).build().queryRefunds("140713000685555335");

    RecordedRequest recorded = server.takeRequest();
    assertEquals("GET", recorded.getMethod());
    assertEquals(
        "/v1/refunds?app_id=" + APP_ID + "&order_id=140713000685555335"
            + kind.tail("app_id=" + APP_ID + "&order_id=140713000685555335"),
        recorded.getPath());
    assertEquals(2, refunds.size());
    assertEquals("2", refunds.get(1).getId());
    assertEquals(Long.valueOf(30), refunds.get(1).getAmount());
    assertEquals(RefundStatus.SUCCESS, refunds.get(1).getStatus());
  }

  @Test
  void createRefundThatTimesOutIsNotResentAndPointsToQueryRefunds() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    JuyifuClient client = TestSupport.md5Client(server).readTimeout(Duration.ofMillis(250)).build();

    NetworkException e =
        assertThrows(
            NetworkException.class,
            () -> client.createRefund("O1", RefundParams.builder().amount(1).build()));

    assertTrue(e.mayHaveReachedServer());
    assertFalse(e.isRetrySafe());
    assertTrue(e.getMessage().contains("queryRefunds"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void refusesBadArgumentsWithoutSending() {
    JuyifuClient client = TestSupport.md5Client(server).build();
    RefundParams params = RefundParams.builder().amount(1).build();

    OrdersTest.assertMessage("orderId", () -> client.createRefund("a?b", params));
    OrdersTest.assertMessage("params", () -> client.createRefund("O1", null));
    OrdersTest.assertMessage("orderId", () -> client.queryRefunds(""));
    assertEquals(0, server.getRequestCount());
  }
}
