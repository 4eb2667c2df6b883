package io.paykit.sign;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;

/**
 * Signs the UTF-8 bytes of a canonical string with one algorithm and one key, chosen once.
 *
 * <pre>{@code
 * Signer signer = Signer.rsa2(Keys.rsaPrivateKey(pem));   // build once, share
 * String sign = signer.sign("amount=2&app_id=42");
 * }</pre>
 *
 * <p>Every instance returned by the factories is immutable and thread-safe. Its {@code toString()}
 * names the algorithm only, never the key.
 */
public interface Signer {

  /**
   * Returns the scheme this signer produces.
   *
   * @return the signature scheme
   */
  SignType signType();

  /**
   * Signs {@code content}: MD5 and HMAC-SHA256 give hex, RSA, RSA2 and SM2 give standard Base64 on
   * one line.
   *
   * @param content the bytes to sign
   * @return the signature as hex or Base64 text
   * @throws IllegalArgumentException if {@code content} is null
   * @throws IllegalStateException if the platform's crypto provider fails unexpectedly
   */
  String sign(byte[] content);

  /**
   * Signs the UTF-8 bytes of {@code content}; see {@link #sign(byte[])}.
   *
   * @param content the text to sign
   * @return the signature as hex or Base64 text
   * @throws IllegalArgumentException if {@code content} is null
   * @throws IllegalStateException if the platform's crypto provider fails unexpectedly
   */
  default String sign(String content) {
    if (content == null) {
      throw new IllegalArgumentException("content == null");
    }
    return sign(content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns a signer giving the lowercase hex MD5 of the content; the secret is part of the content
   * (see {@link CanonicalString#of(java.util.Map, String)}).
   *
   * @return the shared lowercase MD5 signer
   */
  static Signer md5() {
    return Md5Signer.LOWER_CASE;
  }

  /**
   * Returns a signer giving the UPPERCASE hex MD5 of the content, as Qbit Pay webhooks use.
   *
   * @return the shared uppercase MD5 signer
   */
  static Signer md5UpperCase() {
    return Md5Signer.UPPER_CASE;
  }

  /**
   * Returns a signer giving the lowercase hex HMAC-SHA256 keyed with the UTF-8 bytes of {@code secret}.
   *
   * @param secret the shared secret
   * @return the HMAC-SHA256 signer
   * @throws IllegalArgumentException if {@code secret} is null or empty
   */
  static Signer hmacSha256(String secret) {
    return new HmacSha256Signer(HmacSha256Signer.secretBytes(secret));
  }

  /**
   * Returns a signer giving the lowercase hex HMAC-SHA256 keyed with {@code secret}, copied.
   *
   * @param secret the shared secret bytes
   * @return the HMAC-SHA256 signer
   * @throws IllegalArgumentException if {@code secret} is null or empty
   */
  static Signer hmacSha256(byte[] secret) {
    return new HmacSha256Signer(HmacSha256Signer.secretBytes(secret));
  }

  /**
   * Returns a SHA1withRSA signer ({@link SignType#RSA}).
   *
   * @param key the RSA private key
   * @return the SHA1withRSA signer
   * @throws IllegalArgumentException if {@code key} is null, not RSA, or rejected by the platform
   */
  static Signer rsa(PrivateKey key) {
    return new RsaSigner(SignType.RSA, key);
  }

  /**
   * Returns a SHA256withRSA signer ({@link SignType#RSA2}).
   *
   * @param key the RSA private key
   * @return the SHA256withRSA signer
   * @throws IllegalArgumentException if {@code key} is null, not RSA, or rejected by the platform
   */
  static Signer rsa2(PrivateKey key) {
    return new RsaSigner(SignType.RSA2, key);
  }

  /**
   * Returns an SM3withSM2 signer with the default user id {@code 1234567812345678}.
   *
   * @param key an SM2 private key, from {@link Keys#sm2PrivateKey(String)} or any
   *     {@link java.security.interfaces.ECPrivateKey} on the SM2 curve
   * @return the SM3withSM2 signer
   * @throws IllegalArgumentException if {@code key} is null or not an SM2 key
   * @throws IllegalStateException if BouncyCastle is not on the classpath
   */
  static Signer sm2(PrivateKey key) {
    return sm2(key, Sm2.DEFAULT_USER_ID);
  }

  /**
   * Returns an SM3withSM2 signer with the given user id (its UTF-8 bytes enter the Z value).
   *
   * @param key an SM2 private key
   * @param userId the signer's user id
   * @return the SM3withSM2 signer
   * @throws IllegalArgumentException if an argument is null, the key is not an SM2 key, or the user
   *     id is 8192 bytes or longer
   * @throws IllegalStateException if BouncyCastle is not on the classpath
   */
  static Signer sm2(PrivateKey key, String userId) {
    Sm2.requireBouncyCastle();
    return Sm2Signer.create(key, userId);
  }
}
