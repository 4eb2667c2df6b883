package io.paykit.sign;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** The sm2p256v1 curve (GM/T 0003.5) in both BouncyCastle and JCA form. Uses BouncyCastle. */
final class Sm2Curve {
  static final ECDomainParameters DOMAIN;
  static final ECParameterSpec SPEC;
  static final int FIELD_BYTES = 32;

  static {
    // CustomNamedCurves has the same parameters as GMNamedCurves but a dedicated field
    // implementation, about three times faster than the generic one for every scalar multiplication.
    X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
    DOMAIN = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
    ECPoint g = DOMAIN.getG().normalize();
    SPEC = new ECParameterSpec(
        new EllipticCurve(
            new ECFieldFp(DOMAIN.getCurve().getField().getCharacteristic()),
            DOMAIN.getCurve().getA().toBigInteger(),
            DOMAIN.getCurve().getB().toBigInteger()),
        new java.security.spec.ECPoint(
            g.getAffineXCoord().toBigInteger(), g.getAffineYCoord().toBigInteger()),
        DOMAIN.getN(),
        DOMAIN.getH().intValue());
  }

  private Sm2Curve() {}

  /** Whether JCA parameters describe this curve, whoever built them. */
  static boolean matches(ECParameterSpec spec) {
    if (spec == null) {
      return false;
    }
    EllipticCurve curve = spec.getCurve();
    EllipticCurve sm2 = SPEC.getCurve();
    return curve.getField() instanceof ECFieldFp
        && ((ECFieldFp) curve.getField()).getP().equals(((ECFieldFp) sm2.getField()).getP())
        && curve.getA().equals(sm2.getA())
        && curve.getB().equals(sm2.getB())
        && spec.getGenerator().equals(SPEC.getGenerator())
        && spec.getOrder().equals(SPEC.getOrder());
  }

  /** Whether {@code d} is a valid SM2 private scalar, {@code 1 <= d <= n - 2} (GM/T 0003.1, 6.1). */
  static boolean isValidScalar(BigInteger d) {
    return d.signum() > 0 && d.compareTo(DOMAIN.getN().subtract(BigInteger.ONE)) < 0;
  }

  /** The public point d·G. */
  static ECPoint multiplyG(BigInteger d) {
    return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
  }

  /** Decodes an encoded point (04 x y, or compressed), checking that it lies on the curve. */
  static ECPoint decodePoint(byte[] encoded) {
    ECPoint point = DOMAIN.getCurve().decodePoint(encoded).normalize();
    if (point.isInfinity() || !point.isValid()) {
      throw new IllegalArgumentException("not a point on the SM2 curve");
    }
    return point;
  }

  /** Builds a point from affine JCA coordinates, checking that it lies on the curve. */
  static ECPoint point(java.security.spec.ECPoint w) {
    if (w == null || java.security.spec.ECPoint.POINT_INFINITY.equals(w)) {
      throw new IllegalArgumentException("not a point on the SM2 curve");
    }
    return DOMAIN.getCurve().validatePoint(w.getAffineX(), w.getAffineY()).normalize();
  }

  static java.security.spec.ECPoint toJca(ECPoint point) {
    return new java.security.spec.ECPoint(
        point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger());
  }
}
