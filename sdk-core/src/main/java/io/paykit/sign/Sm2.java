package io.paykit.sign;

/**
 * What the SM2/SM3 code needs before it touches BouncyCastle. This class itself must never
 * reference a BouncyCastle type: it runs first, to turn a missing optional jar into a clear error
 * instead of a {@code NoClassDefFoundError} from somewhere deep inside.
 */
final class Sm2 {
  /** GM/T 0009 default signer id, the ASCII text "1234567812345678". */
  static final String DEFAULT_USER_ID = "1234567812345678";
  /** sm2p256v1, used both as the named curve of id-ecPublicKey and, by some tools, as the algorithm. */
  static final String CURVE_OID = "1.2.156.10197.1.301";
  static final String EC_PUBLIC_KEY_OID = "1.2.840.10045.2.1";

  private static final boolean BOUNCY_CASTLE_PRESENT = bouncyCastlePresent();

  private Sm2() {}

  /** Throws unless bcprov is on the classpath; call it before loading any class that uses it. */
  static void requireBouncyCastle() {
    if (!BOUNCY_CASTLE_PRESENT) {
      throw new IllegalStateException(
          "SM2 and SM3 need org.bouncycastle:bcprov-jdk18on on the classpath; it is an optional"
              + " dependency of paykit-core, add it to your build to use SM2 or SM3");
    }
  }

  private static boolean bouncyCastlePresent() {
    try {
      Class.forName("org.bouncycastle.crypto.signers.SM2Signer", false, Sm2.class.getClassLoader());
      Class.forName("org.bouncycastle.crypto.ec.CustomNamedCurves", false, Sm2.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
