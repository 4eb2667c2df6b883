package io.paykit.qbitpay;

import static io.paykit.qbitpay.TestSupport.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.InvalidResponseException;
import io.paykit.page.Page;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QbitPayClientPagingTest {
  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
  private QbitPayClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = TestSupport.client(server, sleeper).build();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /**
   * Serves charges newest first with the documented cursor rules: {@code starting_after} gives the
   * items after the cursor, {@code ending_before} the {@code limit} items right before it; no
   * {@code has_more}, as documented.
   */
  private static final class ChargeStore extends Dispatcher {
    private final List<String[]> charges = new ArrayList<>(); // {id, externalOrderId}

    ChargeStore add(String id, String externalOrderId) {
      charges.add(new String[] {id, externalOrderId});
      return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      HttpUrl url = request.getRequestUrl();
      String filter = url.queryParameter("externalOrderId");
      List<String[]> visible = new ArrayList<>();
      for (String[] c : charges) if (filter == null || filter.equals(c[1])) visible.add(c);
      int limit = Integer.parseInt(url.queryParameter("limit"));
      int from = 0;
      int to = Math.min(limit, visible.size());
      String after = url.queryParameter("starting_after");
      String before = url.queryParameter("ending_before");
      if (after != null) {
        from = indexOf(visible, after) + 1;
        to = Math.min(from + limit, visible.size());
      } else if (before != null) {
        to = indexOf(visible, before);
        from = Math.max(0, to - limit);
      }
      StringBuilder body = new StringBuilder("{\"object\":\"list\",\"url\":\"/api/v1/charges\",\"data\":[");
      for (int i = from; i < to; i++) {
        if (i > from) body.append(',');
        body.append(chargeJson(visible.get(i)[0], visible.get(i)[1]));
      }
      return new MockResponse().setBody(body.append("]}").toString());
    }

    private static int indexOf(List<String[]> list, String id) {
      for (int i = 0; i < list.size(); i++) if (list.get(i)[0].equals(id)) return i;
      throw new AssertionError("unknown cursor " + id);
    }
  }

  static String chargeJson(String id, String externalOrderId) {
    return "{\"id\":\"" + id + "\",\"object\":\"charge\",\"createdAt\":\"2019-02-25T16:13:12.278Z\","
        + "\"paid\":false,\"status\":\"pending\",\"amount\":1000,\"currency\":\"USD\","
        + "\"externalOrderId\":\"" + externalOrderId + "\","
        + "\"paymentPageUrl\":\"https://qbitpay.blockscape.co/?zh#/otc/payment?tradeId=" + id + "\"}";
  }

  private static ChargeStore sevenCharges() {
    ChargeStore store = new ChargeStore();
    for (int i = 7; i >= 1; i--) store.add("c" + i, "DTSifOuTy95ui");
    return store;
  }

  private static List<String> ids(Iterable<Charge> charges) {
    List<String> ids = new ArrayList<>();
    for (Charge c : charges) ids.add(c.getId());
    return ids;
  }

  private List<String> paths(int count) throws InterruptedException {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < count; i++) paths.add(take(server).getPath());
    return paths;
  }

  @Test
  void autoPagingWalksForwardAcrossThreePagesFromTheLastIdOfEachPage() throws Exception {
    server.setDispatcher(sevenCharges());

    Page<Charge> first = client.listCharges(ChargeListParams.builder().limit(3).build());

    assertEquals(Arrays.asList("c7", "c6", "c5", "c4", "c3", "c2", "c1"), ids(first.autoPagingIterable()));
    assertEquals(
        Arrays.asList(
            "/api/v1/charges?limit=3",
            "/api/v1/charges?limit=3&starting_after=c5",
            "/api/v1/charges?limit=3&starting_after=c2"),
        paths(3));
    assertEquals(3, server.getRequestCount(), "the short third page is the last: no fourth request");
  }

  @Test
  void aLastPageThatIsExactlyFullCostsOneEmptyRequest() throws Exception {
    ChargeStore store = new ChargeStore();
    for (int i = 6; i >= 1; i--) store.add("c" + i, "A");
    server.setDispatcher(store);

    List<String> all = ids(client.listCharges(ChargeListParams.builder().limit(3).build()).autoPagingIterable());

    assertEquals(Arrays.asList("c6", "c5", "c4", "c3", "c2", "c1"), all);
    assertEquals(
        Arrays.asList(
            "/api/v1/charges?limit=3",
            "/api/v1/charges?limit=3&starting_after=c4",
            "/api/v1/charges?limit=3&starting_after=c1"),
        paths(3));
  }

  @Test
  void autoPagingFromEndingBeforeWalksBackwardTowardTheNewestCharge() throws Exception {
    server.setDispatcher(sevenCharges());

    Page<Charge> first = client.listCharges(ChargeListParams.builder().limit(2).endingBefore("c1").build());

    assertTrue(first.isBackward());
    assertEquals(Arrays.asList("c3", "c2"), ids(first.getData()));
    assertEquals(Arrays.asList("c2", "c3", "c4", "c5", "c6", "c7"), ids(first.autoPagingIterable()));
    assertEquals(
        Arrays.asList(
            "/api/v1/charges?limit=2&ending_before=c1",
            "/api/v1/charges?limit=2&ending_before=c3",
            "/api/v1/charges?limit=2&ending_before=c5",
            "/api/v1/charges?limit=2&ending_before=c7"),
        paths(4));
  }

  @Test
  void everyPageKeepsTheLimitAndTheExternalOrderIdFilter() throws Exception {
    ChargeStore store = new ChargeStore();
    for (int i = 9; i >= 1; i--) store.add("c" + i, i % 2 == 0 ? "even" : "odd");
    server.setDispatcher(store);

    List<String> odd =
        ids(client.listCharges(ChargeListParams.builder().limit(2).externalOrderId("odd").build()).autoPagingIterable());

    assertEquals(Arrays.asList("c9", "c7", "c5", "c3", "c1"), odd);
    assertEquals(
        Arrays.asList(
            "/api/v1/charges?limit=2&externalOrderId=odd",
            "/api/v1/charges?limit=2&starting_after=c7&externalOrderId=odd",
            "/api/v1/charges?limit=2&starting_after=c3&externalOrderId=odd"),
        paths(3));
  }

  @Test
  void nextAndPreviousPageUseTheBoundaryIds() throws Exception {
    server.setDispatcher(sevenCharges());

    Page<Charge> first = client.listCharges(ChargeListParams.builder().limit(3).build());
    Page<Charge> second = first.nextPage();
    Page<Charge> backToFirst = second.previousPage();
    Page<Charge> beforeFirst = backToFirst.previousPage();

    assertEquals(Arrays.asList("c4", "c3", "c2"), ids(second.getData()));
    assertEquals(Arrays.asList("c7", "c6", "c5"), ids(backToFirst.getData()));
    assertTrue(backToFirst.isBackward());
    assertTrue(beforeFirst.getData().isEmpty());
    assertFalse(beforeFirst.hasMore());
    assertEquals(
        Arrays.asList(
            "/api/v1/charges?limit=3",
            "/api/v1/charges?limit=3&starting_after=c5",
            "/api/v1/charges?limit=3&ending_before=c4",
            "/api/v1/charges?limit=3&ending_before=c7"),
        paths(4));
  }

  @Test
  void anEmptyPageEndsPagingWithoutARequest() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"object\":\"list\",\"url\":\"/api/v1/charges\",\"data\":[]}"));

    Page<Charge> empty = client.listCharges(ChargeListParams.builder().startingAfter("c1").build());

    assertFalse(empty.autoPagingIterable().iterator().hasNext());
    assertTrue(empty.nextPage().getData().isEmpty());
    assertTrue(empty.previousPage().getData().isEmpty());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void hasMoreIsHonouredWhenTheGatewaySendsIt() throws Exception {
    server.enqueue(
        new MockResponse()
            .setBody("{\"object\":\"list\",\"data\":[" + chargeJson("c2", "A") + "],\"has_more\":true}"));
    server.enqueue(
        new MockResponse()
            .setBody("{\"object\":\"list\",\"data\":[" + chargeJson("c1", "A") + "],\"has_more\":false}"));

    List<String> all = ids(client.listCharges(ChargeListParams.builder().limit(1).build()).autoPagingIterable());

    assertEquals(Arrays.asList("c2", "c1"), all);
    assertEquals(2, server.getRequestCount(), "has_more=false on a full page stops paging");
    assertEquals("/api/v1/charges?limit=1", take(server).getPath());
    assertEquals("/api/v1/charges?limit=1&starting_after=c2", take(server).getPath());
  }

  @Test
  void theStreamIsLazy() throws Exception {
    server.setDispatcher(sevenCharges());

    List<String> firstFour =
        client.listCharges(ChargeListParams.builder().limit(3).build())
            .autoPagingStream()
            .limit(4)
            .map(Charge::getId)
            .collect(Collectors.toList());

    assertEquals(Arrays.asList("c7", "c6", "c5", "c4"), firstFour);
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aGatewayThatIgnoresTheCursorFailsInsteadOfLoopingForever() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse()
                .setBody("{\"object\":\"list\",\"data\":[" + chargeJson("c2", "A") + "," + chargeJson("c1", "A") + "]}");
          }
        });

    Page<Charge> first = client.listCharges(ChargeListParams.builder().limit(2).build());

    InvalidResponseException e = assertThrows(InvalidResponseException.class, first::nextPage);
    assertTrue(e.getMessage().contains("cursor"), e.getMessage());
  }

  @Test
  void aChargeWithoutIdOrAListWithoutDataIsAnInvalidResponse() {
    server.enqueue(new MockResponse().setBody("{\"object\":\"list\",\"data\":[{\"object\":\"charge\"}]}"));
    server.enqueue(new MockResponse().setBody("{\"object\":\"list\"}"));
    server.enqueue(new MockResponse().setBody("[]"));

    assertThrows(InvalidResponseException.class, () -> client.listCharges());
    assertThrows(InvalidResponseException.class, () -> client.listCharges());
    assertThrows(InvalidResponseException.class, () -> client.listCharges());
  }

  @Test
  void nullItemsAreSkipped() {
    server.enqueue(new MockResponse().setBody("{\"object\":\"list\",\"data\":[null," + chargeJson("c1", "A") + "]}"));

    Page<Charge> page = client.listCharges();

    assertEquals(Arrays.asList("c1"), ids(page.getData()));
    assertFalse(page.hasMore());
  }

  /**
   * A million charges through an in-process fake gateway (an OkHttp interceptor, no sockets): the
   * iterator holds one page, so the first page's charges become garbage long before the end.
   */
  @Test
  void autoPagingOverAMillionChargesHoldsOnlyOnePage() {
    final int total = 1_000_000;
    final AtomicInteger requests = new AtomicInteger();
    OkHttpClient fake =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  requests.incrementAndGet();
                  HttpUrl url = chain.request().url();
                  int limit = Integer.parseInt(url.queryParameter("limit"));
                  String after = url.queryParameter("starting_after");
                  int from = after == null ? 0 : Integer.parseInt(after.substring(1)) + 1;
                  StringBuilder body = new StringBuilder(limit * 16 + 64).append("{\"data\":[");
                  for (int i = from; i < Math.min(from + limit, total); i++) {
                    if (i > from) body.append(',');
                    body.append("{\"id\":\"c").append(i).append("\"}");
                  }
                  return new Response.Builder()
                      .request(chain.request())
                      .protocol(Protocol.HTTP_1_1)
                      .code(200)
                      .message("OK")
                      .body(ResponseBody.create(body.append("]}").toString(), MediaType.get("application/json")))
                      .build();
                })
            .build();
    QbitPayClient paging =
        QbitPayClient.builder().apiKey("my_api_key").baseUrl("https://api.qbitnetwork.com").okHttpClient(fake).build();

    WeakReference<Charge> firstCharge = null;
    boolean collected = false;
    int count = 0;
    for (Charge charge : paging.listCharges(ChargeListParams.builder().limit(100).build()).autoPagingIterable()) {
      if (count == 0) firstCharge = new WeakReference<>(charge);
      if (count == 500_000) {
        for (int i = 0; i < 10 && firstCharge.get() != null; i++) System.gc();
        collected = firstCharge.get() == null;
      }
      count++;
    }

    assertEquals(total, count);
    assertEquals(total / 100 + 1, requests.get(), "10,000 full pages, then one empty page");
    assertTrue(collected, "the first page was still reachable half a million charges later");
  }
}
