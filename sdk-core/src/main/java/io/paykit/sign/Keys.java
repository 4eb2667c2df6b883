package io.paykit.sign;

import io.paykit.sign.Der.DerException;
import io.paykit.sign.KeyFormats.Shape;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Loads signing keys from the text forms gateways hand out: PEM, bare Base64 DER, and for SM2 raw
 * hex. Parse a key once, at start-up, and build a {@link Signer} or {@link Verifier} from it.
 *
 * <pre>{@code
 * PrivateKey merchantKey = Keys.rsaPrivateKey(Files.readAllLines(path) ...);   // PKCS#8 or PKCS#1
 * PublicKey platformKey = Keys.rsaPublicKey(platformPublicKeyBase64);
 * }</pre>
 *
 * <p>A wrong, corrupt or unsupported key fails here, with an {@link IllegalArgumentException} that
 * says what was wrong (wrong PEM type, an EC key where RSA was expected, bad Base64, ...); the
 * message never contains key material. Encrypted keys are not supported: decrypt them first. RSA
 * loading uses only the platform's JCA providers; the SM2 methods need BouncyCastle.
 *
 * <p>All methods are static and thread-safe.
 */
public final class Keys {
  private static final String RSA_PRIVATE = "RSA private key";
  private static final String RSA_PUBLIC = "RSA public key";

  private Keys() {}

