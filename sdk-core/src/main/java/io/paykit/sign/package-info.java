/**
 * Signing and verification for the gateways PayKit speaks: canonical {@code k=v&k=v} strings,
 * MD5, HMAC-SHA256, RSA (SHA1withRSA), RSA2 (SHA256withRSA), SM2 (SM3withSM2) and the SM3 digest.
 *
 * <p>Pick an algorithm once and share it: {@link io.paykit.sign.Signer} and
 * {@link io.paykit.sign.Verifier} instances are immutable and thread-safe, keys are parsed once by
 * {@link io.paykit.sign.Keys}, and every signature check compares in constant time.
 *
 * <pre>{@code
 * CanonicalString canonical = CanonicalString.builder().exclude("sign", "sign_type").build();
 * Signer signer = Signer.rsa2(Keys.rsaPrivateKey(pem));
 * String sign = signer.sign(canonical.of(params));
 * }</pre>
 *
 * <p>MD5, HMAC-SHA256 and RSA use only the platform's JCA providers. SM2 and SM3 need
 * {@code org.bouncycastle:bcprov-jdk18on}, an optional dependency: without it those factories
 * throw {@link java.lang.IllegalStateException} and everything else keeps working. BouncyCastle is
 * used through its low-level classes and is never registered as a JCA provider.
 */
package io.paykit.sign;
