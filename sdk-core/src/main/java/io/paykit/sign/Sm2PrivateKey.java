package io.paykit.sign;

import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * An SM2 private key as a plain JCA {@link ECPrivateKey}, so that callers hold a standard type and
 * no BouncyCastle provider has to be registered. Immutable.
 */
final class Sm2PrivateKey implements ECPrivateKey {
  private static final long serialVersionUID = 1L;

  private final transient ECPrivateKeyParameters parameters;
  private final transient ECPoint publicPoint;
  private final transient byte[] encoded;

  /** @param d a scalar already checked with {@link Sm2Curve#isValidScalar} */
  Sm2PrivateKey(BigInteger d) {
    this.parameters = new ECPrivateKeyParameters(d, Sm2Curve.DOMAIN);
    this.publicPoint = Sm2Curve.multiplyG(d);
    // PKCS#8 exactly as OpenSSL writes it: id-ecPublicKey + sm2p256v1, SEC1 body with the public key.
    this.encoded = Der.sequence(
        Der.integer(BigInteger.ZERO),
        Der.sequence(Der.oid(Sm2.EC_PUBLIC_KEY_OID), Der.oid(Sm2.CURVE_OID)),
        Der.octetString(Der.sequence(
            Der.integer(BigInteger.ONE),
            Der.octetString(BigIntegers.asUnsignedByteArray(Sm2Curve.FIELD_BYTES, d)),
            Der.contextTag(1, Der.bitString(publicPoint.getEncoded(false))))));
  }

  ECPrivateKeyParameters parameters() {
    return parameters;
  }

  ECPoint publicPoint() {
    return publicPoint;
  }

  @Override
  public BigInteger getS() {
    return parameters.getD();
  }

  @Override
  public ECParameterSpec getParams() {
    return Sm2Curve.SPEC;
  }

  @Override
  public String getAlgorithm() {
    return "EC";
  }

  @Override
  public String getFormat() {
    return "PKCS#8";
  }

  @Override
  public byte[] getEncoded() {
    return encoded.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Sm2PrivateKey
        && MessageDigest.isEqual(encoded, ((Sm2PrivateKey) other).encoded);
  }

  @Override
  public int hashCode() {
    // From the public half only, so the hash reveals nothing secret.
    return Arrays.hashCode(publicPoint.getEncoded(true));
  }

  @Override
  public String toString() {
    return "SM2 private key";
  }

  /** Java serialization of key material is refused; store {@link #getEncoded()} instead. */
  private Object writeReplace() throws ObjectStreamException {
    throw new NotSerializableException("SM2 keys are not serializable; store getEncoded() instead");
  }
}
