package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One contract, run against every scheme, plus what is particular to some of them. */
class VerifierTest {
  private static final String CONTENT = "amount=2&app_id=42&subject=飞行扫帚&app_secret=s3cret";
  private static final PrivateKey RSA_KEY = Keys.rsaPrivateKey(Fixtures.openssl("rsa-private.pem"));
  private static final PublicKey RSA_PUBLIC = Keys.rsaPublicKey(Fixtures.openssl("rsa-public.pem"));
  private static final PublicKey OTHER_RSA_PUBLIC =
      Keys.publicKeyOf(Keys.rsaPrivateKey(Fixtures.text("vectors/mixpay-sample-merchant-key.pem")));
  private static final PrivateKey SM2_KEY = Keys.sm2PrivateKey(Fixtures.openssl("sm2-private.pem"));
  private static final PublicKey SM2_PUBLIC = Keys.sm2PublicKey(Fixtures.openssl("sm2-public.pem"));

  /** A scheme under test: how to sign, the matching verifier, and one holding a different key. */
  static final class Scheme {
    final Signer signer;
    final Verifier verifier;
    final Verifier otherKey;

    Scheme(Signer signer, Verifier verifier, Verifier otherKey) {
      this.signer = signer;
      this.verifier = verifier;
      this.otherKey = otherKey;
    }

    @Override
    public String toString() {
      return signer.toString();
    }
  }

