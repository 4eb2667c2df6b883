package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class KeysTest {
  private static final String RSA_PKCS8 = Fixtures.openssl("rsa-private.pem");
  private static final String RSA_PKCS1 = Fixtures.openssl("rsa-private-pkcs1.pem");
  private static final String RSA_PUBLIC = Fixtures.openssl("rsa-public.pem");
  private static final String SM2_PKCS8 = Fixtures.openssl("sm2-private.pem");
  private static final String SM2_PUBLIC = Fixtures.openssl("sm2-public.pem");
  private static final String SM2_PRIVATE_HEX = Fixtures.openssl("sm2-private.hex").trim();
  private static final String SM2_PUBLIC_HEX = Fixtures.openssl("sm2-public.hex").trim();
  /** n of sm2p256v1 (GM/T 0003.5). */
  private static final BigInteger SM2_N =
      new BigInteger("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16);

  // ---- RSA private keys

  @Test
  void loadsTheSameRsaPrivateKeyFromPkcs8AndPkcs1PemAndFromTheirBareBase64() {
    PrivateKey pkcs8 = Keys.rsaPrivateKey(RSA_PKCS8);
    assertEquals("RSA", pkcs8.getAlgorithm());
    assertArrayEquals(der(RSA_PKCS8), pkcs8.getEncoded());
    assertEquals(pkcs8, Keys.rsaPrivateKey(RSA_PKCS1));
    assertEquals(pkcs8, Keys.rsaPrivateKey(base64Body(RSA_PKCS8)));
    assertEquals(pkcs8, Keys.rsaPrivateKey(base64Body(RSA_PKCS1)));
    assertEquals(pkcs8, Keys.rsaPrivateKey(base64Body(RSA_PKCS1).replace("\n", "")));
  }

  @Test
  void loadsAnRsaPrivateKeyWithCrlfLinesAndTextAroundThePemBlock() {
    String messy = "Bag Attributes\n    friendlyName: merchant\n"
        + RSA_PKCS1.replace("\n", "\r\n") + "\r\ntrailing notes\n";
    assertEquals(Keys.rsaPrivateKey(RSA_PKCS8), Keys.rsaPrivateKey("  " + messy));
  }

  @Test
  void loadsThePublishedJuyifuSamplePkcs1Key() {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) Keys.rsaPrivateKey(Fixtures.text("vectors/mixpay-sample-merchant-key.pem"));
    assertEquals(1024, key.getModulus().bitLength());
  }

  @Test
  void rsaPrivateKeyRefusesWrongPemTypesNamingWhatItGot() {
    assertInvalid(Keys::rsaPrivateKey, RSA_PUBLIC, "this is a public key or certificate, not a private key");
    assertInvalid(Keys::rsaPrivateKey, Fixtures.openssl("rsa-cert.pem"), "not a private key");
    assertInvalid(Keys::rsaPrivateKey, Fixtures.openssl("rsa-private-encrypted.pem"), "encrypted keys are not supported");
    assertInvalid(Keys::rsaPrivateKey, Fixtures.openssl("sm2-private-sec1.pem"), "the key algorithm is SM2, not RSA");
    assertInvalid(Keys::rsaPrivateKey, RSA_PKCS8.replace("PRIVATE KEY", "OPENSSH PRIVATE KEY"),
        "PEM type 'OPENSSH PRIVATE KEY' is not supported here");
  }

  @Test
  void rsaPrivateKeyRefusesKeysOfOtherAlgorithms() {
    assertInvalid(Keys::rsaPrivateKey, Fixtures.openssl("ec-p256-private.pem"), "the key algorithm is EC (P-256), not RSA");
    assertInvalid(Keys::rsaPrivateKey, base64Body(Fixtures.openssl("ec-p256-private.pem")), "EC (P-256), not RSA");
    assertInvalid(Keys::rsaPrivateKey, SM2_PKCS8, "the key algorithm is EC (SM2), not RSA");
    assertInvalid(Keys::rsaPrivateKey, Fixtures.openssl("ed25519-private.pem"), "the key algorithm is Ed25519, not RSA");
  }

  @Test
  void rsaPrivateKeyRefusesCorruptPem() {
    String[] lines = RSA_PKCS8.split("\n");
    // A character outside Base64 in the body.
    assertInvalid(Keys::rsaPrivateKey, RSA_PKCS8.replace(lines[3], "*" + lines[3].substring(1)),
        "the body of the PEM block 'PRIVATE KEY' is not valid Base64");
    // Lines missing: the DER is cut short.
    StringBuilder truncated = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i < 10 || i == lines.length - 1) {
        truncated.append(lines[i]).append('\n');
      }
    }
    assertInvalid(Keys::rsaPrivateKey, truncated.toString(), "the key structure is corrupt");
    assertInvalid(Keys::rsaPrivateKey, RSA_PKCS8.replace("-----END PRIVATE KEY-----", ""), "has no matching END line");
    assertInvalid(Keys::rsaPrivateKey, RSA_PKCS1.replace("-----BEGIN RSA PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n"),
        "encrypted key, which is not supported");
  }

  @Test
  void rsaPrivateKeyRefusesACrtKeyWhosePrimeExponentWasDamaged() throws Exception {
    List<Der.Element> fields = Der.parse(der(RSA_PKCS1)).children();
    List<byte[]> integers = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      BigInteger value = fields.get(i).integer();
      integers.add(Der.integer(i == 6 ? value.add(BigInteger.valueOf(2)) : value)); // exponent1 (d mod p-1)
    }
    String damaged = pem("RSA PRIVATE KEY", Der.sequence(integers.toArray(new byte[0][])));
    assertInvalid(Keys::rsaPrivateKey, damaged, "RSA private key");
  }

  @Test
  void rsaPrivateKeyRefusesGarbageNullAndBlankText() {
    assertInvalid(Keys::rsaPrivateKey, "not a key at all!", "the text is neither PEM nor valid Base64");
    assertInvalid(Keys::rsaPrivateKey, "QUJDREVGR0g=", "does not decode to a supported key structure");
    assertInvalid(Keys::rsaPrivateKey, "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----", "not valid Base64");
    assertInvalid(Keys::rsaPrivateKey, "   \n", "RSA private key text is empty");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Keys.rsaPrivateKey(null));
    assertEquals("RSA private key text is null", e.getMessage());
  }

  // ---- RSA public keys

  @Test
  void loadsTheSameRsaPublicKeyFromSpkiPkcs1AndCertificateInPemOrBase64() {
    PublicKey spki = Keys.rsaPublicKey(RSA_PUBLIC);
    assertArrayEquals(der(RSA_PUBLIC), spki.getEncoded());
    String pkcs1 = Fixtures.openssl("rsa-public-pkcs1.pem");
    String certificate = Fixtures.openssl("rsa-cert.pem");
    assertEquals(spki, Keys.rsaPublicKey(pkcs1));
    assertEquals(spki, Keys.rsaPublicKey(certificate));
    assertEquals(spki, Keys.rsaPublicKey(base64Body(RSA_PUBLIC)));
    assertEquals(spki, Keys.rsaPublicKey(base64Body(pkcs1)));
    assertEquals(spki, Keys.rsaPublicKey(base64Body(certificate)));
    assertEquals(spki, Keys.publicKeyOf(Keys.rsaPrivateKey(RSA_PKCS8)));
  }

  @Test
  void rsaPublicKeyRefusesPrivateKeysOtherAlgorithmsAndGarbage() {
    assertInvalid(Keys::rsaPublicKey, RSA_PKCS8, "this is a private key");
    assertInvalid(Keys::rsaPublicKey, base64Body(RSA_PKCS1), "this is a private key");
    assertInvalid(Keys::rsaPublicKey, Fixtures.openssl("ec-p256-public.pem"), "the key algorithm is EC (P-256), not RSA");
    assertInvalid(Keys::rsaPublicKey, SM2_PUBLIC, "the key algorithm is EC (SM2), not RSA");
    assertInvalid(Keys::rsaPublicKey, SM2_PUBLIC_HEX, "does not decode to a supported key structure");
    assertInvalid(Keys::rsaPublicKey, RSA_PUBLIC.substring(0, RSA_PUBLIC.length() - 60) + "\n-----END PUBLIC KEY-----",
        "RSA public key");
    assertInvalid(Keys::rsaPublicKey, "#%&", "neither PEM nor valid Base64");
  }

  @Test
  void rsaPublicKeyRefusesACorruptCertificate() {
    String certificate = Fixtures.openssl("rsa-cert.pem");
    byte[] der = der(certificate);
    byte[] cut = java.util.Arrays.copyOf(der, der.length - 40);
    assertInvalid(Keys::rsaPublicKey, pem("CERTIFICATE", cut), "RSA public key");
  }

  // ---- SM2 private keys

  @Test
  void loadsTheSameSm2PrivateKeyFromPkcs8Sec1HexAndBase64() {
    PrivateKey pkcs8 = Keys.sm2PrivateKey(SM2_PKCS8);
    assertTrue(pkcs8 instanceof ECPrivateKey);
    assertEquals("EC", pkcs8.getAlgorithm());
    assertEquals("PKCS#8", pkcs8.getFormat());
    // Our encoding is byte for byte the one OpenSSL wrote.
    assertArrayEquals(der(SM2_PKCS8), pkcs8.getEncoded());
    String sec1 = Fixtures.openssl("sm2-private-sec1.pem");
    assertEquals(pkcs8, Keys.sm2PrivateKey(sec1));
    assertEquals(pkcs8, Keys.sm2PrivateKey(sec1.replace("SM2 PRIVATE KEY", "EC PRIVATE KEY")));
    assertEquals(pkcs8, Keys.sm2PrivateKey(base64Body(SM2_PKCS8)));
    assertEquals(pkcs8, Keys.sm2PrivateKey(base64Body(sec1)));
    assertEquals(pkcs8, Keys.sm2PrivateKey(SM2_PRIVATE_HEX));
    assertEquals(pkcs8, Keys.sm2PrivateKey(SM2_PRIVATE_HEX.toUpperCase(Locale.ROOT) + "\n"));
    assertEquals(new BigInteger(SM2_PRIVATE_HEX, 16), ((ECPrivateKey) pkcs8).getS());
  }

  @Test
  void sm2PrivateKeyRefusesKeysOfOtherAlgorithmsAndCurves() {
    assertInvalid(Keys::sm2PrivateKey, RSA_PKCS8, "the key algorithm is RSA, not SM2");
    assertInvalid(Keys::sm2PrivateKey, RSA_PKCS1, "the key algorithm is RSA, not SM2");
    assertInvalid(Keys::sm2PrivateKey, Fixtures.openssl("ec-p256-private.pem"), "the key algorithm is EC (P-256), not SM2");
    assertInvalid(Keys::sm2PrivateKey, Fixtures.openssl("ed25519-private.pem"), "the key algorithm is Ed25519, not SM2");
    assertInvalid(Keys::sm2PrivateKey, SM2_PUBLIC, "this is a public key or certificate, not a private key");
  }

  @Test
  void sm2PrivateKeyRefusesGarbageHexAndOutOfRangeScalars() {
    assertInvalid(Keys::sm2PrivateKey, SM2_PRIVATE_HEX.substring(2), "must be 64 hex digits (32 bytes), got 62 digits");
    assertInvalid(Keys::sm2PrivateKey, SM2_PRIVATE_HEX.substring(0, 63) + "g", "SM2 private key");
    assertInvalid(Keys::sm2PrivateKey, "deadbeef", "must be 64 hex digits");
    assertInvalid(Keys::sm2PrivateKey, repeat('0', 64), "the private scalar is out of range [1, n-2]");
    assertInvalid(Keys::sm2PrivateKey, SM2_N.subtract(BigInteger.ONE).toString(16), "out of range");
    assertInvalid(Keys::sm2PrivateKey, SM2_N.toString(16), "out of range");
    assertEquals(SignType.SM2, Signer.sm2(Keys.sm2PrivateKey(SM2_N.subtract(BigInteger.valueOf(2)).toString(16))).signType());
  }

  @Test
  void sm2PrivateKeyRefusesASec1KeyWhoseEmbeddedPublicKeyDoesNotMatch() throws Exception {
    List<Der.Element> fields = Der.parse(der(Fixtures.openssl("sm2-private-sec1.pem"))).children();
    PublicKey other = Keys.publicKeyOf(Keys.sm2PrivateKey(repeat('1', 64)));
    byte[] otherPoint = KeyFormats.spkiKeyBits(other.getEncoded());
    byte[] mismatched = Der.sequence(fields.get(0).encoded(), fields.get(1).encoded(), fields.get(2).encoded(),
        Der.contextTag(1, Der.bitString(otherPoint)));
    assertInvalid(Keys::sm2PrivateKey, pem("EC PRIVATE KEY", mismatched),
        "the embedded public key does not match the private scalar");
  }

  @Test
  void sm2PrivateKeyRefusesCorruptPem() {
    assertInvalid(Keys::sm2PrivateKey, SM2_PKCS8.replace("-----END PRIVATE KEY-----", "-----END PUBLIC KEY-----"),
        "has no matching END line");
    String body = base64Body(SM2_PKCS8).replace("\n", "");
    assertInvalid(Keys::sm2PrivateKey, pem("PRIVATE KEY", java.util.Arrays.copyOf(Base64.getDecoder().decode(body), 100)),
        "the key structure is corrupt");
    assertInvalid(Keys::sm2PrivateKey, Fixtures.openssl("rsa-private-encrypted.pem"), "encrypted keys are not supported");
  }

  // ---- SM2 public keys

  @Test
  void loadsTheSameSm2PublicKeyFromPemCertificateBase64AndEveryHexForm() {
    PublicKey spki = Keys.sm2PublicKey(SM2_PUBLIC);
    assertTrue(spki instanceof ECPublicKey);
    assertEquals("X.509", spki.getFormat());
    assertArrayEquals(der(SM2_PUBLIC), spki.getEncoded());
    assertEquals(spki, Keys.sm2PublicKey(SM2_PUBLIC_HEX));
    assertEquals(spki, Keys.sm2PublicKey(SM2_PUBLIC_HEX.substring(2)));
    BigInteger y = new BigInteger(SM2_PUBLIC_HEX.substring(66), 16);
    assertEquals(spki, Keys.sm2PublicKey((y.testBit(0) ? "03" : "02") + SM2_PUBLIC_HEX.substring(2, 66)));
    assertEquals(spki, Keys.sm2PublicKey(Fixtures.openssl("sm2-cert.pem")));
    assertEquals(spki, Keys.sm2PublicKey(base64Body(SM2_PUBLIC)));
    assertEquals(spki, Keys.sm2PublicKey(base64Body(Fixtures.openssl("sm2-cert.pem"))));
    assertEquals(spki, Keys.publicKeyOf(Keys.sm2PrivateKey(SM2_PKCS8)));
    assertEquals(new BigInteger(SM2_PUBLIC_HEX.substring(2, 66), 16), ((ECPublicKey) spki).getW().getAffineX());
  }

  @Test
  void sm2PublicKeyRefusesPointsOffTheCurveAndWrongLengths() {
    String last = SM2_PUBLIC_HEX.substring(129);
    String offCurve = SM2_PUBLIC_HEX.substring(0, 129) + ("0".equals(last) ? "1" : "0");
    assertInvalid(Keys::sm2PublicKey, offCurve, "the public key is not a valid point on the SM2 curve");
    assertInvalid(Keys::sm2PublicKey, "05" + SM2_PUBLIC_HEX.substring(2), "must start with 04");
    assertInvalid(Keys::sm2PublicKey, "04" + SM2_PUBLIC_HEX.substring(2, 66), "must start with 02 or 03");
    assertInvalid(Keys::sm2PublicKey, SM2_PUBLIC_HEX.substring(0, 100), "got 100 digits");
    assertInvalid(Keys::sm2PublicKey, "00", "must be 130 digits");
  }

  @Test
  void sm2PublicKeyRefusesOtherKeys() {
    assertInvalid(Keys::sm2PublicKey, RSA_PUBLIC, "the key algorithm is RSA, not SM2");
    assertInvalid(Keys::sm2PublicKey, Fixtures.openssl("rsa-public-pkcs1.pem"), "the key algorithm is RSA, not SM2");
    assertInvalid(Keys::sm2PublicKey, Fixtures.openssl("rsa-cert.pem"), "the key algorithm is RSA, not SM2");
    assertInvalid(Keys::sm2PublicKey, Fixtures.openssl("ec-p256-public.pem"), "the key algorithm is EC (P-256), not SM2");
    assertInvalid(Keys::sm2PublicKey, SM2_PKCS8, "this is a private key");
  }

  // ---- publicKeyOf, toString, serialization

  @Test
  void publicKeyOfRefusesKeysItCannotDeriveFrom() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> Keys.publicKeyOf(null));
    RSAPrivateCrtKey crt = (RSAPrivateCrtKey) Keys.rsaPrivateKey(RSA_PKCS8);
    PrivateKey nonCrt = KeyFactory.getInstance("RSA")
        .generatePrivate(new RSAPrivateKeySpec(crt.getModulus(), crt.getPrivateExponent()));
    assertThrows(IllegalArgumentException.class, () -> Keys.publicKeyOf(nonCrt));
    // A non-CRT key still signs, and the signature checks out.
    assertTrue(Verifier.rsa2(Keys.rsaPublicKey(RSA_PUBLIC)).verify("a", Signer.rsa2(nonCrt).sign("a")));
    KeyPairGenerator p256 = KeyPairGenerator.getInstance("EC");
    p256.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    PrivateKey ec = p256.generateKeyPair().getPrivate();
    assertThrows(IllegalArgumentException.class, () -> Keys.publicKeyOf(ec));
  }

  @Test
  void sm2KeysShowTheAlgorithmOnlyInToString() {
    assertEquals("SM2 private key", Keys.sm2PrivateKey(SM2_PKCS8).toString());
    assertEquals("SM2 public key", Keys.sm2PublicKey(SM2_PUBLIC).toString());
  }

  @Test
  void sm2KeysRefuseJavaSerialization() {
    PrivateKey key = Keys.sm2PrivateKey(SM2_PKCS8);
    assertThrows(NotSerializableException.class,
        () -> new ObjectOutputStream(new java.io.ByteArrayOutputStream()).writeObject(key));
    assertThrows(NotSerializableException.class,
        () -> new ObjectOutputStream(new java.io.ByteArrayOutputStream()).writeObject(Keys.publicKeyOf(key)));
  }

  @Test
  void sm2KeysHashAndCompareByValue() {
    assertEquals(Keys.sm2PrivateKey(SM2_PKCS8).hashCode(), Keys.sm2PrivateKey(SM2_PRIVATE_HEX).hashCode());
    assertEquals(Keys.sm2PublicKey(SM2_PUBLIC).hashCode(), Keys.sm2PublicKey(SM2_PUBLIC_HEX).hashCode());
    assertTrue(!Keys.sm2PrivateKey(SM2_PKCS8).equals(Keys.sm2PrivateKey(repeat('1', 64))));
  }

  // ---- helpers

  /** Asserts an IllegalArgumentException whose message contains {@code expected} and no key text. */
  private static void assertInvalid(Function<String, ?> loader, String keyText, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loader.apply(keyText));
    assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    Fixtures.assertNoKeyMaterial(e, keyText);
  }

  private static String base64Body(String pem) {
    return pem.replaceAll("-----[A-Z0-9 ]+-----", "").trim();
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder().decode(base64Body(pem));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static String repeat(char c, int count) {
    char[] chars = new char[count];
    java.util.Arrays.fill(chars, c);
    return new String(chars);
  }
}
