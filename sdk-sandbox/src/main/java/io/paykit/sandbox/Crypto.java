package io.paykit.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox's own signing primitives, written from the contract documents (it shares no code with
 * the SDK, so the two cannot share a misunderstanding): canonical {@code k=v&...} strings, MD5 hex,
 * RSA signatures and PEM keys.
 */
final class Crypto {
  static final String SHA1_WITH_RSA = "SHA1withRSA";
  static final String SHA256_WITH_RSA = "SHA256withRSA";

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Crypto() {}

  /**
   * Joins parameters sorted by key (String order, which is ASCII order for ASCII keys) as {@code
   * k=v&k=v} with raw values. Callers decide beforehand which keys and empty values belong in it.
   */
  static String canonical(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
      if (sb.length() > 0) sb.append('&');
      sb.append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  /** Lowercase hex MD5 of the UTF-8 bytes. */
  static String md5Hex(String content) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      return hex(md.digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** Compares hex digests in constant time, ignoring case. A null {@code given} never matches. */
  static boolean hexEquals(String expected, String given) {
    if (given == null) return false;
    byte[] a = expected.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    byte[] b = given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(a, b);
  }

  static byte[] hmacSha256(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** Signs the UTF-8 bytes and returns standard Base64 on one line. */
  static String rsaSign(PrivateKey key, String algorithm, String content) {
    try {
      Signature s = Signature.getInstance(algorithm);
      s.initSign(key);
      s.update(content.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " signing failed", e);
    }
  }

  /** Verifies a standard-Base64 signature; malformed Base64 or a bad signature gives false. */
  static boolean rsaVerify(PublicKey key, String algorithm, String content, String base64Signature) {
    if (base64Signature == null) return false;
    try {
      byte[] sig = Base64.getDecoder().decode(base64Signature);
      Signature s = Signature.getInstance(algorithm);
      s.initVerify(key);
      s.update(content.getBytes(StandardCharsets.UTF_8));
      return s.verify(sig);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Reads an RSA private key from PEM: PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN
   * RSA PRIVATE KEY}).
   *
   * @throws IllegalArgumentException if it is neither, or not RSA
   */
  static PrivateKey rsaPrivateKey(String pem) {
    try {
      byte[] der = pemBody(pem);
      if (pem.contains("BEGIN RSA PRIVATE KEY")) {
        der = wrapPkcs1PrivateKey(der);
      }
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an RSA private key in PKCS#8 or PKCS#1 PEM", e);
    }
  }

  /**
   * Reads an RSA public key from X.509 {@code BEGIN PUBLIC KEY} PEM.
   *
   * @throws IllegalArgumentException if it is not one
   */
  static PublicKey rsaPublicKey(String pem) {
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(pem)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an RSA public key in X.509 PEM", e);
    }
  }

  /** Derives the public half of an RSA private key (CRT form, as every PEM key is). */
  static PublicKey publicOf(PrivateKey key) {
    if (!(key instanceof RSAPrivateCrtKey)) {
      throw new IllegalArgumentException("the RSA private key carries no public exponent");
    }
    RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot derive the RSA public key", e);
    }
  }

  /** Writes a public key as X.509 PEM with 64-character lines. */
  static String toPem(PublicKey key) {
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
  }

  private static byte[] pemBody(String pem) {
    if (pem == null) throw new IllegalArgumentException("no PEM");
    StringBuilder b64 = new StringBuilder();
    for (String line : pem.split("\r?\n")) {
      String t = line.trim();
      if (t.isEmpty() || t.startsWith("-----")) continue;
      b64.append(t);
    }
    return Base64.getDecoder().decode(b64.toString());
  }

  // PKCS#8 PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier rsaEncryption, OCTET STRING pkcs1 }
  private static byte[] wrapPkcs1PrivateKey(byte[] pkcs1) {
    byte[] version = {0x02, 0x01, 0x00};
    byte[] algorithm = {
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
      0x01, 0x05, 0x00
    };
    byte[] octets = derTlv(0x04, pkcs1);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.write(version, 0, version.length);
    content.write(algorithm, 0, algorithm.length);
    content.write(octets, 0, octets.length);
    return derTlv(0x30, content.toByteArray());
  }

  private static byte[] derTlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = value.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) out.write((n >> (8 * i)) & 0xff);
    }
    out.write(value, 0, value.length);
    return out.toByteArray();
  }
}
