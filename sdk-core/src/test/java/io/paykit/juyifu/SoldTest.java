package io.paykit.juyifu;

import static io.paykit.juyifu.TestSupport.APP_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.RequestOptions;
import io.paykit.page.Page;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** listSold: page-numbered paging behind {@link Page} (PROPOSED wire form, README §1). */
class SoldTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static String item(int n) {
    return "{\"order_id\":\"O" + n + "\",\"product_id\":\"P1\",\"product_name\":\"金币\",\"amount\":" + n
        + ",\"paid_at\":\"2024-1-2 3:04:05\"}";
  }

  /** Serves 9 items, 2 per page, as pages 1..5, answering from the request's page number. */
  private void serveNineItems(boolean withTotal) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            int page = Integer.parseInt(request.getRequestUrl().queryParameter("page"));
            StringBuilder data = new StringBuilder("[");
            for (int n = (page - 1) * 2 + 1; n <= Math.min(page * 2, 9); n++) {
              if (data.length() > 1) data.append(',');
              data.append(item(n));
            }
            data.append(']');
            String total = withTotal ? "\"total\":9," : "";
            return new MockResponse().setBody("{\"code\":0," + total + "\"data\":" + data + "}");
          }
        });
  }

  @ParameterizedTest
  @EnumSource(SigningKind.class)
  void sendsFiltersAndPageNumbersSigned(SigningKind kind) throws Exception {
    server.enqueue(new MockResponse().setBody("{\"code\":0,\"total\":1,\"data\":[" + item(1) + "]}"));
    SoldQueryParams params =
        SoldQueryParams.builder()
            .productId("P1")
            .startDate(LocalDate.of(2024, 1, 1))
            .endDate(LocalDate.of(2024, 1, 31))
            .pageSize(50)
            .build();

    Page<SoldItem> page = kind.client(server).build().listSold(params);

    RecordedRequest recorded = server.takeRequest();
    assertEquals("GET", recorded.getMethod());
    String query = "app_id=" + APP_ID + "&product_id=P1&start_date=2024-01-01&end_date=2024-01-31"
        + "&page=1&page_size=50";
    assertEquals(
        "/v1/sold?" + query
            + kind.tail("app_id=" + APP_ID + "&end_date=2024-01-31&page=1&page_size=50&product_id=P1"
                + "&start_date=2024-01-01"),
        recorded.getPath());
    SoldItem item = page.getData().get(0);
    assertEquals("O1", item.getOrderId());
    assertEquals("P1", item.getProductId());
    assertEquals("金币", item.getProductName());
    assertEquals(Long.valueOf(1), item.getAmount());
    assertEquals(Instant.parse("2024-01-01T19:04:05Z"), item.getPaidAt());
    assertFalse(page.hasMore());
  }

  @Test
  void autoPagingWalksFivePagesUntilTheTotalIsReached() throws Exception {
    serveNineItems(true);
    JuyifuClient client = TestSupport.md5Client(server).build();

    List<String> ids = new ArrayList<>();
    for (SoldItem item : client.listSold(SoldQueryParams.builder().pageSize(2).build()).autoPagingIterable()) {
      ids.add(item.getOrderId());
    }

    assertEquals(9, ids.size());
    assertEquals("O1", ids.get(0));
    assertEquals("O9", ids.get(8));
    assertEquals(5, server.getRequestCount());
    for (int page = 1; page <= 5; page++) {
      Map<String, String> query = TestSupport.form(server.takeRequest().getRequestUrl().encodedQuery());
      assertEquals(String.valueOf(page), query.get("page"));
      assertEquals("2", query.get("page_size"));
      assertEquals(
          TestSupport.md5Hex("app_id=" + APP_ID + "&page=" + page + "&page_size=2" + TestSupport.SECRET),
          query.get("sign"));
    }
  }

  @Test
  void withoutATotalAShortPageIsTheLast() {
    serveNineItems(false);

    Page<SoldItem> last =
        TestSupport.md5Client(server).build().listSold(SoldQueryParams.builder().page(5).pageSize(2).build());

    assertEquals(1, last.getData().size());
    assertFalse(last.hasMore());
    assertEquals(0, last.nextPage().getData().size());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void previousPageGoesBackwardAndIteratesTowardTheStart() {
    serveNineItems(true);
    JuyifuClient client = TestSupport.md5Client(server).build();
    Page<SoldItem> third = client.listSold(SoldQueryParams.builder().page(3).pageSize(2).build());
    assertTrue(third.hasMore());

    Page<SoldItem> second = third.previousPage();

    assertTrue(second.isBackward());
    assertTrue(second.hasMore());
    List<String> ids = new ArrayList<>();
    for (SoldItem item : second.autoPagingIterable()) ids.add(item.getOrderId());
    assertEquals("[O4, O3, O2, O1]", ids.toString());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void theFirstPageHasNoPreviousPage() {
    serveNineItems(true);
    Page<SoldItem> first =
        TestSupport.md5Client(server).build().listSold(SoldQueryParams.builder().pageSize(2).build());

    assertEquals(0, first.previousPage().getData().size());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void refusesNullParamsWithoutSending() {
    OrdersTest.assertMessage("params", () -> TestSupport.md5Client(server).build().listSold(null));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void laterPagesReuseTheRequestOptionsOfTheFirst() throws Exception {
    serveNineItems(true);
    RequestOptions options = RequestOptions.builder().header("X-Trace", "t-1").build();

    Page<SoldItem> first =
        TestSupport.md5Client(server).build().listSold(SoldQueryParams.builder().pageSize(2).build(), options);
    first.nextPage().nextPage();

    for (int i = 0; i < 3; i++) assertEquals("t-1", server.takeRequest().getHeader("X-Trace"));
  }

  @Test
  void theDraftsCountIsAcceptedInPlaceOfTotal() {
    String two = item(1) + "," + item(2);
    server.enqueue(new MockResponse().setBody("{\"code\":0,\"count\":3,\"data\":[" + two + "]}"));
    server.enqueue(new MockResponse().setBody("{\"code\":0,\"count\":2,\"data\":[" + two + "]}"));
    JuyifuClient client = TestSupport.md5Client(server).build();
    SoldQueryParams params = SoldQueryParams.builder().pageSize(2).build();

    assertTrue(client.listSold(params).hasMore());
    assertFalse(client.listSold(params).hasMore());
  }
}
