package io.paykit.sign;

import java.security.MessageDigest;

/**
 * Hex encoding and lenient-case decoding.
 *
 * <p>An instance is the verifier of the hex schemes, MD5 and HMAC-SHA256: it checks a signature in
 * either case, comparing the decoded bytes in constant time. The encoding and the verifiers of both
 * schemes are one class rather than three: two classes fewer in the jar.
 */
final class Hex implements Verifier {
  private static final char[] LOWER = "0123456789abcdef".toCharArray();
  private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

  /** The MD5 verifier; the secret is part of the content. */
  static final Hex MD5 = new Hex(null);

  /** The HMAC-SHA256 engine, or null for MD5. */
  private final HmacSha256Signer hmac;

  Hex(HmacSha256Signer hmac) {
    this.hmac = hmac;
  }

  @Override
  public SignType signType() {
    return hmac == null ? SignType.MD5 : SignType.HMAC_SHA256;
  }

  @Override
  public boolean verify(byte[] content, String signature) {
    byte[] expected = hmac == null ? Md5Signer.LOWER_CASE.digest(content) : hmac.mac(content);
    byte[] actual = signature == null ? null : decodeOrNull(signature);
    return actual != null && MessageDigest.isEqual(expected, actual);
  }

  @Override
  public String toString() {
    return "Verifier[" + signType() + "]";
  }

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
