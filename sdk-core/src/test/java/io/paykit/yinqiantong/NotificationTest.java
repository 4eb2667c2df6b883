package io.paykit.yinqiantong;

import static io.paykit.yinqiantong.Fixtures.APP_KEY;
import static io.paykit.yinqiantong.Fixtures.APP_SECRET;
import static io.paykit.yinqiantong.Fixtures.V2_TS;
import static io.paykit.yinqiantong.Fixtures.clockAt;
import static io.paykit.yinqiantong.Fixtures.md5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.SignatureVerificationException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** verifyNotification for both generations: the published example, and every way to fail. */
class NotificationTest {
  private static final String EXAMPLE = Fixtures.resource("v2-notification.json");
  private static final String EXAMPLE_SIGN = "19f11112823c950370d33c7865fd0924";

  private static YinqiantongClient clientAt(long epochSeconds) {
    return YinqiantongClient.builder()
        .appId("00000000")
        .appSecret(APP_SECRET)
        .clock(clockAt(epochSeconds))
        .build();
  }

  private static YinqiantongClient v1ClientAt(long epochSeconds) {
    return YinqiantongClient.builder()
        .protocol(YinqiantongProtocol.V1)
        .appId("00000000")
        .appKey(APP_KEY)
        .appSecret(APP_SECRET)
        .clock(clockAt(epochSeconds))
        .build();
  }

  private static String reason(Runnable r) {
    SignatureVerificationException e = assertThrows(SignatureVerificationException.class, r::run);
    assertFalse(e.getMessage().contains(EXAMPLE_SIGN), "never the expected signature");
    assertTrue(e.isRetrySafe());
    return e.getMessage();
  }

  /** Re-signs a V2 body independently of the code under test. */
  private static String withV2Sign(String unsignedBody, String signingString) {
    return unsignedBody.replace("\"sign\":\"?\"", "\"sign\":\"" + md5(signingString) + "\"");
  }

  // ---------------------------------------------------------------------------- V2

  @Test
  void thePublishedV2ExampleVerifiesAndParses() {
    Notification n = clientAt(V2_TS + 60).verifyNotification(EXAMPLE);

    assertEquals(YinqiantongProtocol.V2, n.getProtocol());
    assertEquals("00000000", n.getAppId());
    assertEquals("00000000231540451777acf9947", n.getOutTradeNo());
    assertEquals("1540449058", n.getClientOutTradeNo());
    assertEquals(OrderStatus.PAID, n.getStatus());
    assertEquals(1, n.getMoney());
    assertEquals(Channel.WECHAT, n.getChannel());
    assertEquals(Platform.H5, n.getPlatform());
    assertEquals("my_subject", n.getSubject());
    assertEquals("127.0.0.1", n.getClientIp());
    assertNull(n.getExtra());
    assertNull(n.getOpenId());
    assertEquals(Instant.ofEpochSecond(1541051000L), n.getPayTime());
    assertEquals(Instant.ofEpochSecond(V2_TS), n.getTimestamp());
    assertFalse(n.getFields().containsKey("sign"));
    assertEquals("1541051068", n.getFields().get("ts"));
    assertEquals(14, n.getFields().size());
  }

  @Test
  void numbersAndNumericStringsAreBothAcceptedInAnyOrder() {
    String reordered =
        "{\"money\":\"1\",\"status\":1,\"platform\":3,\"channel\":2,\"sign\":\"" + EXAMPLE_SIGN
            + "\",\"ts\":\"1541051068\",\"appid\":\"00000000\",\"pay_time\":\"1541051000\","
            + "\"subject\":\"my_subject\",\"client_ip\":\"127.0.0.1\","
            + "\"client_out_trade_no\":\"1540449058\",\"out_trade_no\":\"00000000231540451777acf9947\"}";
    Notification n = clientAt(V2_TS).verifyNotification(reordered);
    assertEquals(OrderStatus.PAID, n.getStatus());
    assertEquals(Channel.WECHAT, n.getChannel());
    assertEquals(Platform.H5, n.getPlatform());
  }

  @Test
  void numbersAreSignedAsTheirReceivedText() {
    String body =
        "{\"appid\":\"00000000\",\"ts\":1541051068,\"sign\":\"?\",\"out_trade_no\":\"T1\","
            + "\"status\":0,\"money\":1.0}";
    String signed =
        withV2Sign(body, "appid=00000000&money=1.0&out_trade_no=T1&status=0&ts=1541051068"
            + "&app_secret=your_app_secret");
    Notification n = clientAt(V2_TS).verifyNotification(signed);
    assertEquals(1, n.getMoney());
    assertEquals(OrderStatus.UNPAID, n.getStatus());
  }

