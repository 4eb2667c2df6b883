package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks against OpenSSL 3 with the fixtures in {@code sign/openssl/} (see the README there
 * for the commands that made them, and for OpenSSL's verification of PayKit's signatures).
 */
class OpenSslInteropTest {
  private static final byte[] MESSAGE = Fixtures.bytes("openssl/message.txt");
  private static final PrivateKey RSA_KEY = Keys.rsaPrivateKey(Fixtures.openssl("rsa-private-pkcs1.pem"));
  private static final PublicKey RSA_PUBLIC = Keys.rsaPublicKey(Fixtures.openssl("rsa-public.pem"));
  private static final PrivateKey SM2_KEY = Keys.sm2PrivateKey(Fixtures.openssl("sm2-private.pem"));
  private static final PublicKey SM2_PUBLIC = Keys.sm2PublicKey(Fixtures.openssl("sm2-public.pem"));

  private static String signature(String name) {
    return Fixtures.openssl(name).trim();
  }

  @Test
  void theSignedMessageIsTheJuyifuOrderStringInUtf8() {
    assertEquals(Fixtures.MIXPAY_ORDER_STRING, new String(MESSAGE, StandardCharsets.UTF_8));
  }

  @Test
  void acceptsOpenSslSha1WithRsaSignature() {
    assertTrue(Verifier.rsa(RSA_PUBLIC).verify(MESSAGE, signature("openssl-rsa-sha1.sig.b64")));
    assertFalse(Verifier.rsa2(RSA_PUBLIC).verify(MESSAGE, signature("openssl-rsa-sha1.sig.b64")));
  }

  @Test
  void acceptsOpenSslSha256WithRsaSignature() {
    assertTrue(Verifier.rsa2(RSA_PUBLIC).verify(MESSAGE, signature("openssl-rsa2-sha256.sig.b64")));
    assertFalse(Verifier.rsa(RSA_PUBLIC).verify(MESSAGE, signature("openssl-rsa2-sha256.sig.b64")));
  }

  @Test
  void acceptsOpenSslSm2SignatureWithTheDefaultUserId() {
    assertTrue(Verifier.sm2(SM2_PUBLIC).verify(MESSAGE, signature("openssl-sm2-sm3.sig.b64")));
    assertFalse(Verifier.sm2(SM2_PUBLIC, "").verify(MESSAGE, signature("openssl-sm2-sm3.sig.b64")));
  }

  @Test
  void rsaSignaturesEqualTheCommittedOnesThatOpenSslVerifiedAndOpenSslsOwn() {
    // PKCS#1 v1.5 is deterministic: same key, same message, same bytes as OpenSSL.
    assertEquals(signature("paykit-rsa-sha1.sig.b64"), Signer.rsa(RSA_KEY).sign(MESSAGE));
    assertEquals(signature("openssl-rsa-sha1.sig.b64"), Signer.rsa(RSA_KEY).sign(MESSAGE));
    assertEquals(signature("paykit-rsa2-sha256.sig.b64"), Signer.rsa2(RSA_KEY).sign(MESSAGE));
    assertEquals(signature("openssl-rsa2-sha256.sig.b64"), Signer.rsa2(RSA_KEY).sign(MESSAGE));
  }

  @Test
  void sm2SignaturesVerifyWithTheCommittedPublicKey() {
    assertTrue(Verifier.sm2(SM2_PUBLIC).verify(MESSAGE, signature("paykit-sm2-sm3.sig.b64")));
    String fresh = Signer.sm2(SM2_KEY).sign(MESSAGE);
    assertTrue(Verifier.sm2(SM2_PUBLIC).verify(MESSAGE, fresh));
    assertTrue(Verifier.sm2(Keys.sm2PublicKey(Fixtures.openssl("sm2-cert.pem"))).verify(MESSAGE, fresh));
  }

  @Test
  void sm3MatchesOpenSslDgst() {
    // printf 'abc' | openssl dgst -sm3 ; printf '' | openssl dgst -sm3
    assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Digests.sm3Hex("abc"));
    assertEquals("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b", Digests.sm3Hex(""));
  }
}
