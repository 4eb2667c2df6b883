package io.paykit.bench.baseline;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The floor under PayKit's 聚易付 {@code createOrder} with RSA2: the signing string concatenated inline
 * in sorted key order, one {@code SHA256withRSA} {@link Signature} per thread initialised once, an
 * OkHttp form body in the order PayKit sends it, and the envelope streamed into plain objects (the
 * dates read as Asia/Shanghai instants). No retries, no logging, no validation beyond the HTTP status
 * and business code. Thread-safe.
 */
public final class BaselineJuyifu {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d H:m:s");
  private static final JsonAdapter<Envelope> ENVELOPE = new Moshi.Builder().build().adapter(Envelope.class);

  private final OkHttpClient http;
  private final HttpUrl ordersUrl;
  private final String userAgent;
  private final long appId;
  private final ThreadLocal<Signature> signatures;

  public BaselineJuyifu(OkHttpClient http, String baseUrl, long appId, PrivateKey key, String userAgent) {
    this.http = http;
    this.ordersUrl = HttpUrl.get(baseUrl + "/orders");
    this.appId = appId;
    this.userAgent = userAgent;
    this.signatures =
        ThreadLocal.withInitial(() -> {
          try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            return s;
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** {@code POST /orders}, form-encoded: app_id, pay_type, amount, product_id, product_name, sign_type, sign. */
  public Order createOrder(int payType, long amount, String productId, String productName)
      throws IOException {
    String appIdText = Long.toString(appId);
    String payTypeText = Integer.toString(payType);
    String amountText = Long.toString(amount);
    String content =
        "amount=" + amountText + "&app_id=" + appIdText + "&pay_type=" + payTypeText
            + "&product_id=" + productId + "&product_name=" + productName;
    String sign;
    try {
      Signature s = signatures.get();
      s.update(content.getBytes(StandardCharsets.UTF_8));
      sign = Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    FormBody body =
        new FormBody.Builder(StandardCharsets.UTF_8)
            .add("app_id", appIdText)
            .add("pay_type", payTypeText)
            .add("amount", amountText)
            .add("product_id", productId)
            .add("product_name", productName)
            .add("sign_type", "3")
            .add("sign", sign)
            .build();
    Request request =
        new Request.Builder().url(ordersUrl).header("User-Agent", userAgent).post(body).build();
    Envelope env;
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) throw new IOException("HTTP " + response.code());
      env = ENVELOPE.fromJson(response.body().source());
    }
    if (env.code != 0) throw new IOException("code " + env.code);
    Data d = env.data;
    Order o = new Order();
    o.id = d.id;
    o.status = d.status;
    o.type = d.type;
    o.createdAt = shanghai(d.created_at);
    o.updatedAt = shanghai(d.updated_at);
    o.expireAt = shanghai(d.expire_at);
    o.appId = d.app.id;
    o.merchantId = d.app.merchant_id;
    o.payType = d.payment.type;
    o.platform = d.payment.platform;
    o.amount = d.payment.amount;
    o.currency = d.payment.currency;
    o.productId = d.product.id;
    o.productName = d.product.name;
    o.clientIp = d.client.ip;
    o.extData = d.ext_data;
    return o;
  }

  private static Instant shanghai(String text) {
    return text == null ? null : LocalDateTime.parse(text, DATE).atZone(SHANGHAI).toInstant();
  }

  static final class Envelope {
    int code;
    String message;
    Data data;
  }

  static final class Data {
    String id;
    int status;
    int type;
    String created_at;
    String updated_at;
    String expire_at;
    App app;
    Payment payment;
    Product product;
    Client client;
    Map<String, Object> ext_data;
  }

  static final class App {
    long id;
    long merchant_id;
  }

  static final class Payment {
    int type;
    int platform;
    long amount;
    String currency;
  }

  static final class Product {
    String id;
    String name;
  }

  static final class Client {
    String ip;
  }

  /** The plain order. */
  public static final class Order {
    public String id;
    public int status;
    public int type;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant expireAt;
    public long appId;
    public long merchantId;
    public int payType;
    public int platform;
    public long amount;
    public String currency;
    public String productId;
    public String productName;
    public String clientIp;
    public Map<String, Object> extData;
  }
}