  @Test
  void unknownEnumValuesBecomeUnknown() {
    String body =
        "{\"appid\":\"00000000\",\"ts\":1541051068,\"sign\":\"?\",\"out_trade_no\":\"T1\","
            + "\"status\":\"9\",\"money\":5,\"channel\":\"7\",\"platform\":\"vr\",\"paid\":true,"
            + "\"note\":null}";
    String signed =
        withV2Sign(body, "appid=00000000&channel=7&money=5&out_trade_no=T1&paid=true&platform=vr"
            + "&status=9&ts=1541051068&app_secret=your_app_secret");
    Notification n = clientAt(V2_TS).verifyNotification(signed);
    assertEquals(OrderStatus.UNKNOWN, n.getStatus());
    assertEquals(Channel.UNKNOWN, n.getChannel());
    assertEquals(Platform.UNKNOWN, n.getPlatform());
    assertNull(n.getClientOutTradeNo());
  }

  @Test
  void aTamperedFieldFailsTheSignature() {
    String tampered = EXAMPLE.replace("\"money\":1,", "\"money\":100,");
    assertEquals(
        "notification signature does not match",
        reason(() -> clientAt(V2_TS).verifyNotification(tampered)));
    String added = EXAMPLE.replace("\"extra\":\"\"", "\"extra\":\"x\"");
    reason(() -> clientAt(V2_TS).verifyNotification(added));
  }

  @Test
  void aTsOutsideTheWindowIsRefused() {
    assertTrue(reason(() -> clientAt(V2_TS + 86_400).verifyNotification(EXAMPLE)).contains("ts"));
    assertTrue(reason(() -> clientAt(V2_TS - 86_400).verifyNotification(EXAMPLE)).contains("window"));
    clientAt(V2_TS + 86_399).verifyNotification(EXAMPLE);
    clientAt(V2_TS - 86_399).verifyNotification(EXAMPLE);
  }

  @Test
  void aTsThatIsNotAPlainIntegerIsRefusedBeforeAnyArithmetic() {
    for (String ts : new String[] {"\"1e-999999999\"", "1e9", "\"soon\"", "-1", "0", "99999999999999999999"}) {
      String body = EXAMPLE.replace("\"ts\":1541051068", "\"ts\":" + ts);
      assertEquals(
          "notification ts is not a Unix timestamp",
          reason(() -> clientAt(V2_TS).verifyNotification(body)), ts);
    }
  }

  @Test
  void aForeignAppidIsRefused() {
    YinqiantongClient other =
        YinqiantongClient.builder().appId("11111111").appSecret(APP_SECRET).clock(clockAt(V2_TS)).build();
    assertTrue(reason(() -> other.verifyNotification(EXAMPLE)).contains("appid does not match"));
  }

  @Test
  void missingSignatureFieldsAreNamed() {
    String noSign = EXAMPLE.replace("\"sign\":\"" + EXAMPLE_SIGN + "\",", "");
    assertEquals(
        "notification is missing: sign", reason(() -> clientAt(V2_TS).verifyNotification(noSign)));
    String bare = "{\"sign\":\"" + EXAMPLE_SIGN + "\"}";
    assertEquals(
        "notification is missing: appid, ts",
        reason(() -> clientAt(V2_TS).verifyNotification(bare)));
  }

  @Test
  void signedButIncompleteNotificationsNameTheMissingFields() {
    String body = "{\"appid\":\"00000000\",\"ts\":1541051068,\"sign\":\"?\",\"status\":1}";
    String signed =
        withV2Sign(body, "appid=00000000&status=1&ts=1541051068&app_secret=your_app_secret");
    assertEquals(
        "notification is missing: out_trade_no, money",
        reason(() -> clientAt(V2_TS).verifyNotification(signed)));

    String badMoney =
        withV2Sign(
            "{\"appid\":\"00000000\",\"ts\":1541051068,\"sign\":\"?\",\"out_trade_no\":\"T1\","
                + "\"status\":1,\"money\":\"1 yuan\"}",
            "appid=00000000&money=1 yuan&out_trade_no=T1&status=1&ts=1541051068"
                + "&app_secret=your_app_secret");
    assertTrue(reason(() -> clientAt(V2_TS).verifyNotification(badMoney)).contains("money"));
  }

