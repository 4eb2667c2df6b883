package io.paykit.bench.baseline;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * The floor under PayKit's 银钱通 V2 {@code createOrder}: the JSON body written by hand in the order
 * PayKit sends it, the MD5 signing string concatenated inline in sorted key order (the key set is
 * known), one {@link MessageDigest} per thread, and the answer streamed into a plain object. No
 * retries, no reconciliation, no logging, no validation beyond the HTTP status and business code.
 * Thread-safe.
 */
public final class BaselineYinqiantong {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final JsonAdapter<Envelope> ENVELOPE = new Moshi.Builder().build().adapter(Envelope.class);
  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(() -> {
        try {
          return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      });

  private final OkHttpClient http;
  private final HttpUrl orderUrl;
  private final String userAgent;
  private final String appId;
  private final String appSecret;
  private final Clock clock;

  public BaselineYinqiantong(
      OkHttpClient http, String baseUrl, String appId, String appSecret, Clock clock, String userAgent) {
    this.http = http;
    this.orderUrl = HttpUrl.get(baseUrl + "/order");
    this.appId = appId;
    this.appSecret = appSecret;
    this.clock = clock;
    this.userAgent = userAgent;
  }

  /** {@code POST /order}: V2 codes for channel and platform, money in fen, {@code sign} last. */
  public Order createOrder(
      String clientOutTradeNo, int channel, int platform, long money, String clientIp, String notifyUrl,
      String subject) throws IOException {
    long ts = clock.instant().getEpochSecond();
    String channelText = Integer.toString(channel);
    String platformText = Integer.toString(platform);
    String content =
        "appid=" + appId + "&channel=" + channelText + "&client_ip=" + clientIp
            + "&client_out_trade_no=" + clientOutTradeNo + "&money=" + money + "&notify_url=" + notifyUrl
            + "&platform=" + platformText + "&subject=" + subject + "&ts=" + ts
            + "&app_secret=" + appSecret;
    String sign = hex(MD5.get().digest(content.getBytes(StandardCharsets.UTF_8)));

    Buffer body = new Buffer();
    JsonWriter w = JsonWriter.of(body);
    w.beginObject();
    w.name("appid").value(appId);
    w.name("ts").value(ts);
    w.name("client_out_trade_no").value(clientOutTradeNo);
    w.name("channel").value(channelText);
    w.name("platform").value(platformText);
    w.name("money").value(money);
    w.name("client_ip").value(clientIp);
    w.name("notify_url").value(notifyUrl);
    w.name("subject").value(subject);
    w.name("sign").value(sign);
    w.endObject();
    w.close();
    Request request =
        new Request.Builder()
            .url(orderUrl)
            .header("User-Agent", userAgent)
            .post(RequestBody.create(body.readByteString(), JSON))
            .build();
    Envelope env;
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) throw new IOException("HTTP " + response.code());
      env = ENVELOPE.fromJson(response.body().source());
    }
    if (env.code != 200) throw new IOException("code " + env.code);
    Order o = new Order();
    o.appId = appId;
    o.clientOutTradeNo = clientOutTradeNo;
    o.channel = channel;
    o.platform = platform;
    o.money = money;
    o.clientIp = clientIp;
    o.notifyUrl = notifyUrl;
    o.subject = subject;
    o.outTradeNo = env.data.out_trade_no;
    o.payBody = env.data.pay_body;
    o.expireTime = Instant.ofEpochSecond(env.data.expire_time);
    return o;
  }

  private static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** {@code {"code":200,"msg":"ok","data":{…}}}. */
  static final class Envelope {
    int code;
    String msg;
    Data data;
  }

  static final class Data {
    String out_trade_no;
    String pay_body;
    long expire_time;
  }

  /** The plain order: what was asked, and what the gateway answered. */
  public static final class Order {
    public String appId;
    public String clientOutTradeNo;
    public int channel;
    public int platform;
    public long money;
    public String clientIp;
    public String notifyUrl;
    public String subject;
    public String outTradeNo;
    public String payBody;
    public Instant expireTime;
  }
}
