package io.paykit.sandbox;

import static io.paykit.sandbox.Wire.list;
import static io.paykit.sandbox.Wire.num;
import static io.paykit.sandbox.Wire.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** Lifecycle, configuration, control endpoints and the standalone entry point. */
class PayKitSandboxTest {
  private final OkHttpClient http = Wire.client();

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static boolean canBind(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException stillBound) {
      return false;
    }
  }

  @Test
  void servesTheThreeGatewaysUnderTheirPrefixesOnOnePort() {
    try (PayKitSandbox sandbox = PayKitSandbox.start()) {
      int port = sandbox.port();
      assertTrue(port > 0);
      assertEquals("http://127.0.0.1:" + port + "/juyifu/v1", sandbox.baseUrl(Gateway.JUYIFU));
      assertEquals("http://127.0.0.1:" + port + "/yinqiantong", sandbox.baseUrl(Gateway.YINQIANTONG));
      assertEquals("http://127.0.0.1:" + port + "/qbitpay", sandbox.baseUrl(Gateway.QBITPAY));
      assertEquals("PayKitSandbox{http://127.0.0.1:" + port + "}", sandbox.toString());
    }
  }

  @Test
  void startsOnAChosenPortAndReleasesItOnClose() throws IOException {
    int port = freePort();
    PayKitSandbox sandbox = PayKitSandbox.start(port);
    assertEquals(port, sandbox.port());
    assertThrows(UncheckedIOException.class, () -> PayKitSandbox.start(port), "the port is taken");
    sandbox.close();
    sandbox.close();
    assertThrows(UncheckedIOException.class, () -> Wire.get(http, sandbox.baseUrl(Gateway.QBITPAY) + "/pay"));
    try (PayKitSandbox again = PayKitSandbox.start(port)) {
      assertEquals(port, again.port());
    }
    assertThrows(IllegalStateException.class, () -> sandbox.payQbitCharge("x"));
  }

  @Test
  void hasTheDocumentedDefaultCredentials() {
    try (PayKitSandbox sandbox = PayKitSandbox.start()) {
      assertEquals("1000", sandbox.juyifuAppId());
      assertEquals("sandbox_md5_secret", sandbox.juyifuMd5Secret());
      assertEquals("00000000", sandbox.yinqiantongAppId());
      assertEquals("1234567890123456", sandbox.yinqiantongAppKey());
      assertEquals("your_app_secret", sandbox.yinqiantongAppSecret());
      assertEquals("sk_sandbox", sandbox.qbitPayApiKey());
      assertEquals(PayKitSandbox.JUYIFU_MERCHANT_PRIVATE_KEY_PEM, sandbox.juyifuMerchantPrivateKeyPem());
      assertEquals(
          PayKitSandbox.JUYIFU_PLATFORM_PUBLIC_KEY_PEM.replaceAll("\\s", ""),
          sandbox.juyifuPlatformPublicKeyPem().replaceAll("\\s", ""));
    }
  }

  @Test
  void theShippedKeyPairsMatch() {
    String content = "amount=1&app_id=1000";
    String merchant = Wire.rsaSign("SHA256withRSA", PayKitSandbox.JUYIFU_MERCHANT_PRIVATE_KEY_PEM, content);
    assertTrue(Wire.rsaVerify("SHA256withRSA", PayKitSandbox.JUYIFU_MERCHANT_PUBLIC_KEY_PEM, content, merchant));
    String platform = Crypto.rsaSign(Crypto.rsaPrivateKey(PayKitSandbox.JUYIFU_PLATFORM_PRIVATE_KEY_PEM), "SHA1withRSA", content);
    assertTrue(Wire.rsaVerify("SHA1withRSA", PayKitSandbox.JUYIFU_PLATFORM_PUBLIC_KEY_PEM, content, platform));
    assertFalse(Wire.rsaVerify("SHA1withRSA", PayKitSandbox.JUYIFU_MERCHANT_PUBLIC_KEY_PEM, content, platform));
    assertTrue(PayKitSandbox.JUYIFU_MERCHANT_PRIVATE_KEY_PEM.startsWith("-----BEGIN PRIVATE KEY-----"));
  }

  @Test
  void enforcesCredentialsConfiguredThroughTheBuilder() {
    try (PayKitSandbox sandbox =
        PayKitSandbox.builder().qbitPayApiKey("sk_mine").yinqiantongAppId("12345678").juyifuAppId("42").start()) {
      Request mine =
          new Request.Builder().url(sandbox.baseUrl(Gateway.QBITPAY) + "/api/v1/charges").header("Authorization", Wire.basic("sk_mine")).build();
      assertEquals(200, Wire.call(http, mine).status);
      Request defaultKey = mine.newBuilder().header("Authorization", Wire.basic("sk_sandbox")).build();
      assertEquals(401, Wire.call(http, defaultKey).status);
      assertEquals(
          4404L,
          num(Wire.get(http, sandbox.baseUrl(Gateway.YINQIANTONG) + "/order?appid=00000000&client_out_trade_no=x").json().get("code")));
      assertTrue(sandbox.banner().contains("sk_mine"));
    }
  }

  @Test
  void aMerchantKeyOfYourOwnLeavesNoPrivateKeyToHandOut() {
    try (PayKitSandbox sandbox =
        PayKitSandbox.builder().juyifuMerchantPublicKeyPem(PayKitSandbox.JUYIFU_PLATFORM_PUBLIC_KEY_PEM).start()) {
      assertNull(sandbox.juyifuMerchantPrivateKeyPem());
      assertEquals(400, Wire.get(http, "http://127.0.0.1:" + sandbox.port() + "/sandbox/keys/juyifu-merchant-private-key.pem").status);
    }
  }

  @Test
  void theBuilderNamesTheFirstInvalidSetting() {
    assertMessage("port", PayKitSandbox.builder().port(70000));
    assertMessage("juyifuMd5Secret", PayKitSandbox.builder().juyifuMd5Secret(""));
    assertMessage("juyifuMerchantPublicKeyPem", PayKitSandbox.builder().juyifuMerchantPublicKeyPem("nope"));
    assertMessage("juyifuPlatformPrivateKeyPem", PayKitSandbox.builder().juyifuPlatformPrivateKeyPem(null));
    assertMessage("yinqiantongAppSecret", PayKitSandbox.builder().yinqiantongAppSecret(null));
    assertMessage("qbitPayApiKey", PayKitSandbox.builder().qbitPayApiKey(""));
    assertMessage("notificationRetries", PayKitSandbox.builder().notificationRetries(-1));
    assertMessage("notificationRetryInterval", PayKitSandbox.builder().notificationRetryInterval(Duration.ofMillis(-1)));
    assertMessage("publicBaseUrl", PayKitSandbox.builder().publicBaseUrl("ftp://x"));
    assertMessage("juyifuDefaultNotifyUrl", PayKitSandbox.builder().juyifuDefaultNotifyUrl("nope"));
    assertMessage("clock", PayKitSandbox.builder().clock(null));
  }

  private static void assertMessage(String field, PayKitSandbox.Builder builder) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::start);
    assertTrue(e.getMessage().startsWith(field), e.getMessage());
  }

  @Test
  void aPublicBaseUrlIsUsedForTheLinksItHandsOut() {
    try (PayKitSandbox sandbox = PayKitSandbox.builder().publicBaseUrl("http://10.0.2.2:8080/").start()) {
      String id = sandbox.seedQbitCharges(1).get(0);
      Request get =
          new Request.Builder()
              .url(sandbox.baseUrl(Gateway.QBITPAY) + "/api/v1/charges/" + id)
              .header("Authorization", Wire.basic("sk_sandbox"))
              .build();
      assertEquals(
          "http://10.0.2.2:8080/qbitpay/pay#/otc/payment?tradeId=" + id,
          Wire.call(http, get).json().get("paymentPageUrl"));
      assertTrue(sandbox.baseUrl(Gateway.QBITPAY).startsWith("http://127.0.0.1:"));
    }
  }

  @Test
  void theControlEndpointsPaySeedAndReportDeliveries() throws Exception {
    try (PayKitSandbox sandbox = PayKitSandbox.start();
        MerchantServer merchant = new MerchantServer(200, "")) {
      String control = "http://127.0.0.1:" + sandbox.port() + "/sandbox";
      Map<String, Object> info = Wire.get(http, control).json();
      assertEquals(sandbox.baseUrl(Gateway.QBITPAY), obj(info.get("baseUrls")).get("qbitpay"));
      assertEquals("sk_sandbox", obj(obj(info.get("credentials")).get("qbitpay")).get("api_key"));

      Wire.Answer seeded = Wire.post(http, control + "/seed?gateway=qbitpay&n=3");
      assertEquals(3, list(seeded.json().get("ids")).size());

      Request create =
          new Request.Builder()
              .url(sandbox.baseUrl(Gateway.QBITPAY) + "/api/v1/charges")
              .header("Authorization", Wire.basic("sk_sandbox"))
              .post(okhttp3.RequestBody.create(
                  "{\"amount\":2,\"currency\":\"USD\",\"externalOrderId\":\"c\",\"cbUrl\":\"" + merchant.url("/hook")
                      + "\",\"redirectUrl\":\"https://shop.example/thanks\"}",
                  Wire.JSON))
              .build();
      String id = (String) Wire.call(http, create).json().get("id");
      Wire.Answer paid = Wire.post(http, control + "/pay?gateway=qbitpay&id=" + id);
      assertEquals(200, paid.status, paid.body);
      assertEquals("https://shop.example/thanks", paid.json().get("redirectUrl"));
      assertEquals(409, Wire.post(http, control + "/pay?gateway=qbitpay&id=" + id).status, "already paid");
      assertEquals(404, Wire.post(http, control + "/pay?gateway=qbitpay&id=nosuch").status);
      assertEquals(400, Wire.post(http, control + "/pay?gateway=paypal&id=x").status);

      sandbox.awaitDeliveries(1, Wire.AWAIT);
      List<Object> deliveries = list(Wire.get(http, control + "/deliveries").json().get("data"));
      assertEquals(1, deliveries.size());
      assertEquals(id, obj(deliveries.get(0)).get("reference"));
      assertEquals(Boolean.TRUE, obj(deliveries.get(0)).get("success"));
      Wire.call(http, new Request.Builder().url(control + "/deliveries").delete().build());
      assertTrue(sandbox.deliveries().isEmpty());

      assertTrue(Wire.get(http, control + "/keys/juyifu-platform-public-key.pem").body.startsWith("-----BEGIN PUBLIC KEY-----"));
      assertEquals(PayKitSandbox.JUYIFU_MERCHANT_PRIVATE_KEY_PEM, Wire.get(http, control + "/keys/juyifu-merchant-private-key.pem").body);
      assertEquals(404, Wire.get(http, control + "/nope").status);
      assertEquals(405, Wire.get(http, control + "/pay").status);
      assertEquals(200, Wire.post(http, control + "/sink/juyifu").status);
    }
  }

  @Test
  void awaitingMoreDeliveriesThanArriveTimesOut() {
    try (PayKitSandbox sandbox = PayKitSandbox.start()) {
      assertTrue(sandbox.awaitDeliveries(0, Duration.ZERO).isEmpty());
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> sandbox.awaitDeliveries(1, Duration.ofMillis(20)));
      assertTrue(e.getMessage().contains("0 of 1"), e.getMessage());
    }
  }

  @Test
  void payingSomethingUnknownNamesIt() {
    try (PayKitSandbox sandbox = PayKitSandbox.start()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sandbox.payJuyifuOrder("123"));
      assertTrue(e.getMessage().contains("123"));
      assertThrows(IllegalArgumentException.class, () -> sandbox.payYinqiantongOrder("nope"));
      assertThrows(IllegalArgumentException.class, () -> sandbox.pay(null, "x"));
      assertThrows(IllegalArgumentException.class, () -> sandbox.pay(Gateway.QBITPAY, ""));
      assertThrows(IllegalArgumentException.class, () -> sandbox.seedQbitCharges(0));
    }
  }

  @Test
  void launchPrintsTheUrlsAndCredentials() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PayKitSandbox sandbox = PayKitSandbox.launch(new String[] {"--port", "0", "--notification-retries", "1"}, new PrintStream(out, true, "UTF-8"));
    try {
      String banner = new String(out.toByteArray(), StandardCharsets.UTF_8);
      assertTrue(banner.contains(sandbox.baseUrl(Gateway.JUYIFU)), banner);
      assertTrue(banner.contains(sandbox.baseUrl(Gateway.YINQIANTONG)), banner);
      assertTrue(banner.contains(sandbox.baseUrl(Gateway.QBITPAY)), banner);
      assertTrue(banner.contains("sandbox_md5_secret") && banner.contains("your_app_secret") && banner.contains("sk_sandbox"));
    } finally {
      sandbox.close();
    }
    assertNull(PayKitSandbox.launch(new String[] {"--help"}, new PrintStream(new ByteArrayOutputStream())));
    assertThrows(IllegalArgumentException.class, () -> PayKitSandbox.launch(new String[] {"--port"}, System.out));
    assertThrows(IllegalArgumentException.class, () -> PayKitSandbox.launch(new String[] {"--bogus"}, System.out));
  }

  @Test
  void mainRunsStandaloneUntilShutdownIsRequested() throws Exception {
    int port = freePort();
    PayKitSandbox.main(new String[] {"--port", String.valueOf(port)});
    String control = "http://127.0.0.1:" + port + "/sandbox";
    assertEquals(200, Wire.get(http, control).status);
    Wire.Answer bye = Wire.post(http, control + "/shutdown");
    assertEquals(200, bye.status);
    assertEquals(Boolean.TRUE, bye.json().get("ok"));
    // The port is released once the shutdown completes: binding it proves the server is gone.
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!canBind(port)) {
      if (System.nanoTime() > deadline) throw new AssertionError("port " + port + " still bound after shutdown");
      Thread.yield();
    }
  }
}
