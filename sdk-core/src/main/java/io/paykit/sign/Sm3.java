package io.paykit.sign;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905) through BouncyCastle's low-level digest; a new digest per call is cheap. */
final class Sm3 {
  private Sm3() {}

  static byte[] digest(byte[] data) {
    SM3Digest digest = new SM3Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }
}
