package io.paykit.sign;

import io.paykit.sign.Der.DerException;
import io.paykit.sign.Der.Element;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/** SM2 key parsing and conversion. Uses BouncyCastle: reach it only after {@link Sm2#requireBouncyCastle}. */
final class Sm2Keys {
  private static final String PRIVATE = "SM2 private key";
  private static final String PUBLIC = "SM2 public key";

  private Sm2Keys() {}

  static PrivateKey privateKey(String pemOrHex) {
    String text = Keys.requireText(pemOrHex, PRIVATE);
    if (!Pem.isPem(text) && Hex.isHex(text)) {
      if (text.length() != 2 * Sm2Curve.FIELD_BYTES) {
        throw Pem.invalid(PRIVATE, "a hex private key must be 64 hex digits (32 bytes), got "
            + text.length() + " digits");
      }
      return fromScalar(new BigInteger(1, Hex.decodeOrNull(text)));
    }
    Pem.Block block = Keys.block(text, PRIVATE);
    byte[] der = block.der;
    String type = block.type;
    try {
      switch (type) {
        case "PRIVATE KEY":
          requireSm2(PRIVATE, KeyFormats.pkcs8Algorithm(der));
          return fromSec1(KeyFormats.pkcs8PrivateKey(der));
        case "EC PRIVATE KEY":
        case "SM2 PRIVATE KEY": // OpenSSL 3's label when 'openssl ec' writes an SM2 key as SEC1
          return fromSec1(der);
        case "ENCRYPTED PRIVATE KEY":
          throw Pem.invalid(PRIVATE,
              "encrypted keys are not supported; decrypt it first (e.g. 'openssl pkey -in key.pem')");
        case "RSA PRIVATE KEY":
          throw Pem.invalid(PRIVATE, "the key algorithm is RSA, not SM2");
        case "PUBLIC KEY":
        case "CERTIFICATE":
          throw Pem.invalid(PRIVATE, "this is a public key or certificate, not a private key");
        default:
          throw Pem.invalid(PRIVATE, Keys.unexpected(type,
              "'PRIVATE KEY', 'EC PRIVATE KEY' or 64 hex digits"));
      }
    } catch (DerException e) {
      throw Pem.invalid(PRIVATE, "the key structure is corrupt (" + e.getMessage() + ")");
    }
  }

  static PublicKey publicKey(String pemOrHex) {
    String text = Keys.requireText(pemOrHex, PUBLIC);
    if (!Pem.isPem(text) && Hex.isHex(text)) {
      return fromHexPoint(text);
    }
    Pem.Block block = Keys.block(text, PUBLIC);
    byte[] der = block.der;
    String type = block.type;
    try {
      switch (type) {
        case "PUBLIC KEY":
          return fromSpki(der);
        case "CERTIFICATE":
          return fromSpki(KeyFormats.certificateSpki(der));
        case "PRIVATE KEY":
        case "EC PRIVATE KEY":
        case "SM2 PRIVATE KEY":
        case "RSA PRIVATE KEY":
          throw Pem.invalid(PUBLIC,
              "this is a private key; pass the public key (e.g. from 'openssl pkey -pubout')");
        case "RSA PUBLIC KEY":
          throw Pem.invalid(PUBLIC, "the key algorithm is RSA, not SM2");
        default:
          throw Pem.invalid(PUBLIC, Keys.unexpected(type,
              "'PUBLIC KEY', 'CERTIFICATE' or a hex point"));
      }
    } catch (DerException e) {
      throw Pem.invalid(PUBLIC, "the key structure is corrupt (" + e.getMessage() + ")");
    }
  }

  static PublicKey publicKeyOf(PrivateKey key) {
    return new Sm2PublicKey(toSm2PrivateKey(key).publicPoint());
  }

  /** Accepts our own keys and any JCA EC private key on the SM2 curve (e.g. from a BC provider). */
  static ECPrivateKeyParameters privateParameters(PrivateKey key) {
    return toSm2PrivateKey(key).parameters();
  }

  /** Accepts our own keys and any JCA EC public key on the SM2 curve. */
  static ECPublicKeyParameters publicParameters(PublicKey key) {
    if (key == null) {
      throw new IllegalArgumentException("key == null");
    }
    if (key instanceof Sm2PublicKey) {
      return ((Sm2PublicKey) key).parameters();
    }
    if (key instanceof ECPublicKey && Sm2Curve.matches(((ECPublicKey) key).getParams())) {
      try {
        return new ECPublicKeyParameters(Sm2Curve.point(((ECPublicKey) key).getW()), Sm2Curve.DOMAIN);
      } catch (IllegalArgumentException e) {
        throw Pem.invalid(PUBLIC, "its point is not on the SM2 curve");
      }
    }
    throw new IllegalArgumentException(
        "SM2 needs an EC public key on the SM2 curve, not " + describe(key.getAlgorithm(), key));
  }

