package io.paykit.sign;

import io.paykit.sign.Der.DerException;
import io.paykit.sign.Der.Element;
import java.util.List;

/**
 * Structure of the key containers (PKCS#8, SubjectPublicKeyInfo, X.509 certificate, PKCS#1), read
 * with {@link Der} so that both the JCA-only RSA path and the SM2 path can name what they were
 * given ("an EC P-256 key") instead of failing inside a provider with a cryptic message.
 *
 * <p>An instance is the AlgorithmIdentifier of a key: its OID and, for EC keys, the named curve OID
 * (or null). The class is both the reader and that value rather than holding a nested value class:
 * one class fewer in the jar.
 */
final class KeyFormats {
  static final String RSA_OID = "1.2.840.113549.1.1.1";

  final String oid;
  final String curveOid;
  final boolean explicitParameters;

  private KeyFormats(String oid, String curveOid, boolean explicitParameters) {
    this.oid = oid;
    this.curveOid = curveOid;
    this.explicitParameters = explicitParameters;
  }

  /** A human name such as "EC (P-256)" for messages. */
  String describe() {
    String name = algorithmName(oid);
    if (curveOid != null) {
      return name + " (" + curveName(curveOid) + ")";
    }
    return explicitParameters && !RSA_OID.equals(oid) ? name + " (explicit curve parameters)" : name;
  }

  /** The kinds of DER structure a key text can hold, each with the PEM label it would carry. */
  enum Shape {
    PKCS8("PRIVATE KEY"),
    PKCS1_PRIVATE("RSA PRIVATE KEY"),
    SEC1_PRIVATE("EC PRIVATE KEY"),
    SPKI("PUBLIC KEY"),
    PKCS1_PUBLIC("RSA PUBLIC KEY"),
    CERTIFICATE("CERTIFICATE"),
    UNKNOWN("");

    final String pemType;

    Shape(String pemType) {
      this.pemType = pemType;
    }
  }

  /** Guesses the container from its outline, for keys given as bare Base64. */
  static Shape shape(byte[] der) {
    try {
      Element root = Der.parse(der);
      if (root.tag != Der.SEQUENCE) {
        return Shape.UNKNOWN;
      }
      List<Element> c = root.children();
      if (c.size() >= 3 && c.get(0).tag == Der.INTEGER && c.get(1).tag == Der.SEQUENCE
          && c.get(2).tag == Der.OCTET_STRING) {
        return Shape.PKCS8;
      }
      if (c.size() >= 2 && c.get(0).tag == Der.INTEGER && c.get(1).tag == Der.OCTET_STRING) {
        return Shape.SEC1_PRIVATE;
      }
      if (c.size() >= 9 && allIntegers(c)) {
        return Shape.PKCS1_PRIVATE;
      }
      if (c.size() == 2 && allIntegers(c)) {
        return Shape.PKCS1_PUBLIC;
      }
      if (c.size() == 2 && c.get(0).tag == Der.SEQUENCE && c.get(1).tag == Der.BIT_STRING) {
        return Shape.SPKI;
      }
      if (c.size() == 3 && c.get(0).tag == Der.SEQUENCE && c.get(1).tag == Der.SEQUENCE
          && c.get(2).tag == Der.BIT_STRING) {
        return Shape.CERTIFICATE;
      }
      return Shape.UNKNOWN;
    } catch (DerException e) {
      return Shape.UNKNOWN;
    }
  }

  /** Reads the AlgorithmIdentifier of a PKCS#8 PrivateKeyInfo. */
  static KeyFormats pkcs8Algorithm(byte[] pkcs8) throws DerException {
    List<Element> c = Der.parse(pkcs8).children();
    if (c.size() < 3) {
      throw new DerException("not a PKCS#8 PrivateKeyInfo");
    }
    c.get(2).expect(Der.OCTET_STRING);
    return algorithm(c.get(1));
  }

  /** Reads the AlgorithmIdentifier of a SubjectPublicKeyInfo. */
  static KeyFormats spkiAlgorithm(byte[] spki) throws DerException {
    List<Element> c = Der.parse(spki).children();
    if (c.size() != 2) {
      throw new DerException("not a SubjectPublicKeyInfo");
    }
    c.get(1).expect(Der.BIT_STRING);
    return algorithm(c.get(0));
  }

