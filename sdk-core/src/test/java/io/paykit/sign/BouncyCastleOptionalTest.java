package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * bcprov is an optional dependency: without it MD5, HMAC and RSA must work and never load a
 * BouncyCastle class, and SM2/SM3 must fail with a clear {@link IllegalStateException}.
 *
 * <p>The SDK's classes are loaded again, from the compiled output, by a loader whose only parent is
 * the bootstrap loader (so bcprov from the test classpath is invisible) and which refuses and records
 * every request for {@code org.bouncycastle.*}.
 */
class BouncyCastleOptionalTest {
  private static final String MIXPAY_ORDER_RSA =
      "L+ZtG58qOoqFswP695gjkeTRVrut3fX3Ccbsq9k4F/FFJLwtRIKMqmYzPzUzpU0bTMedCG6vcGGcaed/1X+7eRr2"
          + "SF79rBzbTlsVZPd/l2o9JqR6LoqG3ib6iPWd0ZEk7+qaNiiStxylm1FSP3SkNEZM13gr2yODTobLn8vASdk=";

  /** Loads {@code io.paykit.*} from the SDK's classes, refuses BouncyCastle, records requests. */
  static final class WithoutBouncyCastle extends URLClassLoader {
    final List<String> requested = Collections.synchronizedList(new ArrayList<>());

    WithoutBouncyCastle() {
      super(new URL[] {Signer.class.getProtectionDomain().getCodeSource().getLocation()}, null);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      requested.add(name);
      if (name.startsWith("org.bouncycastle.")) {
        throw new ClassNotFoundException(name + " is hidden by this test");
      }
      return super.loadClass(name, resolve);
    }

    List<String> requested(String prefix) {
      synchronized (requested) {
        return requested.stream().filter(n -> n.startsWith(prefix)).distinct().collect(Collectors.toList());
      }
    }

    Object call(String type, String method, Class<?>[] parameterTypes, Object target, Object... arguments)
        throws Throwable {
      try {
        return loadClass(type).getMethod(method, parameterTypes).invoke(target, arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  @Test
  void md5HmacAndRsaWorkWithoutLoadingAnyBouncyCastleOrSm2Class() throws Throwable {
    try (WithoutBouncyCastle loader = new WithoutBouncyCastle()) {
      assertNotSame(Signer.class, loader.loadClass("io.paykit.sign.Signer"));

      Object canonical = loader.call("io.paykit.sign.CanonicalString", "builder", new Class<?>[0], null);
      canonical = canonical.getClass().getMethod("build").invoke(canonical);
      String content = (String) canonical.getClass().getMethod("of", Map.class, String.class)
          .invoke(canonical, Collections.singletonMap("ts", 1541051068L), "&app_secret=s");
      assertEquals("ts=1541051068&app_secret=s", content);

      Object md5 = loader.call("io.paykit.sign.Signer", "md5", new Class<?>[0], null);
      assertEquals("900150983cd24fb0d6963f7d28e17f72",
          loader.call("io.paykit.sign.Signer", "sign", new Class<?>[] {String.class}, md5, "abc"));
      Object hmac = loader.call("io.paykit.sign.Verifier", "hmacSha256", new Class<?>[] {String.class}, null, "Jefe");
      assertEquals(true, loader.call("io.paykit.sign.Verifier", "verify", new Class<?>[] {String.class, String.class},
          hmac, "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));

      // PKCS#1 PEM: the path that wraps PKCS#1 into PKCS#8 without BouncyCastle.
      PrivateKey key = (PrivateKey) loader.call("io.paykit.sign.Keys", "rsaPrivateKey", new Class<?>[] {String.class},
          null, Fixtures.text("vectors/mixpay-sample-merchant-key.pem"));
      Object rsa = loader.call("io.paykit.sign.Signer", "rsa", new Class<?>[] {PrivateKey.class}, null, key);
      assertEquals(MIXPAY_ORDER_RSA,
          loader.call("io.paykit.sign.Signer", "sign", new Class<?>[] {String.class}, rsa, Fixtures.MIXPAY_ORDER_STRING));
      PublicKey publicKey = (PublicKey) loader.call("io.paykit.sign.Keys", "rsaPublicKey",
          new Class<?>[] {String.class}, null, Fixtures.openssl("rsa-cert.pem"));
      Object rsa2 = loader.call("io.paykit.sign.Verifier", "rsa2", new Class<?>[] {PublicKey.class}, null, publicKey);
      assertEquals(true, loader.call("io.paykit.sign.Verifier", "verify", new Class<?>[] {String.class, String.class},
          rsa2, Fixtures.MIXPAY_ORDER_STRING, Fixtures.openssl("openssl-rsa2-sha256.sig.b64").trim()));
      loader.call("io.paykit.sign.Keys", "publicKeyOf", new Class<?>[] {PrivateKey.class}, null, key);

      assertEquals(Collections.emptyList(), loader.requested("org.bouncycastle."));
      assertEquals(Collections.emptyList(), loader.requested("io.paykit.sign.Sm"));
    }
  }

  @Test
  void sm2AndSm3FailWithAClearIllegalStateException() throws Throwable {
    try (WithoutBouncyCastle loader = new WithoutBouncyCastle()) {
      PrivateKey rsaKey = Keys.rsaPrivateKey(Fixtures.text("vectors/mixpay-sample-merchant-key.pem"));
      PrivateKey sm2Key = Keys.sm2PrivateKey(Fixtures.openssl("sm2-private.pem"));
      PublicKey sm2Public = Keys.publicKeyOf(sm2Key);
      List<Executable> calls = new ArrayList<>();
      calls.add(() -> loader.call("io.paykit.sign.Keys", "sm2PrivateKey", new Class<?>[] {String.class}, null,
          Fixtures.openssl("sm2-private.pem")));
      calls.add(() -> loader.call("io.paykit.sign.Keys", "sm2PublicKey", new Class<?>[] {String.class}, null,
          Fixtures.openssl("sm2-public.hex")));
      calls.add(() -> loader.call("io.paykit.sign.Signer", "sm2", new Class<?>[] {PrivateKey.class}, null, sm2Key));
      calls.add(() -> loader.call("io.paykit.sign.Signer", "sm2", new Class<?>[] {PrivateKey.class}, null, rsaKey));
      calls.add(() -> loader.call("io.paykit.sign.Verifier", "sm2", new Class<?>[] {PublicKey.class}, null, sm2Public));
      calls.add(() -> loader.call("io.paykit.sign.Digests", "sm3", new Class<?>[] {byte[].class}, null, new byte[0]));
      calls.add(() -> loader.call("io.paykit.sign.Digests", "sm3Hex", new Class<?>[] {String.class}, null, "abc"));
      calls.add(() -> loader.call("io.paykit.sign.Keys", "publicKeyOf", new Class<?>[] {PrivateKey.class}, null, sm2Key));
      for (Executable call : calls) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call::run);
        assertTrue(e.getMessage().startsWith("SM2 and SM3 need org.bouncycastle:bcprov-jdk18on on the classpath"),
            e.getMessage());
      }
      // Only the presence probe asked for BouncyCastle; no SM2 implementation class was touched.
      assertEquals(Collections.singletonList("io.paykit.sign.Sm2"), loader.requested("io.paykit.sign.Sm"));
    }
  }

  private interface Executable {
    void run() throws Throwable;
  }
}
