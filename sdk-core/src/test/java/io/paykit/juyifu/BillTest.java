package io.paykit.juyifu;

import static io.paykit.juyifu.TestSupport.APP_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** queryBill (PROPOSED wire form, README §1). */
class BillTest {
  private static final String BILL =
      "{\"date\":\"2024-01-04\",\"currency\":\"CNY\",\"order_count\":2,\"total_amount\":300,"
          + "\"refund_amount\":50,\"fee\":3,\"net_amount\":247,\"items\":["
          + "{\"order_id\":\"O1\",\"type\":\"payment\",\"amount\":300,\"fee\":3,\"occurred_at\":\"2024-1-4 12:00:00\"},"
          + "{\"order_id\":\"O1\",\"type\":\"refund\",\"amount\":50,\"fee\":0,\"occurred_at\":\"2024-1-4 13:00:00\"},"
          + "{\"order_id\":\"O2\",\"type\":\"chargeback\"}]}";

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
  void sendsTheDateSignedAndReadsTheBill(SigningKind kind) throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.ok(BILL)));

    Bill bill = kind.client(server).build().queryBill(LocalDate.of(2024, 1, 4));

    RecordedRequest recorded = server.takeRequest();
    assertEquals("GET", recorded.getMethod());
    assertEquals(
        "/v1/bills?app_id=" + APP_ID + "&date=2024-01-04" + kind.tail("app_id=" + APP_ID + "&date=2024-01-04"),
        recorded.getPath());
    assertEquals(LocalDate.of(2024, 1, 4), bill.getDate());
    assertEquals("CNY", bill.getCurrency());
    assertEquals(Long.valueOf(2), bill.getOrderCount());
    assertEquals(Long.valueOf(300), bill.getTotalAmount());
    assertEquals(Long.valueOf(50), bill.getRefundAmount());
    assertEquals(Long.valueOf(3), bill.getFee());
    assertEquals(Long.valueOf(247), bill.getNetAmount());
    assertEquals(3, bill.getItems().size());
    assertEquals(BillItemType.PAYMENT, bill.getItems().get(0).getType());
    assertEquals(Instant.parse("2024-01-04T04:00:00Z"), bill.getItems().get(0).getOccurredAt());
    assertEquals(BillItemType.REFUND, bill.getItems().get(1).getType());
    assertEquals(Long.valueOf(0), bill.getItems().get(1).getFee());
    assertEquals(BillItemType.UNKNOWN, bill.getItems().get(2).getType());
  }

  @Test
  void todayAtShanghaiIsAllowed() {
    server.enqueue(new MockResponse().setBody(TestSupport.ok(BILL)));

    // The clock says 2024-01-05T02:00Z, which is already 10:00 on the 5th in Shanghai.
    TestSupport.md5Client(server).build().queryBill(LocalDate.of(2024, 1, 5));

    assertEquals(1, server.getRequestCount());
  }

  @Test
  void refusesAFutureOrMissingDateWithoutSending() {
    JuyifuClient client = TestSupport.md5Client(server).build();

    OrdersTest.assertMessage("date", () -> client.queryBill(LocalDate.of(2024, 1, 6)));
    OrdersTest.assertMessage("date", () -> client.queryBill(null));
    assertEquals(0, server.getRequestCount());
  }
}
