package io.paykit.sign;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;

/** Checks SM3withSM2 DER signatures through BouncyCastle's low-level {@link SM2Signer}. */
final class Sm2Verifier implements Verifier {
  private final Pool<SM2Signer> verifiers;

  private Sm2Verifier(ECPublicKeyParameters key, byte[] userId) {
    try {
      this.verifiers = new Pool<>(() -> {
        SM2Signer verifier = new SM2Signer();
        verifier.init(false, new ParametersWithID(key, userId));
        return verifier;
      });
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e); // the factory throws no checked exception
    }
  }

  /** Builds the verifier; declared to return the interface so callers' bytecode names no BC-backed class. */
  static Verifier create(PublicKey key, String userId) {
    return new Sm2Verifier(Sm2Keys.publicParameters(key), Sm2Signer.userIdBytes(userId));
  }

  @Override
  public SignType signType() {
    return SignType.SM2;
  }

  @Override
  public boolean verify(byte[] content, String signature) {
    if (content == null) {
      throw new IllegalArgumentException("content == null");
    }
    byte[] signed = signature == null ? null : Pem.signatureOrNull(signature);
    if (signed == null || signed.length == 0) {
      return false;
    }
    SM2Signer verifier = Sm2Signer.acquire(verifiers);
    try {
      // reset() first: a previous caller's failure may have left bytes in the digest.
      verifier.reset();
      verifier.update(content, 0, content.length);
      boolean valid = verifier.verifySignature(signed);
      verifiers.release(verifier);
      return valid;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "Verifier[SM2, SM3withSM2]";
  }
}
