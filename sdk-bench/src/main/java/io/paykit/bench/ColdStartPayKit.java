package io.paykit.bench;

import io.paykit.qbitpay.Charge;
import io.paykit.qbitpay.ChargeCreateParams;
import io.paykit.qbitpay.QbitPayClient;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;

/**
 * Cold start, PayKit side: a fresh JVM builds a {@link QbitPayClient} and creates one charge against
 * the loopback server. Prints {@code coldstart paykit <main-to-response ms> <jvm-start-to-response
 * ms>}; {@link ColdStartRunner} starts it as a separate process.
 *
 * <p>Usage: {@code java -cp <classpath> io.paykit.bench.ColdStartPayKit <baseUrl>}
 */
public final class ColdStartPayKit {
  private ColdStartPayKit() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    // Literals, not Canned's constants: loading Canned would load PayKit classes and a key file.
    QbitPayClient client = QbitPayClient.builder().apiKey("T9uTy95uSifOOuTy").baseUrl(args[0]).build();
    Charge charge =
        client.createCharge(
            ChargeCreateParams.builder()
                .amount(new BigDecimal("10.50"))
                .currency("USD")
                .externalOrderId("order-1001")
                .cbUrl("https://shop.example/qbit/webhook")
                .redirectUrl("https://shop.example/paid")
                .build());
    long t1 = System.nanoTime();
    long wallAtResponse = System.currentTimeMillis() - (System.nanoTime() - t1) / 1_000_000;
    if (charge.getId() == null) throw new IllegalStateException("no charge id");
    // The management classes load after the measurement, so they are not counted.
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.printf("coldstart paykit %.2f %d%n", (t1 - t0) / 1e6, wallAtResponse - jvmStart);
    // OkHttp's threads would keep the JVM alive for a minute: a real app would be running anyway.
    System.exit(0);
  }
}
