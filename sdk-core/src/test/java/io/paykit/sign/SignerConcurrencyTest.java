package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Backs the "thread-safe" claims: one signer and one verifier shared by 16 threads. */
class SignerConcurrencyTest {
  private static final int THREADS = 16;
  private static final int SIGNATURES = 10_000;

  private ExecutorService executor;

  @BeforeEach
  void startThreads() {
    executor = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stopThreads() throws InterruptedException {
    executor.shutdownNow();
    assertTrue(executor.awaitTermination(1, TimeUnit.MINUTES));
  }

  @Test
  void rsa2SignerAndVerifierSharedBySixteenThreads() throws Exception {
    // The 1024-bit sample key keeps this test short; thread safety does not depend on key size.
    PrivateKey key = Keys.rsaPrivateKey(Fixtures.text("vectors/mixpay-sample-merchant-key.pem"));
    assertAllVerify(Signer.rsa2(key), Verifier.rsa2(Keys.publicKeyOf(key)));
  }

  @Test
  void sm2SignerAndVerifierSharedBySixteenThreads() throws Exception {
    assertAllVerify(Signer.sm2(Keys.sm2PrivateKey(Fixtures.openssl("sm2-private.pem"))),
        Verifier.sm2(Keys.sm2PublicKey(Fixtures.openssl("sm2-public.pem"))));
  }

  @Test
  void md5AndHmacSignersSharedBySixteenThreads() throws Exception {
    assertAllVerify(Signer.md5(), Verifier.md5());
    assertAllVerify(Signer.hmacSha256("secret"), Verifier.hmacSha256("secret"));
  }

  /**
   * Each thread signs distinct contents and checks every signature (and, every eighth time, a
   * tampered content that must fail), so a state leak between threads, such as a digest holding
   * another thread's bytes, shows as a wrong answer.
   */
  private void assertAllVerify(Signer signer, Verifier verifier) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      tasks.add(() -> {
        start.await();
        int verified = 0;
        for (int i = thread; i < SIGNATURES; i += THREADS) {
          String content = "amount=" + i + "&app_id=42&thread=" + thread;
          String signature = signer.sign(content);
          boolean tamperedRejected = i % 8 != 0 || !verifier.verify(content + "&x=1", signature);
          if (verifier.verify(content, signature) && tamperedRejected) {
            verified++;
          }
        }
        return verified;
      });
    }
    List<Future<Integer>> futures = new ArrayList<>();
    for (Callable<Integer> task : tasks) {
      futures.add(executor.submit(task));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> future : futures) {
      total += future.get(5, TimeUnit.MINUTES);
    }
    assertEquals(SIGNATURES, total, signer + " / " + verifier);
  }
}
