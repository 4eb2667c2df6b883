package io.paykit.juyifu;

import static io.paykit.juyifu.TestSupport.APP_ID;
import static io.paykit.juyifu.TestSupport.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.NetworkException;
import java.io.IOException;
import java.time.Duration;
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

/** addChannel, deleteChannel and queryChannels (PROPOSED wire form, README §1). */
class ChannelsTest {
  private static final String CHANNEL =
      "{\"id\":17,\"source_id\":9001,\"pay_type\":1,\"name\":\"支付宝主通道\",\"weight\":10,\"enabled\":true}";

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
  void addChannelPostsTheSignedForm(SigningKind kind) throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.ok(CHANNEL)));

    PaymentChannel channel =
        kind.client(server)
            .build()
            .addChannel(
                ChannelParams.builder().sourceId(9001).payType(1).name("支付宝主通道").weight(10).enabled(true).build());

    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST", recorded.getMethod());
    assertEquals("/v1/channels", recorded.getPath());
    assertEquals(
        "app_id=" + APP_ID + "&source_id=9001&pay_type=1&name=" + enc("支付宝主通道") + "&weight=10&enabled=true"
            + kind.tail("app_id=" + APP_ID + "&enabled=true&name=支付宝主通道&pay_type=1&source_id=9001&weight=10"),
        recorded.getBody().readUtf8());
    assertEquals("17", channel.getId());
    assertEquals(Long.valueOf(9001), channel.getSourceId());
    assertEquals(Integer.valueOf(1), channel.getPayType());
    assertEquals("支付宝主通道", channel.getName());
    assertEquals(Integer.valueOf(10), channel.getWeight());
    assertEquals(Boolean.TRUE, channel.getEnabled());
  }

  @ParameterizedTest
  @EnumSource(SigningKind.class)
  void deleteChannelSendsASignedDeleteWithoutBody(SigningKind kind) throws Exception {
    server.enqueue(new MockResponse().setBody("{\"code\":0,\"message\":\"ok\",\"data\":null}"));

    kind.client(server).build().deleteChannel("17");

    RecordedRequest recorded = server.takeRequest();
    assertEquals("DELETE", recorded.getMethod());
    assertEquals("/v1/channels/17?app_id=" + APP_ID + kind.tail("app_id=" + APP_ID), recorded.getPath());
    assertEquals(0, recorded.getBodySize());
  }

  @Test
  void deleteChannelIsRetriedAfterA503BecauseDeletingTwiceIsHarmless() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setBody("{\"code\":0,\"data\":null}"));

    TestSupport.md5Client(server).build().deleteChannel("17");

    assertEquals(2, server.getRequestCount());
  }

  @ParameterizedTest
  @EnumSource(SigningKind.class)
  void queryChannelsListsAllOrFiltersByPayType(SigningKind kind) throws Exception {
    server.enqueue(new MockResponse().setBody(TestSupport.ok("[" + CHANNEL + "]")));
    server.enqueue(new MockResponse().setBody(TestSupport.ok("[{\"id\":\"c2\",\"enabled\":0}]")));
    JuyifuClient client = kind.client(server).build();

    List<PaymentChannel> all = client.queryChannels();
    List<PaymentChannel> filtered = client.queryChannels(2);

    assertEquals("/v1/channels?app_id=" + APP_ID + kind.tail("app_id=" + APP_ID), server.takeRequest().getPath());
    assertEquals(
        "/v1/channels?app_id=" + APP_ID + "&pay_type=2" + kind.tail("app_id=" + APP_ID + "&pay_type=2"),
        server.takeRequest().getPath());
    assertEquals("支付宝主通道", all.get(0).getName());
    assertEquals(Boolean.FALSE, filtered.get(0).getEnabled());
    assertNull(filtered.get(0).getWeight());
  }

  @Test
  void addChannelThatTimesOutIsNotResentAndPointsToQueryChannels() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    JuyifuClient client = TestSupport.md5Client(server).readTimeout(Duration.ofMillis(250)).build();

    NetworkException e =
        assertThrows(
            NetworkException.class,
            () -> client.addChannel(ChannelParams.builder().sourceId(1).payType(1).name("x").build()));

    assertTrue(e.mayHaveReachedServer());
    assertFalse(e.isRetrySafe());
    assertTrue(e.getMessage().contains("queryChannels"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void refusesBadArgumentsWithoutSending() {
    JuyifuClient client = TestSupport.md5Client(server).build();

    OrdersTest.assertMessage("params", () -> client.addChannel(null));
    OrdersTest.assertMessage("channelId", () -> client.deleteChannel("17/../18"));
    OrdersTest.assertMessage("payType", () -> client.queryChannels(-1));
    assertEquals(0, server.getRequestCount());
  }
}
