package io.paykit.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's main job, run as an integration test: every step against the sandbox must pass. */
class WalkthroughTest {
  @Test
  void everyStepPassesAgainstTheSandbox() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, "UTF-8");

    boolean ok = new Walkthrough(out).run();

    String log = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(ok, log);
    assertFalse(log.contains("✗"), log);
    assertTrue(log.contains("verified webhook received"), log);
    assertTrue(log.matches("(?s).*OK: 1[0-9] passed, 0 failed.*"), log);
    assertFalse(log.contains("sk_sandbox"), "the API key must not be printed");
    assertFalse(log.contains("sandbox_md5_secret"), "the secret must not be printed");
  }
}