  static Stream<Scheme> schemes() {
    PublicKey otherSm2 = Keys.publicKeyOf(
        Keys.sm2PrivateKey("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8"));
    return Stream.of(
        new Scheme(Signer.md5(), Verifier.md5(), null),
        new Scheme(Signer.md5UpperCase(), Verifier.md5(), null),
        new Scheme(Signer.hmacSha256("s3cret"), Verifier.hmacSha256("s3cret"), Verifier.hmacSha256("s3cret!")),
        new Scheme(Signer.rsa(RSA_KEY), Verifier.rsa(RSA_PUBLIC), Verifier.rsa(OTHER_RSA_PUBLIC)),
        new Scheme(Signer.rsa2(RSA_KEY), Verifier.rsa2(RSA_PUBLIC), Verifier.rsa2(OTHER_RSA_PUBLIC)),
        new Scheme(Signer.sm2(SM2_KEY), Verifier.sm2(SM2_PUBLIC), Verifier.sm2(otherSm2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void acceptsTheSignersSignature(Scheme scheme) {
    assertTrue(scheme.verifier.verify(CONTENT, scheme.signer.sign(CONTENT)));
    assertTrue(scheme.verifier.verify(CONTENT.getBytes(StandardCharsets.UTF_8), scheme.signer.sign(CONTENT)));
    assertEquals(scheme.signer.signType(), scheme.verifier.signType());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void rejectsTamperedContent(Scheme scheme) {
    String signature = scheme.signer.sign(CONTENT);
    assertFalse(scheme.verifier.verify(CONTENT.replace("amount=2", "amount=3"), signature));
    assertFalse(scheme.verifier.verify(CONTENT + " ", signature));
    assertFalse(scheme.verifier.verify("", signature));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void rejectsASignatureMadeWithAnotherKey(Scheme scheme) {
    if (scheme.otherKey == null) {
      // MD5 has no key: its secret is in the content, covered by rejectsTamperedContent.
      assertFalse(scheme.verifier.verify(CONTENT, scheme.signer.sign(CONTENT.replace("s3cret", "other"))));
      return;
    }
    assertFalse(scheme.otherKey.verify(CONTENT, scheme.signer.sign(CONTENT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void rejectsTruncatedSignatures(Scheme scheme) {
    String signature = scheme.signer.sign(CONTENT);
    assertFalse(scheme.verifier.verify(CONTENT, signature.substring(0, signature.length() - 1)));
    assertFalse(scheme.verifier.verify(CONTENT, signature.substring(0, signature.length() - 4)));
    assertFalse(scheme.verifier.verify(CONTENT, signature.substring(0, signature.length() / 2)));
    assertFalse(scheme.verifier.verify(CONTENT, signature.substring(0, 4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void rejectsSignaturesThatAreNotHexOrBase64(Scheme scheme) {
    String signature = scheme.signer.sign(CONTENT);
    assertFalse(scheme.verifier.verify(CONTENT, "*" + signature.substring(1)));
    assertFalse(scheme.verifier.verify(CONTENT, signature + "\n"));
    assertFalse(scheme.verifier.verify(CONTENT, "not a signature at all"));
    assertFalse(scheme.verifier.verify(CONTENT, "===="));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void rejectsEmptyAndNullSignatures(Scheme scheme) {
    assertFalse(scheme.verifier.verify(CONTENT, ""));
    assertFalse(scheme.verifier.verify(CONTENT, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void rejectsASignatureOfTheRightLengthWithOneBitFlipped(Scheme scheme) {
    String signature = scheme.signer.sign(CONTENT);
    boolean hex = scheme.signer.signType() == SignType.MD5 || scheme.signer.signType() == SignType.HMAC_SHA256;
    for (int position : new int[] {0, 7, -1}) {
      byte[] raw = hex ? Hex.decodeOrNull(signature) : Base64.getDecoder().decode(signature);
      int index = position < 0 ? raw.length - 1 : position;
      raw[index] ^= 0x01;
      String flipped = hex ? Hex.encode(raw, false) : Base64.getEncoder().encodeToString(raw);
      assertEquals(signature.length(), flipped.length());
      assertFalse(scheme.verifier.verify(CONTENT, flipped), "bit flipped at " + index);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void rejectsAnAllZeroSignatureOfTheRightLength(Scheme scheme) {
    String signature = scheme.signer.sign(CONTENT);
    boolean hex = scheme.signer.signType() == SignType.MD5 || scheme.signer.signType() == SignType.HMAC_SHA256;
    int length = hex ? signature.length() / 2 : Base64.getDecoder().decode(signature).length;
    byte[] zeros = new byte[length];
    assertFalse(scheme.verifier.verify(CONTENT, hex ? Hex.encode(zeros, false) : Base64.getEncoder().encodeToString(zeros)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void stillVerifiesAfterRejectingMalformedInput(Scheme scheme) {
    // Pooled engines must not carry state from a failed check into the next one.
    String signature = scheme.signer.sign(CONTENT);
    for (int i = 0; i < 3; i++) {
      assertFalse(scheme.verifier.verify(CONTENT + i, signature.substring(0, signature.length() - 4)));
      assertFalse(scheme.verifier.verify(CONTENT + i, "AAAA"));
      assertTrue(scheme.verifier.verify(CONTENT, signature));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void nullContentIsAnIllegalArgument(Scheme scheme) {
    String signature = scheme.signer.sign(CONTENT);
    assertThrows(IllegalArgumentException.class, () -> scheme.verifier.verify((String) null, signature));
    assertThrows(IllegalArgumentException.class, () -> scheme.verifier.verify((byte[]) null, signature));
  }

  @Test
  void hexSignaturesAreComparedCaseInsensitively() {
    String md5 = Signer.md5().sign(CONTENT);
    assertTrue(Verifier.md5().verify(CONTENT, md5.toUpperCase(Locale.ROOT)));
    assertTrue(Verifier.md5().verify(CONTENT, md5));
    assertTrue(Verifier.md5().verify(CONTENT, Character.toUpperCase(md5.charAt(0)) + md5.substring(1)));
    String hmac = Signer.hmacSha256("k").sign(CONTENT);
    assertTrue(Verifier.hmacSha256("k").verify(CONTENT, hmac.toUpperCase(Locale.ROOT)));
  }

  @Test
  void md5VerifiesTheQbitPayWebhookVectorInEitherCase() {
    String content = "createdAt=2019-02-25T16:13:12.278Z&data="
        + Fixtures.text("vectors/qbitpay-webhook-event.json").trim().replaceFirst("^.*\"data\":", "").replaceFirst("}$", "")
        + "&id=fDOuTy95uSiTi&livemode=true&object=event&pendingWebhooks=0&type=charge.succeeded&key=T9uTy95uSifOOuTy";
    assertTrue(Verifier.md5().verify(content, "EE53810FF1341779F2FF25989A67DCFC"));
    assertTrue(Verifier.md5().verify(content, "ee53810ff1341779f2ff25989a67dcfc"));
    assertFalse(Verifier.md5().verify(content, "A06B45D68F34D56137409671E6448949")); // the superseded vector
  }

  @Test
  void rsaVerifiesThePublishedJuyifuSignatures() {
    Verifier verifier = Verifier.rsa(OTHER_RSA_PUBLIC);
    assertTrue(verifier.verify("app_key=6018561003558745&order_id=140713000685555335",
        "wTKW05wuYuc3DIX+hRm4VR6k6Xw1pIVCtWx3bYmfYXXLGQnYpaScXcBpjPziA7PChiA6uv/QWO0BxWG7/H6TZxgL"
            + "Gg3ldGwmsVoJixBEkNSqC2chTXXeGaQJEYEknJcKxgKJ2dg4oIp0Jyco6V+FCbZXq7BDmdxHScdqbVA678A="));
    assertFalse(Verifier.rsa2(OTHER_RSA_PUBLIC).verify("app_key=6018561003558745&order_id=140713000685555335",
        "wTKW05wuYuc3DIX+hRm4VR6k6Xw1pIVCtWx3bYmfYXXLGQnYpaScXcBpjPziA7PChiA6uv/QWO0BxWG7/H6TZxgL"
            + "Gg3ldGwmsVoJixBEkNSqC2chTXXeGaQJEYEknJcKxgKJ2dg4oIp0Jyco6V+FCbZXq7BDmdxHScdqbVA678A="));
  }

  @Test
  void sm2RejectsWellFormedDerWithOutOfRangeComponents() {
    BigInteger n = new BigInteger("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16);
    Verifier verifier = Verifier.sm2(SM2_PUBLIC);
    for (BigInteger[] rs : new BigInteger[][] {
        {BigInteger.ZERO, BigInteger.ONE}, {BigInteger.ONE, BigInteger.ZERO}, {n, BigInteger.ONE},
        {BigInteger.ONE, n.add(BigInteger.ONE)}, {BigInteger.ONE.negate(), BigInteger.ONE}}) {
      byte[] der = Der.sequence(Der.integer(rs[0]), Der.integer(rs[1]));
      assertFalse(verifier.verify(CONTENT, Base64.getEncoder().encodeToString(der)));
    }
  }

  @Test
  void sm2RejectsASignatureWithTrailingBytesAfterTheDer() {
    byte[] der = Base64.getDecoder().decode(Signer.sm2(SM2_KEY).sign(CONTENT));
    byte[] longer = java.util.Arrays.copyOf(der, der.length + 1);
    assertFalse(Verifier.sm2(SM2_PUBLIC).verify(CONTENT, Base64.getEncoder().encodeToString(longer)));
  }

  @Test
  void factoriesRefuseKeysOfTheWrongAlgorithm() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Verifier.rsa(SM2_PUBLIC));
    assertEquals("RSA needs an RSA public key, not EC", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Verifier.sm2(RSA_PUBLIC));
    assertThrows(IllegalArgumentException.class,
        () -> Verifier.sm2(Keys.rsaPublicKey(Fixtures.openssl("rsa-public.pem"))));
    assertThrows(IllegalArgumentException.class, () -> Verifier.rsa2(null));
    assertThrows(IllegalArgumentException.class, () -> Verifier.sm2(null));
    assertThrows(IllegalArgumentException.class, () -> Verifier.hmacSha256(""));
    assertThrows(IllegalArgumentException.class, () -> Verifier.sm2(SM2_PUBLIC, null));
  }

  @Test
  void sm2RefusesAnEcKeyOnAnotherCurve() throws Exception {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
    generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    PublicKey p256 = generator.generateKeyPair().getPublic();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Verifier.sm2(p256));
    assertEquals("SM2 needs an EC public key on the SM2 curve, not an EC key on another curve", e.getMessage());
  }

  @Test
  void toStringShowsTheAlgorithmOnly() {
    assertEquals("Verifier[MD5]", Verifier.md5().toString());
    assertEquals("Verifier[HMAC_SHA256]", Verifier.hmacSha256("my-secret").toString());
    assertEquals("Verifier[RSA, SHA1withRSA]", Verifier.rsa(RSA_PUBLIC).toString());
    assertEquals("Verifier[RSA2, SHA256withRSA]", Verifier.rsa2(RSA_PUBLIC).toString());
    assertEquals("Verifier[SM2, SM3withSM2]", Verifier.sm2(SM2_PUBLIC).toString());
  }
}
