package io.paykit.sign;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

/**
 * Checks a signature over the UTF-8 bytes of a canonical string, in constant time.
 *
 * <pre>{@code
 * Verifier verifier = Verifier.rsa(Keys.rsaPublicKey(platformPem));   // build once, share
 * if (!verifier.verify(canonical.of(received), received.get("sign"))) { reject(); }
 * }</pre>
 *
 * <p>Every instance returned by the factories is immutable and thread-safe. A malformed signature
 * (null, empty, not hex or not Base64, wrong length) is simply {@code false}; {@code verify} never
 * throws for bad signature input. Its {@code toString()} names the algorithm only.
 */
public interface Verifier {

  /**
   * Returns the scheme this verifier checks.
   *
   * @return the signature scheme
   */
  SignType signType();

  /**
   * Returns whether {@code signature} is a valid signature of {@code content}.
   *
   * @param content the signed bytes
   * @param signature hex for MD5 and HMAC-SHA256 (either case), standard Base64 for RSA, RSA2, SM2;
   *     null or malformed gives {@code false}
   * @return true if the signature is valid; false if it is invalid or malformed
   * @throws IllegalArgumentException if {@code content} is null
   */
  boolean verify(byte[] content, String signature);

  /**
   * Returns whether {@code signature} is a valid signature of the UTF-8 bytes of {@code content};
   * see {@link #verify(byte[], String)}.
   *
   * @param content the signed text
   * @param signature the signature to check; null or malformed gives {@code false}
   * @return true if the signature is valid; false if it is invalid or malformed
   * @throws IllegalArgumentException if {@code content} is null
   */
  default boolean verify(String content, String signature) {
    if (content == null) {
      throw new IllegalArgumentException("content == null");
    }
    return verify(content.getBytes(StandardCharsets.UTF_8), signature);
  }

  /**
   * Returns a verifier for hex MD5 signatures, compared case-insensitively.
   *
   * @return the shared MD5 verifier
   */
  static Verifier md5() {
    return Hex.MD5;
  }

  /**
   * Returns a verifier for hex HMAC-SHA256 keyed with the UTF-8 bytes of {@code secret}.
   *
   * @param secret the shared secret
   * @return the HMAC-SHA256 verifier
   * @throws IllegalArgumentException if {@code secret} is null or empty
   */
  static Verifier hmacSha256(String secret) {
    return new Hex(new HmacSha256Signer(HmacSha256Signer.secretBytes(secret)));
  }

  /**
   * Returns a verifier for hex HMAC-SHA256 keyed with {@code secret}, copied.
   *
   * @param secret the shared secret bytes
   * @return the HMAC-SHA256 verifier
   * @throws IllegalArgumentException if {@code secret} is null or empty
   */
  static Verifier hmacSha256(byte[] secret) {
    return new Hex(new HmacSha256Signer(HmacSha256Signer.secretBytes(secret)));
  }

  /**
   * Returns a SHA1withRSA verifier ({@link SignType#RSA}).
   *
   * @param key the RSA public key
   * @return the SHA1withRSA verifier
   * @throws IllegalArgumentException if {@code key} is null, not RSA, or rejected by the platform
   */
  static Verifier rsa(PublicKey key) {
    return new RsaVerifier(SignType.RSA, key);
  }

  /**
   * Returns a SHA256withRSA verifier ({@link SignType#RSA2}).
   *
   * @param key the RSA public key
   * @return the SHA256withRSA verifier
   * @throws IllegalArgumentException if {@code key} is null, not RSA, or rejected by the platform
   */
  static Verifier rsa2(PublicKey key) {
    return new RsaVerifier(SignType.RSA2, key);
  }

  /**
   * Returns an SM3withSM2 verifier with the default user id {@code 1234567812345678}.
   *
   * @param key an SM2 public key, from {@link Keys#sm2PublicKey(String)} or any
   *     {@link java.security.interfaces.ECPublicKey} on the SM2 curve
   * @return the SM3withSM2 verifier
   * @throws IllegalArgumentException if {@code key} is null or not an SM2 key
   * @throws IllegalStateException if BouncyCastle is not on the classpath
   */
  static Verifier sm2(PublicKey key) {
    return sm2(key, Sm2.DEFAULT_USER_ID);
  }

  /**
   * Returns an SM3withSM2 verifier with the given user id.
   *
   * @param key an SM2 public key
   * @param userId the signer's user id
   * @return the SM3withSM2 verifier
   * @throws IllegalArgumentException if an argument is null, the key is not an SM2 key, or the user
   *     id is 8192 bytes or longer
   * @throws IllegalStateException if BouncyCastle is not on the classpath
   */
  static Verifier sm2(PublicKey key, String userId) {
    Sm2.requireBouncyCastle();
    return Sm2Verifier.create(key, userId);
  }
}
