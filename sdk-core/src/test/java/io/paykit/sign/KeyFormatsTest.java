package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paykit.sign.KeyFormats.Shape;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyFormatsTest {
  private static byte[] der(String name) {
    return Base64.getMimeDecoder().decode(Fixtures.openssl(name).replaceAll("-----[A-Z0-9 ]+-----", "").trim());
  }

  @Test
  void wrapsPkcs1IntoExactlyThePkcs8AndSpkiOpenSslWrites() {
    assertArrayEquals(der("rsa-private.pem"), KeyFormats.wrapPkcs1PrivateKey(der("rsa-private-pkcs1.pem")));
    assertArrayEquals(der("rsa-public.pem"), KeyFormats.wrapPkcs1PublicKey(der("rsa-public-pkcs1.pem")));
  }

  @Test
  void tellsKeyContainersApartByTheirOutline() {
    assertEquals(Shape.PKCS8, KeyFormats.shape(der("rsa-private.pem")));
    assertEquals(Shape.PKCS1_PRIVATE, KeyFormats.shape(der("rsa-private-pkcs1.pem")));
    assertEquals(Shape.SEC1_PRIVATE, KeyFormats.shape(der("sm2-private-sec1.pem")));
    assertEquals(Shape.SPKI, KeyFormats.shape(der("rsa-public.pem")));
    assertEquals(Shape.PKCS1_PUBLIC, KeyFormats.shape(der("rsa-public-pkcs1.pem")));
    assertEquals(Shape.CERTIFICATE, KeyFormats.shape(der("rsa-cert.pem")));
    assertEquals(Shape.UNKNOWN, KeyFormats.shape(new byte[] {1, 2, 3}));
  }

  @Test
  void readsAlgorithmAndCurveOfPkcs8AndSpki() throws Exception {
    assertEquals("RSA", KeyFormats.pkcs8Algorithm(der("rsa-private.pem")).describe());
    assertEquals("EC (SM2)", KeyFormats.pkcs8Algorithm(der("sm2-private.pem")).describe());
    assertEquals("EC (P-256)", KeyFormats.spkiAlgorithm(der("ec-p256-public.pem")).describe());
    assertEquals("Ed25519", KeyFormats.pkcs8Algorithm(der("ed25519-private.pem")).describe());
    assertArrayEquals(der("sm2-public.pem"), KeyFormats.certificateSpki(der("sm2-cert.pem")));
    assertArrayEquals(der("rsa-public.pem"), KeyFormats.certificateSpki(der("rsa-cert.pem")));
  }
}
