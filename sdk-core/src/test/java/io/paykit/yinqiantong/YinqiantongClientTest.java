package io.paykit.yinqiantong;

import static io.paykit.yinqiantong.Fixtures.APP_KEY;
import static io.paykit.yinqiantong.Fixtures.md5;
import static io.paykit.yinqiantong.Fixtures.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.ApiException;
import io.paykit.AuthenticationException;
import io.paykit.NetworkException;
import io.paykit.http.ApiRequest;
import io.paykit.yinqiantong.Fixtures.RecordingSleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Random;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's builder and createOrder on the wire, for both generations. */
class YinqiantongClientTest {
  private static final String WECHAT_H5_CREATED =
      "{\"code\":200,\"msg\":\"ok\",\"data\":{\"out_trade_no\":\"00000000231540451777acf9947\","
          + "\"pay_body\":\"https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx01"
          + "&package=123\",\"expire_time\":1541058268}}";

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

  private YinqiantongClient v2() {
    return Fixtures.v2(server, sleeper).build();
  }

  // ---------------------------------------------------------------------------- V2 wire

  @Test
  void v2CreateSendsTheExactJsonBodySignedOverEverySentField() throws Exception {
    server.enqueue(new MockResponse().setBody(WECHAT_H5_CREATED));
    Order order = v2().createOrder(params().subject("my_subject").build());

    RecordedRequest recorded = server.takeRequest();
    assertEquals("POST", recorded.getMethod());
    assertEquals("/order", recorded.getPath());
    assertEquals("application/json; charset=utf-8", recorded.getHeader("Content-Type"));
    assertNull(recorded.getHeader("sign"));
    assertNull(recorded.getHeader("appkey"));
    String expectedSign =
        md5("appid=00000000&channel=2&client_ip=127.0.0.1&client_out_trade_no=1540449058&money=1"
            + "&notify_url=https://shop.example/yqt/notify&platform=3&subject=my_subject"
            + "&ts=1541051068&app_secret=your_app_secret");
    assertEquals(
        "{\"appid\":\"00000000\",\"ts\":1541051068,\"client_out_trade_no\":\"1540449058\","
            + "\"channel\":\"2\",\"platform\":\"3\",\"money\":1,\"client_ip\":\"127.0.0.1\","
            + "\"notify_url\":\"https://shop.example/yqt/notify\",\"subject\":\"my_subject\","
            + "\"sign\":\"" + expectedSign + "\"}",
        recorded.getBody().readUtf8());

    assertEquals("00000000231540451777acf9947", order.getOutTradeNo());
    assertEquals("1540449058", order.getClientOutTradeNo());
    assertEquals(PayBodyKind.REDIRECT_URL, order.getPayBodyKind());
    assertEquals(Instant.ofEpochSecond(1541058268L), order.getExpireTime());
    assertEquals(OrderStatus.UNPAID, order.getStatus());
    assertEquals(1, order.getMoney());
    assertEquals(Channel.WECHAT, order.getChannel());
    assertEquals(Platform.H5, order.getPlatform());
    assertEquals("127.0.0.1", order.getClientIp());
    assertEquals("my_subject", order.getSubject());
    assertEquals("00000000", order.getAppId());
    assertNull(order.getCreateTime());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void v2CreateInFormModeSendsTheSameKeyValueSetAndSign() throws Exception {
    server.enqueue(new MockResponse().setBody(WECHAT_H5_CREATED));
    Fixtures.v2(server, sleeper).formEncoding().build()
        .createOrder(params().subject("my_subject").build());

    RecordedRequest recorded = server.takeRequest();
    assertEquals("application/x-www-form-urlencoded", recorded.getHeader("Content-Type"));
    String expectedSign =
        md5("appid=00000000&channel=2&client_ip=127.0.0.1&client_out_trade_no=1540449058&money=1"
            + "&notify_url=https://shop.example/yqt/notify&platform=3&subject=my_subject"
            + "&ts=1541051068&app_secret=your_app_secret");
    assertEquals(
        "appid=00000000&ts=1541051068&client_out_trade_no=1540449058&channel=2&platform=3&money=1"
            + "&client_ip=127.0.0.1&notify_url=https%3A%2F%2Fshop.example%2Fyqt%2Fnotify"
            + "&subject=my_subject&sign=" + expectedSign,
        recorded.getBody().readUtf8());
  }

  @Test
  void v2CreateSignsChineseTextAsUtf8AndSendsEveryOptionalField() throws Exception {
    server.enqueue(new MockResponse().setBody(WECHAT_H5_CREATED));
    v2().createOrder(
        params()
            .platform(Platform.MP)
            .openId("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
            .returnUrl("https://shop.example/done")
            .subject("测试商品")
            .description("一红一黑")
            .extra("uid=42")
            .build());

    String body = server.takeRequest().getBody().readUtf8();
    String expectedSign =
        md5("appid=00000000&channel=2&client_ip=127.0.0.1&client_out_trade_no=1540449058"
            + "&description=一红一黑&extra=uid=42&money=1&notify_url=https://shop.example/yqt/notify"
            + "&open_id=oUpF8uMuAJO_M2pxb1Q9zNjWeS6o&platform=4&return_url=https://shop.example/done"
            + "&subject=测试商品&ts=1541051068&app_secret=your_app_secret");
    assertEquals(
        "{\"appid\":\"00000000\",\"ts\":1541051068,\"client_out_trade_no\":\"1540449058\","
            + "\"channel\":\"2\",\"platform\":\"4\",\"money\":1,\"client_ip\":\"127.0.0.1\","
            + "\"notify_url\":\"https://shop.example/yqt/notify\","
            + "\"open_id\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\",\"return_url\":\"https://shop.example/done\","
            + "\"subject\":\"测试商品\",\"description\":\"一红一黑\",\"extra\":\"uid=42\","
            + "\"sign\":\"" + expectedSign + "\"}",
        body);
  }

  @Test
  void v2CreateSignsExactlyTheBodyItSendsWhateverFieldsAreSet() {
    YinqiantongClient client = v2();
    Random random = new Random(20261206);
    String[] texts = {null, "", "a", "测试商品", "x=1&y=2", "€ 5", "😀"};
    for (int run = 0; run < 500; run++) {
      Channel channel = random.nextBoolean() ? Channel.ALIPAY : Channel.QQ;
      CreateOrderParams.Builder p =
          params()
              .clientOutTradeNo("N" + random.nextInt(1_000_000))
              .channel(channel)
              .platform(Platform.values()[random.nextInt(Platform.values().length - 1)])
              .money(1 + random.nextInt(1_000_000))
              .subject(texts[random.nextInt(texts.length)])
              .description(texts[random.nextInt(texts.length)])
              .extra(texts[random.nextInt(texts.length)])
              .openId(random.nextBoolean() ? "oUpF8uMuAJO" : null)
              .returnUrl(random.nextBoolean() ? "https://shop.example/done" : null);
      ApiRequest request = client.createRequest(p.build());
      assertEquals(
          md5(SigningInterceptor.v2Content(request.body(), Fixtures.APP_SECRET)),
          request.body().get("sign"),
          request.body().toString());
    }
  }

  @Test
  void v2CreateAcceptsTheCodeAsAString() {
    server.enqueue(new MockResponse().setBody(WECHAT_H5_CREATED.replace("\"code\":200", "\"code\":\"200\"")));
    assertEquals("00000000231540451777acf9947", v2().createOrder(params().build()).getOutTradeNo());
  }

  // ---------------------------------------------------------------------------- V1 wire

  @Test
  void v1CreateSendsHeadersAndStringEnumsAndReadsTheSeedResponse() throws Exception {
    server.enqueue(new MockResponse().setBody(Fixtures.resource("v1-create-response.json")));
    YinqiantongClient client = Fixtures.v1(server, sleeper).build();
    Order order = client.createOrder(params().channel(Channel.ALIPAY).build());

    RecordedRequest recorded = server.takeRequest();
    assertEquals("/order", recorded.getPath());
    assertEquals("00000000", recorded.getHeader("appid"));
    assertEquals(APP_KEY, recorded.getHeader("appkey"));
    assertEquals("1536053843", recorded.getHeader("ts"));
    assertEquals(
        md5("channel=alipay&client_ip=127.0.0.1&client_out_trade_no=1540449058&money=1"
            + "&notify_url=https://shop.example/yqt/notify&platform=h5"
            + "&ts=1536053843&app_secret=your_app_secret"),
        recorded.getHeader("sign"));
    assertEquals(
        "{\"client_out_trade_no\":\"1540449058\",\"channel\":\"alipay\",\"platform\":\"h5\","
            + "\"money\":1,\"client_ip\":\"127.0.0.1\",\"notify_url\":\"https://shop.example/yqt/notify\"}",
        recorded.getBody().readUtf8());

    // The seed's response: ints for channel/platform/status, empty strings, pay_time 0.
    assertEquals("0000000013153621399830c1a3e", order.getOutTradeNo());
    assertEquals(Channel.ALIPAY, order.getChannel());
    assertEquals(Platform.H5, order.getPlatform());
    assertEquals(OrderStatus.UNPAID, order.getStatus());
    assertEquals(PayBodyKind.HTML_FORM, order.getPayBodyKind());
    assertTrue(order.getPayBody().startsWith("<form id='alipaysubmit'"));
    assertEquals(Instant.ofEpochSecond(1536221198L), order.getExpireTime());
    assertEquals(Instant.ofEpochSecond(1536213998L), order.getCreateTime());
    assertNull(order.getPayTime());
    assertEquals("1540449058", order.getClientOutTradeNo());
    assertEquals("https://shop.example/yqt/notify", order.getNotifyUrl());
    assertNull(order.getSubject());
  }

  @Test
  void v1RefusesChannelsWithoutAV1ValueAndSendsNothing() {
    YinqiantongClient client = Fixtures.v1(server, sleeper).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> client.createOrder(params().channel(Channel.QQ).build()));
    assertTrue(e.getMessage().contains("channel QQ"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> client.createOrder(params().channel(Channel.JD).build()));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void invalidParamsAndIdsSendNothing() {
    YinqiantongClient client = v2();
    assertThrows(IllegalArgumentException.class, () -> client.createOrder(null));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> client.queryOrder("no-dashes"));
    assertTrue(e.getMessage().startsWith("clientOutTradeNo"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> client.queryOrderByOutTradeNo(""));
    assertTrue(e.getMessage().startsWith("outTradeNo"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> client.createOrder(params().money(0).build()));
    assertEquals(0, server.getRequestCount());
  }

  // ---------------------------------------------------------------------------- business codes

  @Test
  void refusalCodesOnCreateAreRetrySafeAndNotReconciled() {
    int[] codes = {4403, 4414, 4404};
    BusinessCode[] expected = {
      BusinessCode.SIGNATURE_ERROR, BusinessCode.INVALID_REQUEST, BusinessCode.NOT_FOUND
    };
    YinqiantongClient client = v2();
    for (int i = 0; i < codes.length; i++) {
      server.enqueue(
          new MockResponse().setBody("{\"code\":" + codes[i] + ",\"msg\":\"refused\"}"));
      YinqiantongApiException e =
          assertThrows(YinqiantongApiException.class, () -> client.createOrder(params().build()));
      assertEquals(expected[i], e.getBusinessCode());
      assertEquals(Integer.toString(codes[i]), e.getCode());
      assertEquals(200, e.getHttpStatus());
      assertEquals("refused", e.getGatewayMessage());
      assertTrue(e.isRetrySafe());
    }
    assertEquals(codes.length, server.getRequestCount());
  }

  @Test
  void an4409OnTheFirstAttemptMeansTheNumberWasUsedBefore() {
    server.enqueue(new MockResponse().setBody("{\"code\":4409,\"msg\":\"订单已存在\"}"));
    OrderAlreadyExistsException e =
        assertThrows(OrderAlreadyExistsException.class, () -> v2().createOrder(params().build()));
    assertEquals(OrderState.UNKNOWN, e.getOrderState());
    assertEquals("1540449058", e.getClientOutTradeNo());
    assertEquals("4409", e.getCode());
    assertFalse(e.isRetrySafe());
    assertTrue(e.getMessage().contains("used before"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void anUnknownCodeIsNotRetrySafeAndNotReconciled() {
    server.enqueue(new MockResponse().setBody("{\"code\":4999,\"msg\":\"?\"}"));
    YinqiantongApiException e =
        assertThrows(YinqiantongApiException.class, () -> v2().createOrder(params().build()));
    assertEquals(BusinessCode.UNKNOWN, e.getBusinessCode());
    assertEquals("4999", e.getCode());
    assertFalse(e.isRetrySafe());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void httpErrorsMapToTransportExceptions() {
    YinqiantongClient client = v2();
    server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"code\":4403,\"msg\":\"no\"}"));
    AuthenticationException auth =
        assertThrows(AuthenticationException.class, () -> client.createOrder(params().build()));
    assertEquals("4403", auth.getCode());

    server.enqueue(new MockResponse().setResponseCode(400).setBody("<html>bad</html>"));
    ApiException bad = assertThrows(ApiException.class, () -> client.createOrder(params().build()));
    assertEquals(400, bad.getHttpStatus());
    assertTrue(bad.isRetrySafe());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aRequestThatNeverLeftIsRetrySafeAndNotReconciled() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    YinqiantongClient client =
        YinqiantongClient.builder()
            .appId("00000000")
            .appSecret("your_app_secret")
            .baseUrl("http://127.0.0.1:" + port)
            .maxRetries(0)
            .sleeper(sleeper)
            .build();
    NetworkException e =
        assertThrows(NetworkException.class, () -> client.createOrder(params().build()));
    assertFalse(e.mayHaveReachedServer());
    assertTrue(e.isRetrySafe());
  }

  @Test
  void theDebugLogNeverShowsTheSecretTheAppKeyOrASignature() throws Exception {
    String marker = "L" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 30);
    String secret = "secret-" + java.util.UUID.randomUUID();
    server.enqueue(new MockResponse().setBody(WECHAT_H5_CREATED));
    server.enqueue(new MockResponse().setBody(WECHAT_H5_CREATED));
    Fixtures.v2(server, sleeper).appSecret(secret).build()
        .createOrder(params().clientOutTradeNo(marker).build());
    Fixtures.v1(server, sleeper).appSecret(secret).build()
        .createOrder(params().clientOutTradeNo(marker).build());
    String v2Body = server.takeRequest().getBody().readUtf8();
    String v2Sign = v2Body.substring(v2Body.indexOf("\"sign\":\"") + 8, v2Body.length() - 2);
    String v1Sign = server.takeRequest().getHeader("sign");

    java.nio.file.Path log = java.nio.file.Paths.get(System.getProperty("org.slf4j.simpleLogger.logFile"));
    StringBuilder lines = new StringBuilder();
    for (String line : java.nio.file.Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8)) {
      if (line.contains(marker)) lines.append(line).append('\n');
    }
    String all = lines.toString();
    assertEquals(2, all.split("\n").length, all);
    assertTrue(all.contains("sign=****"), all);
    assertFalse(all.contains(secret), all);
    assertFalse(all.contains(APP_KEY), all);
    assertFalse(all.contains(v2Sign), all);
    assertFalse(all.contains(v1Sign), all);
  }

  // ---------------------------------------------------------------------------- builder

  @Test
  void builderRequiresCredentialsNamingTheField() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> YinqiantongClient.builder().appSecret("s").build());
    assertTrue(e.getMessage().startsWith("appId"), e.getMessage());
    e = assertThrows(
        IllegalArgumentException.class, () -> YinqiantongClient.builder().appId("1").build());
    assertTrue(e.getMessage().startsWith("appSecret"), e.getMessage());
    e = assertThrows(
        IllegalArgumentException.class,
        () -> YinqiantongClient.builder().appId("1").appSecret("s")
            .protocol(YinqiantongProtocol.V1).build());
    assertTrue(e.getMessage().startsWith("appKey"), e.getMessage());
    e = assertThrows(
        IllegalArgumentException.class,
        () -> YinqiantongClient.builder().appId("app id").appSecret("s").build());
    assertTrue(e.getMessage().startsWith("appId"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> YinqiantongClient.builder().appId("1").appSecret("s")
            .baseUrl("http://api.yqtapi.com").build());
    assertThrows(IllegalArgumentException.class, () -> YinqiantongClient.builder().maxRetries(11));
  }

  @Test
  void defaultBaseUrlFollowsTheProtocolAndToStringHidesTheSecret() {
    YinqiantongClient v2 =
        YinqiantongClient.builder().appId("00000000").appSecret("your_app_secret").build();
    YinqiantongClient v1 =
        YinqiantongClient.builder().appId("00000000").appSecret("your_app_secret")
            .protocol(YinqiantongProtocol.V1).appKey(APP_KEY).build();
    assertEquals(YinqiantongProtocol.V2, v2.getProtocol());
    assertTrue(v2.toString().contains("https://api.yqtapi.com/"), v2.toString());
    assertTrue(v1.toString().contains("https://yinqiantong.com/"), v1.toString());
    assertFalse(v2.toString().contains("your_app_secret"));
    assertFalse(v1.toString().contains(APP_KEY));
  }
}
