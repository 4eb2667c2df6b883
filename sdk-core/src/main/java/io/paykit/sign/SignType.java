package io.paykit.sign;

/**
 * The signature schemes the gateways use, named as the gateways name them.
 *
 * <p>Immutable and thread-safe.
 */
public enum SignType {
  /** Hex MD5 of a string that already carries the secret (appended by {@link CanonicalString}). */
  MD5,
  /** Hex HMAC-SHA256 keyed with a shared secret. */
  HMAC_SHA256,
  /** SHA1withRSA (RSASSA-PKCS1-v1_5), Base64. */
  RSA,
  /** SHA256withRSA (RSASSA-PKCS1-v1_5), Base64. */
  RSA2,
  /** SM3withSM2 (GM/T 0003), DER signature in Base64; needs BouncyCastle. */
  SM2
}
