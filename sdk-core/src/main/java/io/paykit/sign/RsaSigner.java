package io.paykit.sign;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** RSASSA-PKCS1-v1_5 with SHA-1 ({@link SignType#RSA}) or SHA-256 ({@link SignType#RSA2}). */
final class RsaSigner implements Signer {
  private final SignType signType;
  private final String algorithm;
  private final Pool<Signature> signatures;

  RsaSigner(SignType signType, PrivateKey key) {
    if (key == null) {
      throw new IllegalArgumentException("key == null");
    }
    if (!"RSA".equalsIgnoreCase(key.getAlgorithm())) {
      throw new IllegalArgumentException(
          signType + " needs an RSA private key, not " + key.getAlgorithm());
    }
    this.signType = signType;
    this.algorithm = jcaAlgorithm(signType);
    try {
      this.signatures = new Pool<>(() -> {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(key);
        return signature;
      });
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("The platform rejected the RSA private key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available on this platform", e);
    }
  }

  static String jcaAlgorithm(SignType signType) {
    return signType == SignType.RSA ? "SHA1withRSA" : "SHA256withRSA";
  }

  @Override
  public SignType signType() {
    return signType;
  }

  @Override
  public String sign(byte[] content) {
    if (content == null) {
      throw new IllegalArgumentException("content == null");
    }
    try {
      Signature signature = signatures.acquire();
      signature.update(content);
      byte[] signed = signature.sign();
      signatures.release(signature);
      return Base64.getEncoder().encodeToString(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " signing failed", e);
    }
  }

  @Override
  public String toString() {
    return "Signer[" + signType + ", " + algorithm + "]";
  }
}
