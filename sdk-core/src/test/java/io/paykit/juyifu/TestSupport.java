package io.paykit.juyifu;

import io.paykit.http.Sleeper;
import io.paykit.sign.Keys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockWebServer;

/**
 * Shared test material: the published sample credentials, fixtures under {@code juyifu/}, and
 * signature recomputation with the JDK's own {@link MessageDigest} and {@link Signature}, independent
 * of the code under test.
 */
final class TestSupport {
  /** The published sample app_key (mixpay/server-example-java MerchantConfig). */
  static final long APP_ID = 6018561003558745L;
  /** The published sample MD5 secret_key (same source). */
  static final String SECRET = "019fafebfebf4a9d28c989254660f46c";
  /** 2024-01-05T10:00:00 at Asia/Shanghai. */
  static final Instant NOW = Instant.parse("2024-01-05T02:00:00Z");
  static final long NOW_SECONDS = 1704420000L;

  private TestSupport() {}

  static String resource(String name) {
    try (InputStream in = TestSupport.class.getResourceAsStream("/juyifu/" + name)) {
      if (in == null) throw new IllegalStateException("missing test resource juyifu/" + name);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) > 0; ) out.write(buffer, 0, n);
      return new String(out.toByteArray(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String samplePem() {
    return resource("mixpay-sample-merchant-key.pem");
  }

  static PrivateKey sampleKey() {
    return Keys.rsaPrivateKey(samplePem());
  }

  /** The sample key's public half as an X.509 PEM: the tests' stand-in for 聚易付's platform key. */
  static String samplePublicPem() {
    byte[] der = Keys.publicKeyOf(sampleKey()).getEncoded();
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END PUBLIC KEY-----\n";
  }

  static String md5Hex(String content) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(content.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : digest) sb.append(String.format("%02x", b & 0xff));
      return sb.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String rsaSign(String algorithm, String content, PrivateKey key) {
    try {
      Signature s = Signature.getInstance(algorithm);
      s.initSign(key);
      s.update(content.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha1WithRsa(String content) {
    return rsaSign("SHA1withRSA", content, sampleKey());
  }

  static String enc(String value) {
    try {
      return URLEncoder.encode(value, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decodes an {@code application/x-www-form-urlencoded} body or query, keeping the order. */
  static Map<String, String> form(String encoded) {
    Map<String, String> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) return out;
    try {
      for (String pair : encoded.split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), "UTF-8");
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), "UTF-8");
        out.put(k, v);
      }
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static JuyifuClient.Builder md5Client(MockWebServer server) {
    return base(server).md5Secret(SECRET);
  }

  static JuyifuClient.Builder rsaClient(MockWebServer server) {
    return base(server).rsaPrivateKey(samplePem());
  }

  static JuyifuClient.Builder base(MockWebServer server) {
    return JuyifuClient.builder()
        .appId(APP_ID)
        .baseUrl(server.url("/v1").toString())
        .sleeper(new RecordingSleeper())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .readTimeout(Duration.ofSeconds(5));
  }

  static String ok(String dataJson) {
    return "{\"code\":0,\"message\":\"success\",\"data\":" + dataJson + "}";
  }

  /** A sleeper that records the waits it was asked for and returns at once. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
