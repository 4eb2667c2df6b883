package io.paykit.sign;

import java.security.MessageDigest;

/** Checks hex HMAC-SHA256 signatures in either case, comparing the decoded bytes in constant time. */
final class HmacSha256Verifier implements Verifier {
  private final HmacSha256Signer signer;

  HmacSha256Verifier(HmacSha256Signer signer) {
    this.signer = signer;
  }

  @Override
  public SignType signType() {
    return SignType.HMAC_SHA256;
  }

  @Override
  public boolean verify(byte[] content, String signature) {
    byte[] expected = signer.mac(content);
    byte[] actual = signature == null ? null : Hex.decodeOrNull(signature);
    return actual != null && MessageDigest.isEqual(expected, actual);
  }

  @Override
  public String toString() {
    return "Verifier[HMAC_SHA256]";
  }
}
