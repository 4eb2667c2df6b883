package io.paykit.sign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Hex MD5 of the content; the secret is already part of the content. */
final class Md5Signer implements Signer {
  static final Md5Signer LOWER_CASE = new Md5Signer(false);
  static final Md5Signer UPPER_CASE = new Md5Signer(true);

  /**
   * One engine per thread, not a {@link Pool}: MD5 has no key for a pool to let go of, and these
   * signers live as long as the class, so their pools kept idle engines just as long. The pool's four
   * atomic operations and one allocation per signature were a measurable part of a 银钱通 create
   * call.
   */
  private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Md5Signer::engine);

  private final boolean upperCase;

  private Md5Signer(boolean upperCase) {
    this.upperCase = upperCase;
  }

  private static MessageDigest engine() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      // Every Java and Android platform must ship MD5.
      throw new IllegalStateException("MD5 is not available on this platform", e);
    }
  }

  @Override
  public SignType signType() {
    return SignType.MD5;
  }

  @Override
  public String sign(byte[] content) {
    return Hex.encode(digest(content), upperCase);
  }

  byte[] digest(byte[] content) {
    if (content == null) {
      throw new IllegalArgumentException("content == null");
    }
    return DIGESTS.get().digest(content);
  }

  @Override
  public String toString() {
    return upperCase ? "Signer[MD5, upper-case hex]" : "Signer[MD5]";
  }
}
