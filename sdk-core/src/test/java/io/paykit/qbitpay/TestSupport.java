package io.paykit.qbitpay;

import io.paykit.http.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** Shared pieces of the Qbit Pay tests: fixtures, a recording sleeper, a settable clock. */
final class TestSupport {
  static final String API_KEY = "my_api_key";
  /** {@code Basic base64("my_api_key:")}, computed independently. */
  static final String BASIC_AUTH = "Basic bXlfYXBpX2tleTo=";

  private TestSupport() {}

  /** Reads {@code src/test/resources/qbitpay/<name>} as UTF-8. */
  static String fixture(String name) {
    try (InputStream in = TestSupport.class.getResourceAsStream("/qbitpay/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) out.write(buffer, 0, n);
      return new String(out.toByteArray(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static QbitPayClient.Builder client(MockWebServer server, RecordingSleeper sleeper) {
    return QbitPayClient.builder()
        .apiKey(API_KEY)
        .baseUrl(server.url("/").toString())
        .sleeper(sleeper)
        .readTimeout(Duration.ofSeconds(5));
  }

  /** A JWT with the given exp; the signature part is a placeholder, nothing verifies it. */
  static String jwt(long exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(
            ("{\"_id\":\"5b8ea1a5ea9eb76264250dda\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".c2lnbmF0dXJl";
  }

  /** Takes the next recorded request, failing instead of hanging when there is none. */
  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    if (r == null) throw new AssertionError("the server saw no request");
    return r;
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
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
