package io.paykit.sign;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;

/** SM3withSM2 (GM/T 0003.2) through BouncyCastle's low-level {@link SM2Signer}, DER output. */
final class Sm2Signer implements Signer {
  private final Pool<SM2Signer> signers;

  private Sm2Signer(ECPrivateKeyParameters key, byte[] userId) {
    SecureRandom random = new SecureRandom();
    try {
      // Pooled because SM2Signer.init computes d·G, a scalar multiplication as costly as signing.
      this.signers = new Pool<>(() -> {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key, random), userId));
        return signer;
      });
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e); // the factory throws no checked exception
    }
  }

  /** Builds the signer; declared to return the interface so callers' bytecode names no BC-backed class. */
  static Signer create(PrivateKey key, String userId) {
    return new Sm2Signer(Sm2Keys.privateParameters(key), userIdBytes(userId));
  }

  /** The user id enters Z with a 16-bit bit length, hence the limit. */
  static byte[] userIdBytes(String userId) {
    if (userId == null) {
      throw new IllegalArgumentException("userId == null");
    }
    byte[] bytes = userId.getBytes(StandardCharsets.UTF_8);
    if (bytes.length >= 8192) {
      throw new IllegalArgumentException("SM2 user id must be shorter than 8192 bytes");
    }
    return bytes;
  }

  @Override
  public SignType signType() {
    return SignType.SM2;
  }

  @Override
  public String sign(byte[] content) {
    if (content == null) {
      throw new IllegalArgumentException("content == null");
    }
    SM2Signer signer = acquire(signers);
    signer.reset();
    signer.update(content, 0, content.length);
    byte[] signature;
    try {
      signature = signer.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException("SM2 signing failed", e);
    }
    signers.release(signer);
    return Base64.getEncoder().encodeToString(signature);
  }

  /**
   * SM3 (GB/T 32905) through BouncyCastle's low-level digest; a new digest per call is cheap. Here,
   * beside the other BouncyCastle-backed code, rather than in a class of its own: one class fewer in
   * the jar.
   */
  static byte[] sm3(byte[] data) {
    SM3Digest digest = new SM3Digest();
    digest.update(data, 0, data.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  static SM2Signer acquire(Pool<SM2Signer> pool) {
    try {
      return pool.acquire();
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e); // the factory throws no checked exception
    }
  }

  @Override
  public String toString() {
    return "Signer[SM2, SM3withSM2]";
  }
}
