package io.paykit.sign;

import java.util.Base64;

/** Strict standard Base64 for signatures received from outside. */
final class Base64s {
  private Base64s() {}

  /**
   * Decodes padded standard Base64, or returns null for anything else. The JDK decoder would also
   * take unpadded text; refusing it keeps one accepted spelling per signature.
   */
  static byte[] decodeOrNull(String text) {
    if (text.length() % 4 != 0) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
