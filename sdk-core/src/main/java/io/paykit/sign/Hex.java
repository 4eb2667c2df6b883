package io.paykit.sign;

/** Hex encoding and lenient-case decoding. */
final class Hex {
  private static final char[] LOWER = "0123456789abcdef".toCharArray();
  private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

  private Hex() {}

  static String encode(byte[] bytes, boolean upperCase) {
    char[] digits = upperCase ? UPPER : LOWER;
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = digits[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = digits[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** Returns the bytes of {@code hex} in either case, or null if it is not an even run of hex digits. */
  static byte[] decodeOrNull(CharSequence hex) {
    int length = hex.length();
    if ((length & 1) != 0) {
      return null;
    }
    byte[] out = new byte[length / 2];
    for (int i = 0; i < out.length; i++) {
      int high = digit(hex.charAt(2 * i));
      int low = digit(hex.charAt(2 * i + 1));
      if (high < 0 || low < 0) {
        return null;
      }
      out[i] = (byte) ((high << 4) | low);
    }
    return out;
  }

  static boolean isHex(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (digit(text.charAt(i)) < 0) {
        return false;
      }
    }
    return text.length() > 0;
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
