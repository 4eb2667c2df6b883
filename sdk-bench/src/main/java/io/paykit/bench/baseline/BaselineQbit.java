package io.paykit.bench.baseline;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;

/**
 * The floor under PayKit's Qbit Pay client: what a developer would write by hand with OkHttp and
 * Moshi, nothing more. It sends the same bytes (same headers in the same order, same JSON body) and
 * reads the answer, streamed from the socket, into an equivalent plain object (exact decimals,
 * instants, the status enum, the payment method). No retries, no reconciliation, no logging, no
 * validation beyond the HTTP status. Thread-safe.
 */
public final class BaselineQbit {
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  static final Moshi MOSHI =
      new Moshi.Builder()
          .add(BigDecimal.class, new JsonAdapter<BigDecimal>() {
            @Override
            public BigDecimal fromJson(JsonReader reader) throws IOException {
              return new BigDecimal(reader.nextString());
            }

            @Override
            public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
              throw new UnsupportedOperationException();
            }
          }.nullSafe())
          .add(Instant.class, new JsonAdapter<Instant>() {
            @Override
            public Instant fromJson(JsonReader reader) throws IOException {
              return Instant.parse(reader.nextString());
            }

            @Override
            public void toJson(JsonWriter writer, Instant value) throws IOException {
              throw new UnsupportedOperationException();
            }
          }.nullSafe())
          .build();

  private static final JsonAdapter<Charge> CHARGE = MOSHI.adapter(Charge.class);
  private static final JsonAdapter<ChargeList> CHARGE_LIST = MOSHI.adapter(ChargeList.class);

  private final OkHttpClient http;
  private final HttpUrl chargesUrl;
  private final String userAgent;
  private final String authorization;

  /**
   * @param baseUrl such as {@code http://127.0.0.1:8080}
   * @param userAgent the exact User-Agent PayKit sends, so the bytes match
   */
  public BaselineQbit(OkHttpClient http, String baseUrl, String apiKey, String userAgent) {
    this.http = http;
    this.chargesUrl = HttpUrl.get(baseUrl + "/api/v1/charges");
    this.userAgent = userAgent;
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
  }

  /** {@code POST /api/v1/charges} with {@code {"amount":…,"currency":…,…}}. */
  public Charge createCharge(
      BigDecimal amount, String currency, String externalOrderId, String cbUrl, String redirectUrl)
      throws IOException {
    Buffer body = new Buffer();
    JsonWriter w = JsonWriter.of(body);
    w.beginObject();
    w.name("amount");
    try (BufferedSink sink = w.valueSink()) {
      sink.writeUtf8(amount.toPlainString());
    }
    w.name("currency").value(currency);
    w.name("externalOrderId").value(externalOrderId);
    w.name("cbUrl").value(cbUrl);
    w.name("redirectUrl").value(redirectUrl);
    w.endObject();
    w.close();
    Request request =
        new Request.Builder()
            .url(chargesUrl)
            .header("User-Agent", userAgent)
            .header("Authorization", authorization)
            .post(RequestBody.create(body.readByteString(), JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) throw new IOException("HTTP " + response.code());
      return CHARGE.fromJson(response.body().source());
    }
  }

  /** {@code GET /api/v1/charges?limit=…[&starting_after=…]}. */
  public ChargeList listCharges(int limit, String startingAfter) throws IOException {
    HttpUrl.Builder url = chargesUrl.newBuilder().addQueryParameter("limit", Integer.toString(limit));
    if (startingAfter != null) url.addQueryParameter("starting_after", startingAfter);
    Request request =
        new Request.Builder()
            .url(url.build())
            .header("User-Agent", userAgent)
            .header("Authorization", authorization)
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) throw new IOException("HTTP " + response.code());
      return CHARGE_LIST.fromJson(response.body().source());
    }
  }

  /** The charge statuses. */
  public enum Status {
    @Json(name = "pending") PENDING,
    @Json(name = "buyerPaid") BUYER_PAID,
    @Json(name = "sellerConfirmed") SELLER_CONFIRMED,
    @Json(name = "closed") CLOSED,
    @Json(name = "cancelled") CANCELLED
  }

  /** The plain charge. */
  public static final class Charge {
    public String id;
    public String object;
    public Instant createdAt;
    public Boolean paid;
    public Status status;
    public BigDecimal amount;
    public String currency;
    public String externalOrderId;
    public String paymentPageUrl;
    public String cbUrl;
    public String redirectUrl;
    public BigDecimal totalCost;
    public BigDecimal price;
    public BigDecimal baseAmount;
    public String baseCurrency;
    public String quoteCurrency;
    public BigDecimal fee;
    public PaymentMethod paymentMethod;
    public String payerName;
    public Instant expiresAt;
  }

  /** The plain payment method. */
  public static final class PaymentMethod {
    public String object;
    public String type;
    public String currency;
    public String status;
    public TypeLabel typeLabel;
    public String alipayQRCodeUrl;
    public String qrCodeImgUrl;
    public String bankName;
    public String bankAccountNum;
    public String bankRoutingNum;
    public String bankDetailName;
    public String bankAddr;
    public String swift;
    public String city;
    public String state;
    public String country;
    public String postalCode;
    public String addr;
  }

  /** The payment method's label in English and Chinese. */
  public static final class TypeLabel {
    public String en;
    public String zh;
  }

  /** The plain list page. */
  public static final class ChargeList {
    public String object;
    public String url;
    public List<Charge> data;
  }
}
