package io.paykit.sign;

import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/** An SM2 public key as a plain JCA {@link ECPublicKey}. Immutable. */
final class Sm2PublicKey implements ECPublicKey {
  private static final long serialVersionUID = 1L;

  private final transient ECPublicKeyParameters parameters;
  private final transient byte[] encoded;

  /** @param point a point already validated on the SM2 curve */
  Sm2PublicKey(ECPoint point) {
    this.parameters = new ECPublicKeyParameters(point, Sm2Curve.DOMAIN);
    this.encoded = Der.sequence(
        Der.sequence(Der.oid(Sm2.EC_PUBLIC_KEY_OID), Der.oid(Sm2.CURVE_OID)),
        Der.bitString(point.getEncoded(false)));
  }

  ECPublicKeyParameters parameters() {
    return parameters;
  }

  @Override
  public java.security.spec.ECPoint getW() {
    return Sm2Curve.toJca(parameters.getQ());
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
    return "X.509";
  }

  @Override
  public byte[] getEncoded() {
    return encoded.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Sm2PublicKey && Arrays.equals(encoded, ((Sm2PublicKey) other).encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "SM2 public key";
  }

  /** Refused like {@link Sm2PrivateKey}'s; store {@link #getEncoded()} instead. */
  private Object writeReplace() throws ObjectStreamException {
    throw new NotSerializableException("SM2 keys are not serializable; store getEncoded() instead");
  }
}
