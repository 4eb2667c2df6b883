package io.paykit.sign;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;

/** Checks RSASSA-PKCS1-v1_5 signatures with SHA-1 or SHA-256. */
final class RsaVerifier implements Verifier {
  private final SignType signType;
  private final String algorithm;
  /** Signature length in bytes, or -1 if the key does not tell (e.g. a hardware key). */
  private final int signatureLength;
  private final Pool<Signature> signatures;

  RsaVerifier(SignType signType, PublicKey key) {
    if (key == null) {
      throw new IllegalArgumentException("key == null");
    }
    if (!"RSA".equalsIgnoreCase(key.getAlgorithm())) {
      throw new IllegalArgumentException(
          signType + " needs an RSA public key, not " + key.getAlgorithm());
    }
    this.signType = signType;
    this.algorithm = RsaSigner.jcaAlgorithm(signType);
    this.signatureLength =
        key instanceof RSAPublicKey ? (((RSAPublicKey) key).getModulus().bitLength() + 7) / 8 : -1;
    try {
      this.signatures = new Pool<>(() -> {
        Signature signature = Signature.getInstance(algorithm);
        signature.initVerify(key);
        return signature;
      });
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("The platform rejected the RSA public key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available on this platform", e);
    }
  }

  @Override
  public SignType signType() {
    return signType;
  }

  @Override
  public boolean verify(byte[] content, String signature) {
    if (content == null) {
      throw new IllegalArgumentException("content == null");
    }
    byte[] signed = signature == null ? null : Pem.signatureOrNull(signature);
    if (signed == null || signed.length == 0
        || (signatureLength > 0 && signed.length != signatureLength)) {
      return false;
    }
    Signature engine;
    try {
      engine = signatures.acquire();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available on this platform", e);
    }
    try {
      engine.update(content);
      boolean valid = engine.verify(signed);
      signatures.release(engine);
      return valid;
    } catch (GeneralSecurityException | RuntimeException e) {
      // A provider may throw for a malformed signature instead of returning false; the engine is
      // dropped because its digest may still hold this content.
      return false;
    }
  }

  @Override
  public String toString() {
    return "Verifier[" + signType + ", " + algorithm + "]";
  }
}