  /**
   * Loads an RSA private key from a PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), a PKCS#1 PEM
   * ({@code BEGIN RSA PRIVATE KEY}), or the bare Base64 DER of either. The key is checked by a
   * test signature, so a key with corrupt parameters fails here rather than at the first request.
   *
   * @param pemOrBase64 the key as PEM text or bare Base64 DER
   * @return the RSA private key
   * @throws IllegalArgumentException if the text is null, not a supported form, encrypted, not an
   *     RSA key, or corrupt
   */
  public static PrivateKey rsaPrivateKey(String pemOrBase64) {
    byte[] pkcs8 = rsaPrivatePkcs8(requireText(pemOrBase64, RSA_PRIVATE));
    requireRsa(RSA_PRIVATE, pkcs8, true);
    PrivateKey key;
    try {
      key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (InvalidKeySpecException e) {
      throw Pem.invalid(RSA_PRIVATE, "the key structure is corrupt", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available on this platform", e);
    }
    checkConsistent(key);
    return key;
  }

  /**
   * Loads an RSA public key from an X.509 SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}), a
   * PKCS#1 PEM ({@code BEGIN RSA PUBLIC KEY}), a certificate ({@code BEGIN CERTIFICATE}, whose
   * validity dates are not checked), or the bare Base64 DER of any of them.
   *
   * @param pemOrBase64 the key or certificate as PEM text or bare Base64 DER
   * @return the RSA public key
   * @throws IllegalArgumentException if the text is null, not a supported form, not an RSA key, or
   *     corrupt
   */
  public static PublicKey rsaPublicKey(String pemOrBase64) {
    String text = requireText(pemOrBase64, RSA_PUBLIC);
    Pem.Block block = block(text, RSA_PUBLIC);
    byte[] der = block.der;
    String type = block.type;
    byte[] spki;
    switch (type) {
      case "PUBLIC KEY":
        spki = der;
        break;
      case "RSA PUBLIC KEY":
        if (KeyFormats.shape(der) != Shape.PKCS1_PUBLIC) {
          throw Pem.invalid(RSA_PUBLIC, "the RSA PUBLIC KEY block does not hold a PKCS#1 RSAPublicKey");
        }
        spki = KeyFormats.wrapPkcs1PublicKey(der);
        break;
      case "CERTIFICATE":
        return rsaKeyOfCertificate(der);
      case "PRIVATE KEY":
      case "RSA PRIVATE KEY":
      case "EC PRIVATE KEY":
      case "SM2 PRIVATE KEY":
        throw Pem.invalid(RSA_PUBLIC,
            "this is a private key; pass the public key (e.g. from 'openssl pkey -pubout')");
      default:
        throw Pem.invalid(RSA_PUBLIC, unexpected(type, "'PUBLIC KEY', 'RSA PUBLIC KEY' or 'CERTIFICATE'"));
    }
    requireRsa(RSA_PUBLIC, spki, false);
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
    } catch (InvalidKeySpecException e) {
      throw Pem.invalid(RSA_PUBLIC, "the key structure is corrupt", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available on this platform", e);
    }
  }

  /**
   * Loads an SM2 private key from a PKCS#8 PEM ({@code BEGIN PRIVATE KEY}, as made by
   * {@code openssl genpkey -algorithm SM2}), a SEC1 PEM ({@code BEGIN EC PRIVATE KEY}, or
   * {@code BEGIN SM2 PRIVATE KEY} as {@code openssl ec} labels it), their bare Base64 DER, or the
   * private scalar as 64 hex digits. A public key embedded in the file must match the scalar.
   *
   * @param pemOrHex the key as PEM text, bare Base64 DER, or the private scalar in hex
   * @return the SM2 private key
   * @throws IllegalArgumentException if the text is null, not a supported form, not on the SM2
   *     curve, out of range, or corrupt
   * @throws IllegalStateException if BouncyCastle is not on the classpath
   */
  public static PrivateKey sm2PrivateKey(String pemOrHex) {
    Sm2.requireBouncyCastle();
    return Sm2Keys.privateKey(pemOrHex);
  }

  /**
   * Loads an SM2 public key from a SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}), a
   * certificate ({@code BEGIN CERTIFICATE}), their bare Base64 DER, or the point in hex: 130 digits
   * uncompressed ({@code 04} x y), 128 digits (x y without the prefix) or 66 digits compressed.
   *
   * @param pemOrHex the key or certificate as PEM text, bare Base64 DER, or the point in hex
   * @return the SM2 public key
   * @throws IllegalArgumentException if the text is null, not a supported form, or not a point on
   *     the SM2 curve
   * @throws IllegalStateException if BouncyCastle is not on the classpath
   */
  public static PublicKey sm2PublicKey(String pemOrHex) {
    Sm2.requireBouncyCastle();
    return Sm2Keys.publicKey(pemOrHex);
  }

  /**
   * Derives the public key of an RSA CRT private key (as loaded by {@link #rsaPrivateKey}) or of an
   * SM2 private key (the latter needs BouncyCastle).
   *
   * @param key the private key
   * @return the matching public key
   * @throws IllegalArgumentException if {@code key} is null or its public key cannot be derived
   * @throws IllegalStateException if {@code key} is an EC key and BouncyCastle is not on the classpath
   */
  public static PublicKey publicKeyOf(PrivateKey key) {
    if (key == null) {
      throw new IllegalArgumentException("key == null");
    }
    if (key instanceof RSAPrivateCrtKey) {
      RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
      try {
        return KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("Cannot derive the RSA public key", e);
      }
    }
    if (key instanceof ECPrivateKey) {
      Sm2.requireBouncyCastle();
      return Sm2Keys.publicKeyOf(key);
    }
    throw new IllegalArgumentException(
        "Cannot derive the public key of this " + key.getAlgorithm() + " key ("
            + key.getClass().getSimpleName() + "); only RSA CRT and SM2 keys are supported");
  }

  static String requireText(String text, String what) {
    if (text == null) {
      throw new IllegalArgumentException(what + " text is null");
    }
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(what + " text is empty");
    }
    return trimmed;
  }

  static byte[] base64(String text, String what) {
    byte[] der = Pem.base64OrNull(text);
    if (der == null || der.length == 0) {
      throw Pem.invalid(what, "the text is neither PEM nor valid Base64");
    }
    return der;
  }

  /**
   * Reads key text as PEM, or as bare Base64 DER named by the PEM label its structure would have, so
   * both inputs share one switch on the label.
   */
  static Pem.Block block(String text, String what) {
    if (Pem.isPem(text)) return Pem.parse(text, what);
    byte[] der = base64(text, what);
    return new Pem.Block(KeyFormats.shape(der).pemType, der);
  }

  static String unexpected(String type, String expected) {
    return type.isEmpty()
        ? "the Base64 does not decode to a supported key structure (expected " + expected + ")"
        : "PEM type '" + type + "' is not supported here (expected " + expected + ")";
  }

  private static byte[] rsaPrivatePkcs8(String text) {
    Pem.Block block = block(text, RSA_PRIVATE);
    byte[] der = block.der;
    String type = block.type;
    switch (type) {
      case "PRIVATE KEY":
        return der;
      case "RSA PRIVATE KEY":
        if (KeyFormats.shape(der) != Shape.PKCS1_PRIVATE) {
          throw Pem.invalid(RSA_PRIVATE, "the RSA PRIVATE KEY block does not hold a PKCS#1 RSAPrivateKey");
        }
        return KeyFormats.wrapPkcs1PrivateKey(der);
      case "ENCRYPTED PRIVATE KEY":
        throw Pem.invalid(RSA_PRIVATE,
            "encrypted keys are not supported; decrypt it first (e.g. 'openssl pkey -in key.pem')");
      case "EC PRIVATE KEY":
        throw Pem.invalid(RSA_PRIVATE, "the key algorithm is EC, not RSA");
      case "SM2 PRIVATE KEY":
        throw Pem.invalid(RSA_PRIVATE, "the key algorithm is SM2, not RSA");
      case "PUBLIC KEY":
      case "RSA PUBLIC KEY":
      case "CERTIFICATE":
        throw Pem.invalid(RSA_PRIVATE, "this is a public key or certificate, not a private key");
      default:
        throw Pem.invalid(RSA_PRIVATE, unexpected(type, "'PRIVATE KEY' or 'RSA PRIVATE KEY'"));
    }
  }

  private static void requireRsa(String what, byte[] der, boolean pkcs8) {
    KeyFormats algorithm;
    try {
      algorithm = pkcs8 ? KeyFormats.pkcs8Algorithm(der) : KeyFormats.spkiAlgorithm(der);
    } catch (DerException e) {
      throw Pem.invalid(what, "the key structure is corrupt (" + e.getMessage() + ")");
    }
    if (!KeyFormats.RSA_OID.equals(algorithm.oid)) {
      throw Pem.invalid(what, "the key algorithm is " + algorithm.describe() + ", not RSA");
    }
  }

  private static PublicKey rsaKeyOfCertificate(byte[] der) {
    Certificate certificate;
    try {
      certificate = CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw Pem.invalid(RSA_PUBLIC, "the certificate is corrupt or not X.509", e);
    }
    PublicKey key = certificate.getPublicKey();
    if (!"RSA".equalsIgnoreCase(key.getAlgorithm())) {
      throw Pem.invalid(RSA_PUBLIC, "the certificate holds a " + key.getAlgorithm() + " key, not RSA");
    }
    return key;
  }

  /**
   * KeyFactory accepts a PKCS#1 key whose CRT values were damaged (a flipped bit in p, say); the
   * first real signature would then be wrong. One signature now moves that failure to load time.
   */
  private static void checkConsistent(PrivateKey key) {
    if (!(key instanceof RSAPrivateCrtKey)) {
      return;
    }
    byte[] probe = "paykit key check".getBytes(StandardCharsets.UTF_8);
    boolean consistent;
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(publicKeyOf(key));
      verifier.update(probe);
      consistent = verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw Pem.invalid(RSA_PRIVATE, "the platform cannot sign with it", e);
    }
    if (!consistent) {
      throw Pem.invalid(RSA_PRIVATE, "its parameters are inconsistent (corrupt key)");
    }
  }
}