  private static Sm2PrivateKey toSm2PrivateKey(PrivateKey key) {
    if (key == null) {
      throw new IllegalArgumentException("key == null");
    }
    if (key instanceof Sm2PrivateKey) {
      return (Sm2PrivateKey) key;
    }
    if (key instanceof ECPrivateKey && Sm2Curve.matches(((ECPrivateKey) key).getParams())) {
      return fromScalar(((ECPrivateKey) key).getS());
    }
    throw new IllegalArgumentException(
        "SM2 needs an EC private key on the SM2 curve, not " + describe(key.getAlgorithm(), key));
  }

  private static String describe(String algorithm, Object key) {
    boolean ec = key instanceof ECPrivateKey || key instanceof ECPublicKey;
    return ec ? "an EC key on another curve" : "a key of algorithm " + algorithm;
  }

  private static Sm2PrivateKey fromScalar(BigInteger d) {
    if (!Sm2Curve.isValidScalar(d)) {
      throw Pem.invalid(PRIVATE, "the private scalar is out of range [1, n-2]");
    }
    return new Sm2PrivateKey(d);
  }

  /** SEC1 ECPrivateKey: version 1, the scalar, optional [0] curve, optional [1] public key. */
  private static Sm2PrivateKey fromSec1(byte[] der) throws DerException {
    List<Element> fields = Der.parse(der).children();
    if (fields.size() < 2 || !BigInteger.ONE.equals(fields.get(0).integer())) {
      throw new DerException("not a SEC1 ECPrivateKey");
    }
    fields.get(1).expect(Der.OCTET_STRING);
    byte[] scalar = fields.get(1).value();
    if (scalar.length == 0 || scalar.length > Sm2Curve.FIELD_BYTES) {
      throw Pem.invalid(PRIVATE, "the private scalar has " + scalar.length + " bytes, not 32");
    }
    byte[] publicPoint = null;
    for (Element field : fields.subList(2, fields.size())) {
      if (field.tag == 0xa0) {
        Element curve = Der.parse(field.value());
        if (curve.tag != Der.OID || !Sm2.CURVE_OID.equals(curve.oid())) {
          throw Pem.invalid(PRIVATE, "the key is on " + (curve.tag == Der.OID
              ? KeyFormats.curveName(curve.oid()) : "an explicitly described curve") + ", not SM2");
        }
      } else if (field.tag == 0xa1) {
        publicPoint = KeyFormats.bitStringBytes(Der.parse(field.value()));
      }
    }
    Sm2PrivateKey key = fromScalar(new BigInteger(1, scalar));
    if (publicPoint != null && !key.publicPoint().equals(decode(publicPoint, PRIVATE))) {
      throw Pem.invalid(PRIVATE, "the embedded public key does not match the private scalar (corrupt key)");
    }
    return key;
  }

  private static Sm2PublicKey fromSpki(byte[] spki) throws DerException {
    requireSm2(PUBLIC, KeyFormats.spkiAlgorithm(spki));
    return new Sm2PublicKey(decode(KeyFormats.spkiKeyBits(spki), PUBLIC));
  }

  private static Sm2PublicKey fromHexPoint(String hex) {
    int digits = hex.length();
    String encoded;
    if (digits == 4 * Sm2Curve.FIELD_BYTES) {
      encoded = "04" + hex;
    } else if (digits == 4 * Sm2Curve.FIELD_BYTES + 2) {
      if (!hex.startsWith("04")) {
        throw Pem.invalid(PUBLIC, "a 130-digit hex public key must start with 04 (uncompressed point)");
      }
      encoded = hex;
    } else if (digits == 2 * Sm2Curve.FIELD_BYTES + 2) {
      if (!hex.startsWith("02") && !hex.startsWith("03")) {
        throw Pem.invalid(PUBLIC, "a 66-digit hex public key must start with 02 or 03 (compressed point)");
      }
      encoded = hex;
    } else {
      throw Pem.invalid(PUBLIC, "a hex public key must be 130 digits (04 x y), 128 (x y) or 66"
          + " (compressed), got " + digits + " digits");
    }
    return new Sm2PublicKey(decode(Hex.decodeOrNull(encoded), PUBLIC));
  }

  private static ECPoint decode(byte[] encoded, String what) {
    try {
      return Sm2Curve.decodePoint(encoded);
    } catch (RuntimeException e) {
      // BouncyCastle's message may quote coordinates; say only what failed.
      throw Pem.invalid(what, "the public key is not a valid point on the SM2 curve");
    }
  }

  private static void requireSm2(String what, KeyFormats algorithm) {
    boolean sm2 = Sm2.CURVE_OID.equals(algorithm.oid)
        || (Sm2.EC_PUBLIC_KEY_OID.equals(algorithm.oid) && Sm2.CURVE_OID.equals(algorithm.curveOid));
    if (!sm2) {
      throw Pem.invalid(what, "the key algorithm is " + algorithm.describe() + ", not SM2");
    }
  }
}
