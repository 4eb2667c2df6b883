package io.paykit.bench;

import io.paykit.sign.CanonicalString;
import io.paykit.sign.Keys;
import io.paykit.sign.Signer;
import io.paykit.sign.Verifier;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PayKit's {@link Signer} / {@link Verifier} against the raw JCA or BouncyCastle call they wrap, on
 * the same 1 KB canonical string. Raw engines are set up once per thread and reused, the fastest
 * way to call them by hand; both sides include the same UTF-8 encoding and hex/Base64 step.
 *
 * <p>Run: {@code java -cp <classpath> org.openjdk.jmh.Main SignBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SignBenchmark {
  private static final String SECRET = "019fafebfebf4a9d28c989254660f46c";
  private static final byte[] SM2_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

  /** Keys, content and PayKit's signers and verifiers, shared by all threads like in an app. */
  @State(Scope.Benchmark)
  public static class Shared {
    String content;
    KeyPair rsa;
    PrivateKey sm2;
    ECDomainParameters sm2Domain;
    ECPrivateKeyParameters sm2Private;
    ECPublicKeyParameters sm2Public;

    Signer md5;
    Verifier md5Verifier;
    Signer hmac;
    Signer rsa2;
    Verifier rsa2Verifier;
    Signer sm2Signer;
    Verifier sm2Verifier;
    String rsa2Signature;
    String sm2Signature;

    @Setup
    public void setUp() throws Exception {
      content = canonicalKilobyte();
      // A fixed 2048-bit key rather than a fresh one: key generation took up to seconds per fork.
      PrivateKey rsaPrivate = Keys.rsaPrivateKey(Canned.RSA_PRIVATE_PEM);
      rsa = new KeyPair(Keys.publicKeyOf(rsaPrivate), rsaPrivate);

      X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
      sm2Domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
      BigInteger d = new BigInteger(256, new SecureRandom()).mod(x9.getN().subtract(BigInteger.valueOf(2)))
          .add(BigInteger.ONE);
      sm2 = Keys.sm2PrivateKey(String.format("%064x", d));
      sm2Private = new ECPrivateKeyParameters(((ECPrivateKey) sm2).getS(), sm2Domain);
      sm2Public = new ECPublicKeyParameters(sm2Domain.getG().multiply(d).normalize(), sm2Domain);

      md5 = Signer.md5();
      md5Verifier = Verifier.md5();
      hmac = Signer.hmacSha256(SECRET);
      rsa2 = Signer.rsa2(rsa.getPrivate());
      rsa2Verifier = Verifier.rsa2(rsa.getPublic());
      sm2Signer = Signer.sm2(sm2);
      sm2Verifier = Verifier.sm2(Keys.publicKeyOf(sm2));
      rsa2Signature = rsa2.sign(content);
      sm2Signature = sm2Signer.sign(content);
      if (content.getBytes(StandardCharsets.UTF_8).length != 1024
          || !rsa2Verifier.verify(content, rsa2Signature) || !sm2Verifier.verify(content, sm2Signature)) {
        throw new IllegalStateException("benchmark set-up is wrong");
      }
    }

    /** 32 parameters through CanonicalString, exactly 1024 UTF-8 bytes. */
    private static String canonicalKilobyte() {
      Map<String, Object> params = new TreeMap<>();
      for (int i = 0; i < 32; i++) {
        params.put(String.format("k%02d", i), String.format("value-%021d", i * 7919L));
      }
      String base = CanonicalString.builder().build().of(params);
      return base + "x".repeat(1024 - base.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  /** Hand-held engines, one set per thread, initialized once. */
  @State(Scope.Thread)
  public static class Raw {
    MessageDigest md5;
    Mac hmac;
    Signature rsa2Sign;
    Signature rsa2Verify;
    SM2Signer sm2Sign;
    SM2Signer sm2Verify;

    @Setup
    public void setUp(Shared shared) throws Exception {
      md5 = MessageDigest.getInstance("MD5");
      hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      rsa2Sign = Signature.getInstance("SHA256withRSA");
      rsa2Sign.initSign(shared.rsa.getPrivate());
      rsa2Verify = Signature.getInstance("SHA256withRSA");
      rsa2Verify.initVerify(shared.rsa.getPublic());
      sm2Sign = new SM2Signer();
      sm2Sign.init(true, new ParametersWithID(
          new ParametersWithRandom(shared.sm2Private, new SecureRandom()), SM2_USER_ID));
      sm2Verify = new SM2Signer();
      sm2Verify.init(false, new ParametersWithID(shared.sm2Public, SM2_USER_ID));
    }
  }

  // ---- MD5

  @Benchmark
  public String md5Raw(Shared shared, Raw raw, CpuCounter cpu) {
    cpu.calls++;
    return md5Raw(shared, raw);
  }

  static String md5Raw(Shared shared, Raw raw) {
    return hex(raw.md5.digest(shared.content.getBytes(StandardCharsets.UTF_8)));
  }

  @Benchmark
  public String md5PayKit(Shared shared, CpuCounter cpu) {
    cpu.calls++;
    return shared.md5.sign(shared.content);
  }

  // ---- HMAC-SHA256

  @Benchmark
  public String hmacSha256Raw(Shared shared, Raw raw, CpuCounter cpu) {
    cpu.calls++;
    return hmacSha256Raw(shared, raw);
  }

  static String hmacSha256Raw(Shared shared, Raw raw) {
    return hex(raw.hmac.doFinal(shared.content.getBytes(StandardCharsets.UTF_8)));
  }

  @Benchmark
  public String hmacSha256PayKit(Shared shared, CpuCounter cpu) {
    cpu.calls++;
    return shared.hmac.sign(shared.content);
  }

  // ---- RSA2 (SHA256withRSA, 2048 bits)

  @Benchmark
  public String rsa2SignRaw(Shared shared, Raw raw, CpuCounter cpu) throws Exception {
    cpu.calls++;
    return rsa2SignRaw(shared, raw);
  }

  static String rsa2SignRaw(Shared shared, Raw raw) throws Exception {
    raw.rsa2Sign.update(shared.content.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(raw.rsa2Sign.sign());
  }

  @Benchmark
  public String rsa2SignPayKit(Shared shared, CpuCounter cpu) {
    cpu.calls++;
    return shared.rsa2.sign(shared.content);
  }

  @Benchmark
  public boolean rsa2VerifyRaw(Shared shared, Raw raw, CpuCounter cpu) throws Exception {
    cpu.calls++;
    return rsa2VerifyRaw(shared, raw);
  }

  static boolean rsa2VerifyRaw(Shared shared, Raw raw) throws Exception {
    raw.rsa2Verify.update(shared.content.getBytes(StandardCharsets.UTF_8));
    return raw.rsa2Verify.verify(Base64.getDecoder().decode(shared.rsa2Signature));
  }

  @Benchmark
  public boolean rsa2VerifyPayKit(Shared shared, CpuCounter cpu) {
    cpu.calls++;
    return shared.rsa2Verifier.verify(shared.content, shared.rsa2Signature);
  }

  // ---- SM2 (SM3withSM2, default user id)

  @Benchmark
  public String sm2SignRaw(Shared shared, Raw raw, CpuCounter cpu) throws CryptoException {
    cpu.calls++;
    return sm2SignRaw(shared, raw);
  }

  static String sm2SignRaw(Shared shared, Raw raw) throws CryptoException {
    byte[] bytes = shared.content.getBytes(StandardCharsets.UTF_8);
    raw.sm2Sign.update(bytes, 0, bytes.length);
    return Base64.getEncoder().encodeToString(raw.sm2Sign.generateSignature());
  }

  @Benchmark
  public String sm2SignPayKit(Shared shared, CpuCounter cpu) {
    cpu.calls++;
    return shared.sm2Signer.sign(shared.content);
  }

  @Benchmark
  public boolean sm2VerifyRaw(Shared shared, Raw raw, CpuCounter cpu) {
    cpu.calls++;
    return sm2VerifyRaw(shared, raw);
  }

  static boolean sm2VerifyRaw(Shared shared, Raw raw) {
    byte[] bytes = shared.content.getBytes(StandardCharsets.UTF_8);
    raw.sm2Verify.update(bytes, 0, bytes.length);
    return raw.sm2Verify.verifySignature(Base64.getDecoder().decode(shared.sm2Signature));
  }

  @Benchmark
  public boolean sm2VerifyPayKit(Shared shared, CpuCounter cpu) {
    cpu.calls++;
    return shared.sm2Verifier.verify(shared.content, shared.sm2Signature);
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
