package io.paykit.yinqiantong;

import io.paykit.http.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockWebServer;

/** Shared values of the 银钱通 tests: the published sample credentials and vector timestamps. */
final class Fixtures {
  static final String APP_ID = "00000000";
  static final String APP_SECRET = "your_app_secret";
  static final String APP_KEY = "1234567890123456";
  /** The V2 vector's ts. */
  static final long V2_TS = 1541051068L;
  /** The V1 vector's ts. */
  static final long V1_TS = 1536053843L;

  private Fixtures() {}

  static Clock clockAt(long epochSeconds) {
    return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
  }

  /** MD5 computed here with the JDK, independently of io.paykit.sign. */
  static String md5(String text) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : d) sb.append(String.format("%02x", b & 0xff));
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/yinqiantong/" + name)) {
      if (in == null) throw new AssertionError("missing resource " + name);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
      return new String(out.toByteArray(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static YinqiantongClient.Builder v2(MockWebServer server, RecordingSleeper sleeper) {
    return YinqiantongClient.builder()
        .appId(APP_ID)
        .appSecret(APP_SECRET)
        .baseUrl(server.url("/").toString())
        .clock(clockAt(V2_TS))
        .sleeper(sleeper)
        .readTimeout(Duration.ofSeconds(5));
  }

  static YinqiantongClient.Builder v1(MockWebServer server, RecordingSleeper sleeper) {
    return v2(server, sleeper)
        .protocol(YinqiantongProtocol.V1)
        .appKey(APP_KEY)
        .clock(clockAt(V1_TS));
  }

  /** A valid V2 order: WeChat H5, 1 fen. */
  static CreateOrderParams.Builder params() {
    return CreateOrderParams.builder()
        .clientOutTradeNo("1540449058")
        .channel(Channel.WECHAT)
        .platform(Platform.H5)
        .money(1)
        .clientIp("127.0.0.1")
        .notifyUrl("https://shop.example/yqt/notify");
  }

  /** A sleeper that records the waits asked for and returns at once. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      waits.add(duration);
    }
  }
}
