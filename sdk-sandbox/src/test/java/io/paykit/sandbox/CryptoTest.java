package io.paykit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's own signing code against the published vectors (README §1, §2; vectors/README.md). */
class CryptoTest {
  private static final String ORDER_STRING =
      "amount=2&app_key=6018561003558745&ext_data=&merchant_order_id=order001&merchant_user_id=U0001&notify_url="
          + "&order_desc=2014-6-5下单，一红一黑&order_title=飞行扫帚两个&product_desc=光速2000最新型号，速度超快"
          + "&product_id=Product001&product_name=飞行扫帚";

  @Test
  void reproducesTheJuyifuMd5Vectors() {
    Map<String, String> order = new LinkedHashMap<>();
    order.put("product_name", "飞行扫帚");
    order.put("amount", "2");
    order.put("order_title", "飞行扫帚两个");
    order.put("app_key", "6018561003558745");
    order.put("merchant_user_id", "U0001");
    order.put("ext_data", "");
    order.put("order_desc", "2014-6-5下单，一红一黑");
    order.put("notify_url", "");
    order.put("merchant_order_id", "order001");
    order.put("product_desc", "光速2000最新型号，速度超快");
    order.put("product_id", "Product001");
    assertEquals(ORDER_STRING, Crypto.canonical(order));
    assertEquals("0047ca29b96306b2b7d9417f8fa0e91c", Crypto.md5Hex(ORDER_STRING + "019fafebfebf4a9d28c989254660f46c"));
    assertEquals(
        "29d4217bfeba34b099478bc9e56d428e",
        Crypto.md5Hex("app_key=6018561003558745&order_id=140713000685555335019fafebfebf4a9d28c989254660f46c"));
  }

  @Test
  void reproducesTheJuyifuRsaVectorsWithThePublishedPkcs1SampleKey() throws IOException {
    PrivateKey key = Crypto.rsaPrivateKey(resource("mixpay-sample-merchant-key.pem"));
    assertEquals(
        "L+ZtG58qOoqFswP695gjkeTRVrut3fX3Ccbsq9k4F/FFJLwtRIKMqmYzPzUzpU0bTMedCG6vcGGcaed/1X+7eRr2SF79rBzbTlsVZPd/l2o9JqR6LoqG3ib6iPWd0ZEk7+qaNiiStxylm1FSP3SkNEZM13gr2yODTobLn8vASdk=",
        Crypto.rsaSign(key, Crypto.SHA1_WITH_RSA, ORDER_STRING));
    String query = Crypto.rsaSign(key, Crypto.SHA1_WITH_RSA, "app_key=6018561003558745&order_id=140713000685555335");
    assertEquals(
        "wTKW05wuYuc3DIX+hRm4VR6k6Xw1pIVCtWx3bYmfYXXLGQnYpaScXcBpjPziA7PChiA6uv/QWO0BxWG7/H6TZxgLGg3ldGwmsVoJixBEkNSqC2chTXXeGaQJEYEknJcKxgKJ2dg4oIp0Jyco6V+FCbZXq7BDmdxHScdqbVA678A=",
        query);
    assertTrue(Crypto.rsaVerify(Crypto.publicOf(key), Crypto.SHA1_WITH_RSA, "app_key=6018561003558745&order_id=140713000685555335", query));
    assertFalse(Crypto.rsaVerify(Crypto.publicOf(key), Crypto.SHA1_WITH_RSA, "app_key=6018561003558745&order_id=1", query));
    assertFalse(Crypto.rsaVerify(Crypto.publicOf(key), Crypto.SHA1_WITH_RSA, "x", "not base64!"));
  }

  @Test
  void reproducesTheYinqiantongVectors() {
    Map<String, String> v2 = new LinkedHashMap<>();
    v2.put("appid", "00000000");
    v2.put("channel", "1");
    v2.put("platform", "2");
    v2.put("money", "1");
    v2.put("client_ip", "127.0.0.1");
    v2.put("subject", "my_subject");
    v2.put("ts", "1541051068");
    assertEquals("65d704b3652d451355f99b173635d107", Crypto.md5Hex(Crypto.canonical(v2) + "&app_secret=your_app_secret"));

    Map<String, String> v1 = new LinkedHashMap<>();
    v1.put("channel", "wx");
    v1.put("platform", "app");
    v1.put("money", "1");
    v1.put("client_ip", "127.0.0.1");
    assertEquals(
        "1917abc8b8908f9bef5cc86559c26edc",
        Crypto.md5Hex(Crypto.canonical(v1) + "&ts=1536053843&app_secret=your_app_secret"));
  }

  @Test
  void comparesHexCaseInsensitivelyAndNeverMatchesNull() {
    assertTrue(Crypto.hexEquals("abc123", "ABC123"));
    assertFalse(Crypto.hexEquals("abc123", "abc124"));
    assertFalse(Crypto.hexEquals("abc123", null));
  }

  @Test
  void refusesKeysThatAreNotRsaPem() {
    assertThrows(IllegalArgumentException.class, () -> Crypto.rsaPrivateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"));
    assertThrows(IllegalArgumentException.class, () -> Crypto.rsaPublicKey(PayKitSandbox.JUYIFU_MERCHANT_PRIVATE_KEY_PEM));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CryptoTest.class.getResourceAsStream(name)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      int n;
      while ((n = in.read(buf)) != -1) out.write(buf, 0, n);
      return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
  }
}
