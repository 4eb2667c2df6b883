package io.paykit.bench;

import io.paykit.bench.SignBenchmark.Raw;
import io.paykit.bench.SignBenchmark.Shared;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pairs of {@link SignBenchmark}, PayKit and the raw JCA or BouncyCastle call alternating call by
 * call on one thread, each timed ({@link Split}): judged for the signer targets.
 *
 * <p>Why: both sides do the same engine work, yet in separate forks minutes apart they read anywhere
 * from 0.86 to 1.25 of each other across five runs (in one, PayKit's SM2 signer took 118.3-118.5 µs
 * in every iteration while the raw call moved between 93 and 109): the host's speed, not the SDK.
 * The timer adds two {@code System.nanoTime} reads to each call on both sides, a few per cent of
 * the 1.5 µs MD5 and nothing visible on the rest.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InterleavedSignBenchmark {
  @Benchmark
  public Object md5(Shared shared, Raw raw, Split split) throws Exception {
    return split.alternate(() -> shared.md5.sign(shared.content), () -> SignBenchmark.md5Raw(shared, raw));
  }

  @Benchmark
  public Object hmacSha256(Shared shared, Raw raw, Split split) throws Exception {
    return split.alternate(
        () -> shared.hmac.sign(shared.content), () -> SignBenchmark.hmacSha256Raw(shared, raw));
  }

  @Benchmark
  public Object rsa2Sign(Shared shared, Raw raw, Split split) throws Exception {
    return split.alternate(
        () -> shared.rsa2.sign(shared.content), () -> SignBenchmark.rsa2SignRaw(shared, raw));
  }

  @Benchmark
  public Object rsa2Verify(Shared shared, Raw raw, Split split) throws Exception {
    return split.alternate(
        () -> shared.rsa2Verifier.verify(shared.content, shared.rsa2Signature),
        () -> SignBenchmark.rsa2VerifyRaw(shared, raw));
  }

  @Benchmark
  public Object sm2Sign(Shared shared, Raw raw, Split split) throws Exception {
    return split.alternate(
        () -> shared.sm2Signer.sign(shared.content), () -> SignBenchmark.sm2SignRaw(shared, raw));
  }

  @Benchmark
  public Object sm2Verify(Shared shared, Raw raw, Split split) throws Exception {
    return split.alternate(
        () -> shared.sm2Verifier.verify(shared.content, shared.sm2Signature),
        () -> SignBenchmark.sm2VerifyRaw(shared, raw));
  }
}
