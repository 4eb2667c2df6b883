package io.paykit.bench;

import io.paykit.bench.baseline.BaselineQbit;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import okhttp3.OkHttpClient;

/**
 * Cold start, baseline side: a fresh JVM builds an {@link OkHttpClient} and sends the same charge by
 * hand ({@link BaselineQbit}). Prints {@code coldstart baseline <main-to-response ms>
 * <jvm-start-to-response ms>}.
 *
 * <p>Usage: {@code java -cp <classpath> io.paykit.bench.ColdStartBaseline <baseUrl>}
 */
public final class ColdStartBaseline {
  private ColdStartBaseline() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    // Literals, not Canned's constants: loading Canned would load PayKit classes and a key file.
    BaselineQbit client =
        new BaselineQbit(new OkHttpClient(), args[0], "T9uTy95uSifOOuTy", USER_AGENT);
    BaselineQbit.Charge charge =
        client.createCharge(
            new BigDecimal("10.50"), "USD", "order-1001", "https://shop.example/qbit/webhook",
            "https://shop.example/paid");
    long t1 = System.nanoTime();
    long wallAtResponse = System.currentTimeMillis() - (System.nanoTime() - t1) / 1_000_000;
    if (charge.id == null) throw new IllegalStateException("no charge id");
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.printf("coldstart baseline %.2f %d%n", (t1 - t0) / 1e6, wallAtResponse - jvmStart);
    System.exit(0);
  }

  /** A hand-written client has its User-Agent as a constant; reading PayKit's would load PayKit. */
  static final String USER_AGENT = System.getProperty("paykit.userAgent", "paykit-java/0.1.0-SNAPSHOT (qbitpay)");
}
