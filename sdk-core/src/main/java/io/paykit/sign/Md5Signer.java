package io.paykit.sign;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** Hex MD5 of the content; the secret is already part of the content. */
final class Md5Signer implements Signer {
  static final Md5Signer LOWER_CASE = new Md5Signer(false);
  static final Md5Signer UPPER_CASE = new Md5Signer(true);

  private final boolean upperCase;
  private final Pool<MessageDigest> digests;

  private Md5Signer(boolean upperCase) {
    this.upperCase = upperCase;
    try {
      this.digests = new Pool<>(() -> MessageDigest.getInstance("MD5"));
    } catch (GeneralSecurityException e) {
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
    MessageDigest md5;
    try {
      md5 = digests.acquire();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available on this platform", e);
    }
    byte[] digest = md5.digest(content);
    digests.release(md5);
    return digest;
  }

  @Override
  public String toString() {
    return upperCase ? "Signer[MD5, upper-case hex]" : "Signer[MD5]";
  }
}