  @Test
  void malformedBodiesAreRefusedNotCrashed() {
    YinqiantongClient client = clientAt(V2_TS);
    String[] bodies = {
      null,
      "",
      "   ",
      "not json",
      "{\"appid\":",
      EXAMPLE.substring(0, EXAMPLE.length() - 1),
      "[" + EXAMPLE + "]",
      "\"a string\"",
      EXAMPLE + " {}",
      EXAMPLE.replace("\"extra\":\"\"", "\"extra\":{\"uid\":1}"),
      EXAMPLE.replace("\"extra\":\"\"", "\"extra\":[1,2]"),
      EXAMPLE.replace("\"extra\":\"\"", "\"extra\":\"\",\"money\":2"),
      "<html></html>",
    };
    for (String body : bodies) {
      String r = reason(() -> client.verifyNotification(body));
      assertTrue(r.startsWith("malformed notification"), body + " → " + r);
    }
  }

  // ---------------------------------------------------------------------------- V1

  private static final String V1_BODY =
      "{\"app_id\":\"00000000\",\"channel\":\"wx\",\"platform\":\"mp\",\"out_trade_no\":\"T1\","
          + "\"client_out_trade_no\":\"A1\",\"status\":\"paid\",\"money\":100,"
          + "\"client_ip\":\"127.0.0.1\",\"open_id\":\"\",\"extra\":\"uid=42\",\"pay_time\":1536053800}";
  private static final String V1_SIGN =
      md5("app_id=00000000&channel=wx&client_ip=127.0.0.1&client_out_trade_no=A1&extra=uid=42"
          + "&money=100&out_trade_no=T1&pay_time=1536053800&platform=mp&status=paid"
          + "&ts=1536053843&app_secret=your_app_secret");

  private static Map<String, String> v1Headers() {
    Map<String, String> h = new HashMap<>();
    h.put("AppId", "00000000");
    h.put("APPKEY", APP_KEY);
    h.put("Ts", "1536053843");
    h.put("Sign", V1_SIGN);
    h.put("Content-Type", "application/json");
    return h;
  }

  @Test
  void aV1NotificationVerifiesWithCaseInsensitiveHeaders() {
    Notification n = v1ClientAt(Fixtures.V1_TS).verifyNotification(v1Headers(), V1_BODY);
    assertEquals(YinqiantongProtocol.V1, n.getProtocol());
    assertEquals(OrderStatus.PAID, n.getStatus());
    assertEquals(Channel.WECHAT, n.getChannel());
    assertEquals(Platform.MP, n.getPlatform());
    assertEquals(100, n.getMoney());
    assertEquals("A1", n.getClientOutTradeNo());
    assertEquals("uid=42", n.getExtra());
    assertEquals(Instant.ofEpochSecond(1536053800L), n.getPayTime());
  }

  @Test
  void aV1NotificationFailsOnEachBadPart() {
    YinqiantongClient client = v1ClientAt(Fixtures.V1_TS);
    assertEquals(
        "notification signature does not match",
        reason(() -> client.verifyNotification(v1Headers(), V1_BODY.replace("100", "1"))));

    Map<String, String> lateTs = v1Headers();
    lateTs.put("Ts", "1536053843".replace("843", "999"));
    assertEquals(
        "notification signature does not match",
        reason(() -> client.verifyNotification(lateTs, V1_BODY)));

    Map<String, String> foreignKey = v1Headers();
    foreignKey.put("APPKEY", "6543210987654321");
    assertTrue(reason(() -> client.verifyNotification(foreignKey, V1_BODY)).contains("appkey"));

    Map<String, String> foreignApp = v1Headers();
    foreignApp.put("AppId", "11111111");
    assertTrue(reason(() -> client.verifyNotification(foreignApp, V1_BODY)).contains("appid"));

    assertTrue(
        reason(() -> v1ClientAt(Fixtures.V1_TS + 90_000).verifyNotification(v1Headers(), V1_BODY))
            .contains("window"));

    Map<String, String> none = new HashMap<>();
    none.put("appid", "00000000");
    assertEquals(
        "notification is missing headers: ts, sign",
        reason(() -> client.verifyNotification(none, V1_BODY)));
    assertEquals(
        "notification is missing headers: appid, ts, sign",
        reason(() -> client.verifyNotification(null, V1_BODY)));
    assertTrue(
        reason(() -> client.verifyNotification(v1Headers(), "{\"a\":{}}")).startsWith("malformed"));
  }
}
