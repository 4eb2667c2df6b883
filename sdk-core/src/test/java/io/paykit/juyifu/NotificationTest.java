package io.paykit.juyifu;

import static io.paykit.juyifu.TestSupport.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.SignatureVerificationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** verifyNotification: the 2014 rule (sign, sign_type, pay_type left out) with MD5 and RSA. */
class NotificationTest {
  /** The signing string of {@link #fields()}: sorted, without sign, sign_type and pay_type. */
  private static final String SIGNED =
      "amount=100&ext_data={\"uid\":7}&memo=&order_id=140713000685555335&order_pay_status=3";

  private static final JuyifuClient MD5 =
      JuyifuClient.builder().appId(TestSupport.APP_ID).md5Secret(SECRET).build();
  private static final JuyifuClient MD5_WITH_PLATFORM_KEY =
      JuyifuClient.builder()
          .appId(TestSupport.APP_ID)
          .md5Secret(SECRET)
          .platformPublicKey(TestSupport.samplePublicPem())
          .build();
  private static final JuyifuClient RSA_WITHOUT_PLATFORM_KEY =
      JuyifuClient.builder().appId(TestSupport.APP_ID).rsaPrivateKey(TestSupport.samplePem()).build();

  private static Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("order_id", "140713000685555335");
    f.put("order_pay_status", "3");
    f.put("amount", "100");
    f.put("pay_type", "1");
    f.put("ext_data", "{\"uid\":7}");
    f.put("memo", "");
    return f;
  }

  private static Map<String, String> md5Signed() {
    Map<String, String> f = fields();
    f.put("sign_type", "1");
    f.put("sign", TestSupport.md5Hex(SIGNED + SECRET));
    return f;
  }

  private static Map<String, String> rsaSigned() {
    Map<String, String> f = fields();
    f.put("sign_type", "2");
    f.put("sign", TestSupport.sha1WithRsa(SIGNED));
    return f;
  }

  @Test
  void acceptsAnMd5NotificationAndReadsIt() {
    Notification n = MD5.verifyNotification(md5Signed());

    assertEquals("140713000685555335", n.getOrderId());
    assertEquals(OrderStatus.SUCCESS, n.getStatus());
    assertEquals(Long.valueOf(100), n.getAmount());
    assertEquals(Integer.valueOf(1), n.getPayType());
    assertEquals("{\"uid\":7}", n.getExtData());
    assertEquals(1, n.getSignType());
    assertFalse(n.getParams().containsKey("sign"));
    assertEquals("1", n.getParams().get("sign_type"));
  }

  @Test
  void acceptsAnUppercaseMd5Sign() {
    Map<String, String> f = md5Signed();
    f.put("sign", f.get("sign").toUpperCase(java.util.Locale.ROOT));

    assertEquals(1, MD5.verifyNotification(f).getSignType());
  }

  @Test
  void acceptsAnRsaNotificationWithThePlatformKey() {
    Notification n = MD5_WITH_PLATFORM_KEY.verifyNotification(rsaSigned());

    assertEquals(2, n.getSignType());
    assertEquals(OrderStatus.SUCCESS, n.getStatus());
  }

  @Test
  void acceptsAnRsaSignWhosePlusSignsWereDecodedAsSpaces() {
    // Pick the first memo whose signature holds a '+', so there is one for the form decoding to lose.
    Map<String, String> f = null;
    for (int i = 0; f == null; i++) {
      String signed = SIGNED.replace("&memo=&", "&memo=" + i + "&");
      String sign = TestSupport.sha1WithRsa(signed);
      if (sign.contains("+")) {
        f = fields();
        f.put("memo", String.valueOf(i));
        f.put("sign_type", "2");
        f.put("sign", sign.replace('+', ' '));
      }
    }

    assertEquals(2, MD5_WITH_PLATFORM_KEY.verifyNotification(f).getSignType());
  }

  @Test
  void payTypeIsNotCoveredBySoChangingItKeepsTheSignatureValid() {
    Map<String, String> f = md5Signed();
    f.put("pay_type", "7");

    assertEquals(Integer.valueOf(7), MD5.verifyNotification(f).getPayType());
  }

  @Test
  void rejectsATamperedMd5Notification() {
    Map<String, String> f = md5Signed();
    f.put("amount", "1");

    assertRejected(MD5, f, "does not match");
  }

  @Test
  void rejectsATamperedRsaNotification() {
    Map<String, String> f = rsaSigned();
    f.put("order_pay_status", "4");

    assertRejected(MD5_WITH_PLATFORM_KEY, f, "does not match");
  }

  @Test
  void rejectsAnAddedField() {
    Map<String, String> f = md5Signed();
    f.put("extra", "x");

    assertRejected(MD5, f, "does not match");
  }

  @Test
  void rejectsAMissingOrEmptySign() {
    Map<String, String> f = md5Signed();
    f.remove("sign");
    assertRejected(MD5, f, "no sign");
    f.put("sign", "");
    assertRejected(MD5, f, "no sign");
  }

  @Test
  void rejectsAMissingSignType() {
    Map<String, String> f = md5Signed();
    f.remove("sign_type");

    assertRejected(MD5, f, "no sign_type");
  }

  @Test
  void rejectsAnUnknownSignType() {
    Map<String, String> f = md5Signed();
    f.put("sign_type", "3");
    assertRejected(MD5_WITH_PLATFORM_KEY, f, "unsupported sign_type");
    f.put("sign_type", "md5");
    assertRejected(MD5_WITH_PLATFORM_KEY, f, "unsupported sign_type");
  }

  @Test
  void rejectsRsaWhenNoPlatformKeyIsConfigured() {
    assertRejected(MD5, rsaSigned(), "no platform public key");
  }

  @Test
  void rejectsMd5WhenTheClientSignsWithRsaAndHasNoSecret() {
    assertRejected(RSA_WITHOUT_PLATFORM_KEY, md5Signed(), "no MD5 secret");
  }

  @Test
  void anMd5SignIsNotAcceptedAsRsaNorTheOtherWayRound() {
    Map<String, String> md5AsRsa = md5Signed();
    md5AsRsa.put("sign_type", "2");
    assertRejected(MD5_WITH_PLATFORM_KEY, md5AsRsa, "does not match");

    Map<String, String> rsaAsMd5 = rsaSigned();
    rsaAsMd5.put("sign_type", "1");
    assertRejected(MD5_WITH_PLATFORM_KEY, rsaAsMd5, "does not match");
  }

  @Test
  void refusesNullParams() {
    OrdersTest.assertMessage("formParams", () -> MD5.verifyNotification(null));
  }

  @Test
  void repliesArePlainSuccessAndFail() {
    assertEquals("success", Notification.REPLY_SUCCESS);
    assertEquals("fail", Notification.REPLY_FAILURE);
  }

  @Test
  void toStringShowsNoSignature() {
    Map<String, String> f = md5Signed();
    String text = MD5.verifyNotification(f).toString();

    assertFalse(text.contains(f.get("sign")), text);
    assertTrue(text.contains("140713000685555335"), text);
  }

  private static void assertRejected(JuyifuClient client, Map<String, String> f, String reason) {
    SignatureVerificationException e =
        assertThrows(SignatureVerificationException.class, () -> client.verifyNotification(f));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    String sign = f.get("sign");
    if (sign != null && !sign.isEmpty()) assertFalse(e.getMessage().contains(sign));
  }
}
