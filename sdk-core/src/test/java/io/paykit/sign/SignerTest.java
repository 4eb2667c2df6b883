package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.sign.CanonicalString.EmptyValues;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignerTest {
  private static final PrivateKey MIXPAY_KEY =
      Keys.rsaPrivateKey(Fixtures.text("vectors/mixpay-sample-merchant-key.pem"));
  private static final String MIXPAY_SECRET = "019fafebfebf4a9d28c989254660f46c";
  private static final CanonicalString MIXPAY =
      CanonicalString.builder().exclude("sign", "sign_type").emptyValues(EmptyValues.KEEP).build();
  private static final CanonicalString YINQIANTONG = CanonicalString.builder().exclude("sign").build();

  private static Map<String, Object> mixpayOrder() {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("amount", 2);
    order.put("app_key", "6018561003558745");
    order.put("merchant_order_id", "order001");
    order.put("merchant_user_id", "U0001");
    order.put("order_title", "飞行扫帚两个");
    order.put("order_desc", "2014-6-5下单，一红一黑");
    order.put("notify_url", null);
    order.put("product_id", "Product001");
    order.put("product_name", "飞行扫帚");
    order.put("product_desc", "光速2000最新型号，速度超快");
    order.put("ext_data", "");
    order.put("sign_type", 1);
    return order;
  }

  private static Map<String, Object> mixpayQuery() {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("order_id", 140713000685555335L);
    query.put("app_key", "6018561003558745");
    return query;
  }

  @Test
  void md5MatchesTheYinqiantongV1Vector() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", "wx");
    body.put("platform", "app");
    body.put("money", 1);
    body.put("client_ip", "127.0.0.1");
    body.put("subject", "");
    body.put("body", "");
    String content = YINQIANTONG.of(body, "&ts=1536053843&app_secret=your_app_secret");
    assertEquals("channel=wx&client_ip=127.0.0.1&money=1&platform=app&ts=1536053843&app_secret=your_app_secret",
        content);
    assertEquals("1917abc8b8908f9bef5cc86559c26edc", Signer.md5().sign(content));
  }

  @Test
  void md5MatchesTheYinqiantongV1QuerySignatureOfTsAndSecretOnly() {
    assertEquals("d93c607e3396c4461f830ae000af09f5",
        Signer.md5().sign("ts=1536053843&app_secret=your_app_secret"));
  }

  @Test
  void md5MatchesTheYinqiantongV2Vector() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("appid", "00000000");
    body.put("ts", 1541051068L);
    body.put("channel", 1);
    body.put("platform", 2);
    body.put("money", 1);
    body.put("client_ip", "127.0.0.1");
    body.put("subject", "my_subject");
    assertEquals("65d704b3652d451355f99b173635d107",
        Signer.md5().sign(YINQIANTONG.of(body, "&app_secret=your_app_secret")));
  }

  @Test
  void md5MatchesTheYinqiantongV2CallbackVectorWithJsonStyleDoubles() {
    // As a JSON parser hands them over: numbers as doubles, absent texts as "".
    Map<String, Object> callback = new LinkedHashMap<>();
    callback.put("appid", "00000000");
    callback.put("ts", 1541051068.0);
    callback.put("channel", "2");
    callback.put("platform", "3");
    callback.put("out_trade_no", "00000000231540451777acf9947");
    callback.put("client_out_trade_no", "1540449058");
    callback.put("status", "1");
    callback.put("money", 1.0);
    callback.put("client_ip", "127.0.0.1");
    callback.put("open_id", "");
    callback.put("subject", "my_subject");
    callback.put("description", "");
    callback.put("extra", "");
    callback.put("pay_time", 1541051000.0);
    callback.put("sign", "19f11112823c950370d33c7865fd0924");
    String content = YINQIANTONG.of(callback, "&app_secret=your_app_secret");
    assertEquals("appid=00000000&channel=2&client_ip=127.0.0.1&client_out_trade_no=1540449058&money=1"
        + "&out_trade_no=00000000231540451777acf9947&pay_time=1541051000&platform=3&status=1"
        + "&subject=my_subject&ts=1541051068&app_secret=your_app_secret", content);
    assertEquals("19f11112823c950370d33c7865fd0924", Signer.md5().sign(content));
  }

  @Test
  void md5MatchesTheJuyifuOrderAndQueryVectorsWithTheSecretAppendedDirectly() {
    String order = MIXPAY.of(mixpayOrder());
    assertEquals(Fixtures.MIXPAY_ORDER_STRING, order);
    assertEquals("0047ca29b96306b2b7d9417f8fa0e91c", Signer.md5().sign(MIXPAY.of(mixpayOrder(), MIXPAY_SECRET)));
    assertEquals("29d4217bfeba34b099478bc9e56d428e", Signer.md5().sign(MIXPAY.of(mixpayQuery(), MIXPAY_SECRET)));
  }

  @Test
  void rsaMatchesTheJuyifuSha1WithRsaVectorsOfThePublishedSampleKey() {
    Signer rsa = Signer.rsa(MIXPAY_KEY);
    assertEquals("L+ZtG58qOoqFswP695gjkeTRVrut3fX3Ccbsq9k4F/FFJLwtRIKMqmYzPzUzpU0bTMedCG6vcGGcaed/1X+7eRr2"
        + "SF79rBzbTlsVZPd/l2o9JqR6LoqG3ib6iPWd0ZEk7+qaNiiStxylm1FSP3SkNEZM13gr2yODTobLn8vASdk=",
        rsa.sign(MIXPAY.of(mixpayOrder())));
    assertEquals("wTKW05wuYuc3DIX+hRm4VR6k6Xw1pIVCtWx3bYmfYXXLGQnYpaScXcBpjPziA7PChiA6uv/QWO0BxWG7/H6TZxgL"
        + "Gg3ldGwmsVoJixBEkNSqC2chTXXeGaQJEYEknJcKxgKJ2dg4oIp0Jyco6V+FCbZXq7BDmdxHScdqbVA678A=",
        rsa.sign(MIXPAY.of(mixpayQuery())));
  }

  @Test
  void md5UpperCaseMatchesTheQbitPayWebhookVector() {
    String event = Fixtures.text("vectors/qbitpay-webhook-event.json").trim();
    // The raw compact JSON of "data", cut from the body exactly as received.
    String data = event.substring(event.indexOf("\"data\":") + "\"data\":".length(), event.length() - 1);
    assertTrue(data.startsWith("{\"id\":\"5\",\"object\":\"charge\"") && data.endsWith("}"), data);
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("id", "fDOuTy95uSiTi");
    top.put("type", "charge.succeeded");
    top.put("createdAt", "2019-02-25T16:13:12.278Z");
    top.put("object", "event");
    top.put("pendingWebhooks", 0);
    top.put("livemode", true);
    top.put("data", data);
    String content = CanonicalString.builder().build().of(top, "&key=T9uTy95uSifOOuTy");
    assertTrue(content.startsWith("createdAt=2019-02-25T16:13:12.278Z&data={\"id\":\"5\""), content);
    assertTrue(content.endsWith("}&id=fDOuTy95uSiTi&livemode=true&object=event&pendingWebhooks=0"
        + "&type=charge.succeeded&key=T9uTy95uSifOOuTy"), content);
    assertEquals("EE53810FF1341779F2FF25989A67DCFC", Signer.md5UpperCase().sign(content));
  }

  @Test
  void hmacSha256MatchesRfc4231TestCases() {
    assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        Signer.hmacSha256(repeat(0x0b, 20)).sign("Hi There"));
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        Signer.hmacSha256("Jefe").sign("what do ya want for nothing?"));
    assertEquals("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        Signer.hmacSha256(repeat(0xaa, 20)).sign(repeat(0xdd, 50)));
    byte[] key4 = new byte[25];
    for (int i = 0; i < key4.length; i++) {
      key4[i] = (byte) (i + 1);
    }
    assertEquals("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        Signer.hmacSha256(key4).sign(repeat(0xcd, 50)));
    assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        Signer.hmacSha256(repeat(0xaa, 131)).sign("Test Using Larger Than Block-Size Key - Hash Key First"));
    assertEquals("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
        Signer.hmacSha256(repeat(0xaa, 131)).sign("This is a test using a larger than block-size key and a"
            + " larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."));
  }

  @Test
  void hmacSha256WithAStringSecretKeysWithItsUtf8Bytes() {
    assertEquals(Signer.hmacSha256("密钥".getBytes(StandardCharsets.UTF_8)).sign("a=1"),
        Signer.hmacSha256("密钥").sign("a=1"));
    // RFC 4231 case 1's key is valid UTF-8, so the String form reaches the same vector.
    assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        Signer.hmacSha256(new String(repeat(0x0b, 20), StandardCharsets.UTF_8)).sign("Hi There"));
  }

  @Test
  void hmacSha256CopiesTheSecretItWasGiven() {
    byte[] secret = "Jefe".getBytes(StandardCharsets.UTF_8);
    Signer signer = Signer.hmacSha256(secret);
    Arrays.fill(secret, (byte) 0);
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        signer.sign("what do ya want for nothing?"));
  }

  @Test
  void hmacSha256RefusesNullAndEmptySecrets() {
    assertThrows(IllegalArgumentException.class, () -> Signer.hmacSha256((String) null));
    assertThrows(IllegalArgumentException.class, () -> Signer.hmacSha256(""));
    assertThrows(IllegalArgumentException.class, () -> Signer.hmacSha256(new byte[0]));
  }

  @Test
  void signsTheUtf8BytesOfAString() {
    String content = "order_desc=下单，一红一黑";
    byte[] utf8 = content.getBytes(StandardCharsets.UTF_8);
    for (Signer signer : new Signer[] {Signer.md5(), Signer.hmacSha256("k"), Signer.rsa2(MIXPAY_KEY)}) {
      assertEquals(signer.sign(utf8), signer.sign(content), signer.toString());
    }
  }

  @Test
  void md5UpperCaseIsTheUpperCaseOfMd5() {
    assertEquals(Signer.md5().sign("abc").toUpperCase(java.util.Locale.ROOT), Signer.md5UpperCase().sign("abc"));
    assertEquals("900150983cd24fb0d6963f7d28e17f72", Signer.md5().sign("abc"));
  }

  @Test
  void rsaAndRsa2GiveDifferentOneLineStandardBase64Signatures() {
    String rsa = Signer.rsa(MIXPAY_KEY).sign("a=1");
    String rsa2 = Signer.rsa2(MIXPAY_KEY).sign("a=1");
    assertNotEquals(rsa, rsa2);
    for (String signature : new String[] {rsa, rsa2}) {
      assertEquals(128, Base64.getDecoder().decode(signature).length);
      assertFalse(signature.contains("\n") || signature.contains("-") || signature.contains("_"), signature);
    }
    assertTrue(Verifier.rsa2(Keys.publicKeyOf(MIXPAY_KEY)).verify("a=1", rsa2));
  }

  @Test
  void sm2SignaturesAreRandomizedDerAndVerify() {
    PrivateKey key = Keys.sm2PrivateKey(Fixtures.openssl("sm2-private.pem"));
    Signer signer = Signer.sm2(key);
    String first = signer.sign("a=1");
    String second = signer.sign("a=1");
    assertNotEquals(first, second);
    byte[] der = Base64.getDecoder().decode(first);
    assertEquals(0x30, der[0] & 0xff);
    assertTrue(Verifier.sm2(Keys.publicKeyOf(key)).verify("a=1", first));
    assertTrue(Verifier.sm2(Keys.publicKeyOf(key)).verify("a=1", second));
  }

  @Test
  void sm2WithAnotherUserIdIsNotVerifiedWithTheDefaultId() {
    PrivateKey key = Keys.sm2PrivateKey(Fixtures.openssl("sm2-private.pem"));
    String signature = Signer.sm2(key, "ALICE123@YAHOO.COM").sign("a=1");
    assertTrue(Verifier.sm2(Keys.publicKeyOf(key), "ALICE123@YAHOO.COM").verify("a=1", signature));
    assertFalse(Verifier.sm2(Keys.publicKeyOf(key)).verify("a=1", signature));
  }

  @Test
  void sm2RefusesNullUserIdsAndIdsOf8192BytesOrMore() {
    PrivateKey key = Keys.sm2PrivateKey(Fixtures.openssl("sm2-private.pem"));
    assertThrows(IllegalArgumentException.class, () -> Signer.sm2(key, null));
    char[] tooLong = new char[8192];
    Arrays.fill(tooLong, 'a');
    assertThrows(IllegalArgumentException.class, () -> Signer.sm2(key, new String(tooLong)));
    assertEquals(SignType.SM2, Signer.sm2(key, new String(tooLong, 0, 8191)).signType());
  }

  @Test
  void factoriesRefuseKeysOfTheWrongAlgorithm() {
    PrivateKey sm2 = Keys.sm2PrivateKey(Fixtures.openssl("sm2-private.pem"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Signer.rsa2(sm2));
    assertEquals("RSA2 needs an RSA private key, not EC", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Signer.sm2(MIXPAY_KEY));
    assertEquals("SM2 needs an EC private key on the SM2 curve, not a key of algorithm RSA", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Signer.rsa(null));
    assertThrows(IllegalArgumentException.class, () -> Signer.sm2(null));
  }

  @Test
  void sm2AcceptsAnEcPrivateKeyOnTheSm2CurveFromAnotherSource() throws Exception {
    PrivateKey ours = Keys.sm2PrivateKey(Fixtures.openssl("sm2-private.pem"));
    // A JCA EC key built from the same numbers by a provider instance (never registered).
    java.security.KeyFactory bc =
        java.security.KeyFactory.getInstance("EC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
    PrivateKey foreign = bc.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(ours.getEncoded()));
    assertNotEquals(ours.getClass(), foreign.getClass());
    String signature = Signer.sm2(foreign).sign("a=1");
    assertTrue(Verifier.sm2(Keys.publicKeyOf(ours)).verify("a=1", signature));
  }

  @Test
  void signingNullContentIsAnIllegalArgument() {
    for (Signer signer : new Signer[] {Signer.md5(), Signer.md5UpperCase(), Signer.hmacSha256("k"),
        Signer.rsa(MIXPAY_KEY), Signer.sm2(Keys.sm2PrivateKey(Fixtures.openssl("sm2-private.pem")))}) {
      assertThrows(IllegalArgumentException.class, () -> signer.sign((String) null), signer.toString());
      assertThrows(IllegalArgumentException.class, () -> signer.sign((byte[]) null), signer.toString());
    }
  }

  @Test
  void reportsItsSignType() {
    assertEquals(SignType.MD5, Signer.md5().signType());
    assertEquals(SignType.MD5, Signer.md5UpperCase().signType());
    assertEquals(SignType.HMAC_SHA256, Signer.hmacSha256("k").signType());
    assertEquals(SignType.RSA, Signer.rsa(MIXPAY_KEY).signType());
    assertEquals(SignType.RSA2, Signer.rsa2(MIXPAY_KEY).signType());
    assertEquals(SignType.SM2, Signer.sm2(Keys.sm2PrivateKey(Fixtures.openssl("sm2-private.pem"))).signType());
    assertSame(Signer.md5(), Signer.md5());
  }

  @Test
  void toStringShowsTheAlgorithmOnly() {
    assertEquals("Signer[MD5]", Signer.md5().toString());
    assertEquals("Signer[MD5, upper-case hex]", Signer.md5UpperCase().toString());
    assertEquals("Signer[HMAC_SHA256]", Signer.hmacSha256("my-secret").toString());
    assertEquals("Signer[RSA, SHA1withRSA]", Signer.rsa(MIXPAY_KEY).toString());
    assertEquals("Signer[RSA2, SHA256withRSA]", Signer.rsa2(MIXPAY_KEY).toString());
    assertEquals("Signer[SM2, SM3withSM2]",
        Signer.sm2(Keys.sm2PrivateKey(Fixtures.openssl("sm2-private.pem"))).toString());
  }

  static byte[] repeat(int b, int count) {
    byte[] out = new byte[count];
    Arrays.fill(out, (byte) b);
    return out;
  }
}