  /** The private key bytes inside a PKCS#8 PrivateKeyInfo. */
  static byte[] pkcs8PrivateKey(byte[] pkcs8) throws DerException {
    return Der.parse(pkcs8).children().get(2).value();
  }

  /** The key bits of a SubjectPublicKeyInfo (the BIT STRING without its unused-bits byte). */
  static byte[] spkiKeyBits(byte[] spki) throws DerException {
    return bitStringBytes(Der.parse(spki).children().get(1));
  }

  static byte[] bitStringBytes(Element bitString) throws DerException {
    bitString.expect(Der.BIT_STRING);
    byte[] value = bitString.value();
    if (value.length < 1 || value[0] != 0) {
      throw new DerException("unexpected BIT STRING padding");
    }
    byte[] bits = new byte[value.length - 1];
    System.arraycopy(value, 1, bits, 0, bits.length);
    return bits;
  }

  /** The SubjectPublicKeyInfo inside an X.509 certificate. */
  static byte[] certificateSpki(byte[] certificate) throws DerException {
    List<Element> c = Der.parse(certificate).children();
    if (c.size() != 3) {
      throw new DerException("not an X.509 certificate");
    }
    List<Element> tbs = c.get(0).children();
    // tbsCertificate: [0] version (optional), serial, signature, issuer, validity, subject, spki
    int index = !tbs.isEmpty() && tbs.get(0).tag == 0xa0 ? 6 : 5;
    if (tbs.size() <= index) {
      throw new DerException("not an X.509 certificate");
    }
    Element spki = tbs.get(index);
    spki.expect(Der.SEQUENCE);
    return spki.encoded();
  }

  /** PKCS#1 RSAPrivateKey to PKCS#8, which is the only private format every JCA provider reads. */
  static byte[] wrapPkcs1PrivateKey(byte[] pkcs1) {
    return Der.sequence(
        Der.integer(java.math.BigInteger.ZERO),
        Der.sequence(Der.oid(RSA_OID), Der.nullValue()),
        Der.octetString(pkcs1));
  }

  /** PKCS#1 RSAPublicKey to SubjectPublicKeyInfo. */
  static byte[] wrapPkcs1PublicKey(byte[] pkcs1) {
    return Der.sequence(Der.sequence(Der.oid(RSA_OID), Der.nullValue()), Der.bitString(pkcs1));
  }

  static String algorithmName(String oid) {
    switch (oid) {
      case RSA_OID: return "RSA";
      case "1.2.840.113549.1.1.10": return "RSASSA-PSS";
      case "1.2.840.10045.2.1": return "EC";
      case "1.2.840.10040.4.1": return "DSA";
      case "1.2.840.113549.1.3.1": return "DH";
      case "1.3.101.110": return "X25519";
      case "1.3.101.111": return "X448";
      case "1.3.101.112": return "Ed25519";
      case "1.3.101.113": return "Ed448";
      case Sm2.CURVE_OID: return "SM2";
      default: return "an unknown algorithm (OID " + oid + ")";
    }
  }

  static String curveName(String oid) {
    switch (oid) {
      case "1.2.840.10045.3.1.7": return "P-256";
      case "1.3.132.0.34": return "P-384";
      case "1.3.132.0.35": return "P-521";
      case "1.3.132.0.10": return "secp256k1";
      case Sm2.CURVE_OID: return "SM2";
      default: return "curve OID " + oid;
    }
  }

  private static KeyFormats algorithm(Element algorithmIdentifier) throws DerException {
    List<Element> a = algorithmIdentifier.children();
    if (a.isEmpty()) {
      throw new DerException("empty AlgorithmIdentifier");
    }
    String oid = a.get(0).oid();
    String curveOid = null;
    boolean explicit = false;
    if (a.size() > 1) {
      Element parameters = a.get(1);
      if (parameters.tag == Der.OID) {
        curveOid = parameters.oid();
      } else if (parameters.tag != Der.NULL) {
        explicit = true;
      }
    }
    return new KeyFormats(oid, curveOid, explicit);
  }

  private static boolean allIntegers(List<Element> elements) {
    for (Element e : elements) {
      if (e.tag != Der.INTEGER) {
        return false;
      }
    }
    return true;
  }
}
