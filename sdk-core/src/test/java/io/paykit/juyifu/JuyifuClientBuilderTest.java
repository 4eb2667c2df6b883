package io.paykit.juyifu;

import static io.paykit.juyifu.OrdersTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.sign.SignType;
import org.junit.jupiter.api.Test;

/** Building a {@link JuyifuClient}: exactly one signing choice, keys parsed once and never printed. */
class JuyifuClientBuilderTest {
  private static JuyifuClient.Builder app() {
    return JuyifuClient.builder().appId(TestSupport.APP_ID);
  }

  @Test
  void defaultsToTheProductionBaseUrl() {
    JuyifuClient client = app().md5Secret(TestSupport.SECRET).build();

    assertEquals("https://api.mixpay.cn/v1", JuyifuClient.DEFAULT_BASE_URL);
    assertTrue(client.toString().contains("baseUrl=https://api.mixpay.cn/v1"), client.toString());
  }

  @Test
  void eachSigningChoiceSelectsItsSignType() {
    assertTrue(app().md5Secret("s3cret-value").build().toString().contains("signType=" + SignType.MD5));
    assertTrue(app().rsaPrivateKey(TestSupport.samplePem()).build().toString().contains("signType=" + SignType.RSA + ","));
    assertTrue(app().rsa2PrivateKey(TestSupport.samplePem()).build().toString().contains("signType=" + SignType.RSA2));
    assertTrue(
        app().sm2PrivateKey(TestSupport.resource("sm2-private.pem")).build().toString().contains("signType=" + SignType.SM2));
  }

  @Test
  void requiresExactlyOneSigningChoice() {
    assertMessage("exactly one of", () -> app().build());
    assertMessage(
        "exactly one of", () -> app().md5Secret("x").rsaPrivateKey(TestSupport.samplePem()).build());
    assertMessage(
        "exactly one of",
        () -> app().rsa2PrivateKey(TestSupport.samplePem()).sm2PrivateKey("00").build());
  }

  @Test
  void requiresAPositiveAppId() {
    assertMessage("appId", () -> JuyifuClient.builder().md5Secret("x").build());
    assertMessage("appId", () -> JuyifuClient.builder().appId(0).md5Secret("x").build());
  }

  @Test
  void refusesAnEmptySecret() {
    assertMessage("md5Secret", () -> app().md5Secret(" ").build());
  }

  @Test
  void aBadKeyFailsAtBuildNamingTheFieldWithoutPrintingTheKey() {
    String pem = TestSupport.samplePem();
    String corrupt = pem.replace("MIIC", "MIIX");

    IllegalArgumentException rsa =
        assertThrows(IllegalArgumentException.class, () -> app().rsaPrivateKey(corrupt).build());
    assertTrue(rsa.getMessage().startsWith("rsaPrivateKey: "), rsa.getMessage());
    assertNoKeyText(rsa, pem);

    IllegalArgumentException platform =
        assertThrows(IllegalArgumentException.class, () -> app().md5Secret("x").platformPublicKey(pem).build());
    assertTrue(platform.getMessage().startsWith("platformPublicKey: "), platform.getMessage());
    assertNoKeyText(platform, pem);

    assertMessage("rsa2PrivateKey", () -> app().rsa2PrivateKey("not a key").build());
    assertMessage("sm2PrivateKey", () -> app().sm2PrivateKey(TestSupport.samplePem()).build());
  }

  @Test
  void accessTokenAndAutoTokenAreExclusive() {
    assertMessage("accessToken", () -> app().md5Secret("x").accessToken("t").autoToken().build());
  }

  @Test
  void anAccessTokenMustBeAValidHeaderValue() {
    assertThrows(IllegalArgumentException.class, () -> app().md5Secret("x").accessToken("a\r\nb").build());
    assertMessage("accessToken", () -> app().md5Secret("x").accessToken("").build());
  }

  @Test
  void refusesPlainHttpOnANonLoopbackHost() {
    assertThrows(
        IllegalArgumentException.class,
        () -> app().md5Secret("x").baseUrl("http://api.mixpay.cn/v1").build());
    app().md5Secret("x").baseUrl("http://api.mixpay.cn/v1").allowInsecureHttp().build();
  }

  @Test
  void toStringShowsNoSecretOrToken() {
    String text = app().md5Secret(TestSupport.SECRET).accessToken("tok-secret-1").build().toString();

    assertFalse(text.contains(TestSupport.SECRET), text);
    assertFalse(text.contains("tok-secret-1"), text);
    assertTrue(text.contains("token=fixed"), text);
  }

  private static void assertNoKeyText(Throwable thrown, String pem) {
    String body = pem.replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", "");
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      for (int i = 0; i + 12 <= body.length(); i += 4) {
        assertFalse(message.contains(body.substring(i, i + 12)), message);
      }
    }
  }
}
