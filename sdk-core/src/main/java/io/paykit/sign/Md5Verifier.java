package io.paykit.sign;

import java.security.MessageDigest;

/** Checks hex MD5 signatures in either case, comparing the decoded bytes in constant time. */
final class Md5Verifier implements Verifier {
  static final Md5Verifier INSTANCE = new Md5Verifier();

  private Md5Verifier() {}

  @Override
  public SignType signType() {
    return SignType.MD5;
  }

  @Override
  public boolean verify(byte[] content, String signature) {
    byte[] expected = Md5Signer.LOWER_CASE.digest(content);
    byte[] actual = signature == null ? null : Hex.decodeOrNull(signature);
    return actual != null && MessageDigest.isEqual(expected, actual);
  }

  @Override
  public String toString() {
    return "Verifier[MD5]";
  }
}
