package io.paykit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.AccessToken;
import io.paykit.PayKitException;
import io.paykit.RequestOptions;
import io.paykit.juyifu.JuyifuClient;
import io.paykit.qbitpay.QbitPayClient;
import io.paykit.sign.Keys;
import io.paykit.sign.Signer;
import io.paykit.sign.Verifier;
import io.paykit.yinqiantong.YinqiantongClient;
import io.paykit.yinqiantong.YinqiantongProtocol;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The last word on secrets: runs in its own surefire execution after every other sdk-core test
 * (see sdk-core/pom.xml) and checks that no credential, key fragment or signature used by the tests
 * appears in the DEBUG log they produced, in an exception message or in a public type's toString.
 */
class SecretsAuditTest {
  /** Every secret the sdk-core tests use: API keys, app secrets, app keys, tokens, signatures. */
  static Set<String> secrets() {
    Set<String> s = new LinkedHashSet<>();
    String[] fixed = {
      // Qbit Pay API keys (tests, docs vectors, this suite)
      "my_api_key", "T9uTy95uSifOOuTy", "sk_reliability_key", "sk_fuzz_webhook_key", "sk_redirect_key", "sk_audit_key",
      // 银钱通 app secret and V1 appkey, 聚易付 MD5 secret
      "your_app_secret", "1234567890123456", "019fafebfebf4a9d28c989254660f46c",
      // published signatures: 银钱通 V2 notification vector
      "19f11112823c950370d33c7865fd0924",
      // access tokens used in tests
      "fixed-token", "tok_audit_secret_value",
    };
    for (String f : fixed) s.add(f);
    for (String pem : new String[] {"/juyifu/mixpay-sample-merchant-key.pem", "/sign/openssl/rsa-private-pkcs1.pem",
        "/sign/openssl/sm2-private.pem", "/sign/openssl/ec-p256-private.pem"}) {
      String text = resource(pem);
      if (text == null) continue;
      for (String line : text.split("\n")) {
        line = line.trim();
        // a private-key fragment: any full Base64 line of the key body
        if (line.length() >= 40 && !line.startsWith("-----")) s.add(line);
      }
    }
    return s;
  }

  static String resource(String path) {
    try (InputStream in = SecretsAuditTest.class.getResourceAsStream(path)) {
      if (in == null) return null;
      byte[] b = new byte[1 << 16];
      int n = 0;
      for (int r; (r = in.read(b, n, b.length - n)) > 0; ) n += r;
      return new String(b, 0, n, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> leaks(String where, String text, Set<String> secrets) {
    List<String> found = new ArrayList<>();
    if (text == null) return found;
    for (String secret : secrets) {
      if (text.contains(secret)) found.add(where + " holds " + secret.substring(0, 4) + "…");
    }
    return found;
  }

  @Test
  void noSecretAppearsInAnyDebugLogLineOfTheWholeSuite() throws IOException {
    String path = System.getProperty("paykit.audit.log");
    // Only the secrets-audit execution knows the log of the finished suite; elsewhere (e.g. -Dtest) skip.
    Assumptions.assumeTrue(path != null, "runs in the secrets-audit surefire execution (-Dpaykit.audit.log)");
    File log = new File(path);
    assertTrue(log.isFile() && log.length() > 0, "the suite's DEBUG log exists: " + log);
    List<String> lines = Files.readAllLines(log.toPath(), StandardCharsets.UTF_8);
    Set<String> secrets = secrets();
    List<String> leaks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) leaks.addAll(leaks("log line " + (i + 1), lines.get(i), secrets));
    System.out.println("[reliability] secrets audit: " + lines.size() + " log lines, " + secrets.size()
        + " secrets, leaks=" + leaks.size());
    assertEquals(new ArrayList<String>(), leaks);
  }

  @Test
  void noSecretAppearsInToStringOrExceptionMessages() throws IOException {
    Set<String> secrets = secrets();
    List<String> leaks = new ArrayList<>();
    String pem = resource("/juyifu/mixpay-sample-merchant-key.pem");
    PrivateKey key = Keys.rsaPrivateKey(pem);
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      String url = server.url("/").toString();
      List<Object> objects = new ArrayList<>();
      QbitPayClient qbit = QbitPayClient.builder().apiKey("sk_audit_key").baseUrl(url).maxRetries(0).build();
      YinqiantongClient yqt = YinqiantongClient.builder().appId("00000000").appSecret("your_app_secret")
          .appKey("1234567890123456").protocol(YinqiantongProtocol.V1).baseUrl(url).maxRetries(0).build();
      JuyifuClient juyifuMd5 = JuyifuClient.builder().appId(1000).md5Secret("019fafebfebf4a9d28c989254660f46c")
          .accessToken("tok_audit_secret_value").baseUrl(url).maxRetries(0).build();
      JuyifuClient juyifuRsa = JuyifuClient.builder().appId(1000).rsaPrivateKey(pem).baseUrl(url).maxRetries(0).build();
      objects.add(qbit);
      objects.add(yqt);
      objects.add(juyifuMd5);
      objects.add(juyifuRsa);
      objects.add(AccessToken.of("tok_audit_secret_value", Instant.EPOCH));
      objects.add(Signer.md5());
      objects.add(Signer.hmacSha256("your_app_secret"));
      objects.add(Signer.rsa(key));
      objects.add(Signer.rsa2(key));
      objects.add(Verifier.hmacSha256("your_app_secret"));
      objects.add(RequestOptions.builder().header("X-Token", "tok_audit_secret_value").build());
      // gateways that echo a client's own credentials back in errors (a client masks the secrets it holds)
      for (int status : new int[] {200, 400, 401, 403, 429, 500}) {
        echo(server, status, "sk_audit_key", 1);
        objects.add(thrown(() -> qbit.retrieveCharge("ch_1")));
        echo(server, status, "your_app_secret 1234567890123456", 1);
        objects.add(thrown(() -> yqt.queryOrder("R1")));
        echo(server, status, "019fafebfebf4a9d28c989254660f46c tok_audit_secret_value", 1);
        objects.add(thrown(() -> juyifuMd5.queryOrders("1")));
      }
      for (Object o : objects) {
        if (o == null) continue;
        leaks.addAll(leaks(o.getClass().getSimpleName() + ".toString()", String.valueOf(o), secrets));
        if (o instanceof Throwable) {
          for (Throwable t = (Throwable) o; t != null; t = t.getCause()) {
            leaks.addAll(leaks(t.getClass().getSimpleName() + ".getMessage()", t.getMessage(), secrets));
          }
        }
      }
      System.out.println("[reliability] secrets audit: " + objects.size() + " objects and exceptions, leaks=" + leaks.size());
    }
    assertEquals(new ArrayList<String>(), leaks);
  }

  private static void echo(MockWebServer server, int status, String echo, int times) {
    for (int i = 0; i < times; i++) {
      server.enqueue(new MockResponse().setResponseCode(status).setBody("{\"code\":4403,\"msg\":\"" + echo
          + "\",\"message\":\"" + echo + "\",\"error\":{\"type\":\"api_error\",\"message\":\"" + echo + "\"}}"));
    }
  }

  private static PayKitException thrown(Runnable call) {
    try {
      call.run();
      return null;
    } catch (PayKitException e) {
      return e;
    }
  }
}
