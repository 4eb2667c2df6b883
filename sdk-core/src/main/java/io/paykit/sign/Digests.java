package io.paykit.sign;

import java.nio.charset.StandardCharsets;

/**
 * Message digests that the JCA does not offer everywhere; today SM3 (GB/T 32905), which needs
 * BouncyCastle on the classpath.
 *
 * <p>All methods are static and thread-safe.
 */
public final class Digests {
  private Digests() {}

  /**
   * Returns the 32-byte SM3 digest of {@code data}.
   *
   * @param data the bytes to digest
   * @return the 32-byte digest
   * @throws IllegalArgumentException if {@code data} is null
   * @throws IllegalStateException if BouncyCastle is not on the classpath
   */
  public static byte[] sm3(byte[] data) {
    Sm2.requireBouncyCastle();
    if (data == null) {
      throw new IllegalArgumentException("data == null");
    }
    return Sm2Signer.sm3(data);
  }

  /**
   * Returns the SM3 digest of the UTF-8 bytes of {@code text} as 64 lowercase hex digits.
   *
   * @param text the text to digest
   * @return the digest as 64 lowercase hex digits
   * @throws IllegalArgumentException if {@code text} is null
   * @throws IllegalStateException if BouncyCastle is not on the classpath
   */
  public static String sm3Hex(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text == null");
    }
    return Hex.encode(sm3(text.getBytes(StandardCharsets.UTF_8)), false);
  }
}
