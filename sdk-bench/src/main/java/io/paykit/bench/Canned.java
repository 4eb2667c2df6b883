package io.paykit.bench;

import io.paykit.yinqiantong.Channel;
import io.paykit.yinqiantong.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The fixed inputs every benchmark shares: credentials, request parameters and the canned answers the
 * {@link LoopbackServer} sends. Answers follow the documented examples (sdk-core's test resources
 * {@code qbitpay/charge-all-fields.json}, {@code qbitpay/seed004-list-charges-limit3.json}, {@code
 * juyifu/seed-001-create-order-response.json}, and the 银钱通 V2 create answer of the API contract),
 * compacted as a server would send them.
 */
final class Canned {
  private Canned() {}

  // ---- Qbit Pay

  static final String QBIT_API_KEY = "T9uTy95uSifOOuTy";
  static final BigDecimal QBIT_AMOUNT = new BigDecimal("10.50");
  static final String QBIT_CURRENCY = "USD";
  static final String QBIT_ORDER_ID = "order-1001";
  static final String QBIT_CB_URL = "https://shop.example/qbit/webhook";
  static final String QBIT_REDIRECT_URL = "https://shop.example/paid";
  static final int PAGE_SIZE = 100;

  /** A charge with every documented field, as {@code POST /api/v1/charges} answers it (1.3 KB). */
  static final String QBIT_CHARGE =
      "{\"id\":\"5uTSifDOuTy9i\",\"object\":\"charge\",\"createdAt\":\"2019-05-12T16:13:12.278Z\","
          + "\"paid\":false,\"status\":\"pending\",\"amount\":10.50,\"currency\":\"USD\","
          + "\"externalOrderId\":\"order-1001\","
          + "\"paymentPageUrl\":\"https://qbitpay.blockscape.co/?zh#/otc/payment?tradeId=DTSifOuTy95ifOuTy95\","
          + "\"cbUrl\":\"https://shop.example/qbit/webhook\",\"redirectUrl\":\"https://shop.example/paid\","
          + "\"totalCost\":72.29,\"price\":6.85,\"baseAmount\":10.55000000,\"baseCurrency\":\"USDT\","
          + "\"quoteCurrency\":\"CNY\",\"fee\":0.5,"
          + "\"paymentMethod\":{\"object\":\"paymentMethod\",\"type\":\"bankAccount\",\"currency\":\"CNY\","
          + "\"status\":\"active\",\"typeLabel\":{\"en\":\"Bank account\",\"zh\":\"银行卡\"},"
          + "\"qrCodeImgUrl\":\"https://qbitpay.blockscape.co/qr/DTSifOuTy95.png\",\"bankName\":\"中国银行\","
          + "\"bankAccountNum\":\"6222020000000000000\",\"bankRoutingNum\":\"026009593\","
          + "\"bankDetailName\":\"张三\",\"bankAddr\":\"北京市西城区复兴门内大街1号\",\"swift\":\"BKCHCNBJ\","
          + "\"city\":\"北京\",\"state\":\"北京\",\"country\":\"CN\",\"postalCode\":\"100818\","
          + "\"addr\":\"复兴门内大街1号\"},"
          + "\"payerName\":\"张三\",\"expiresAt\":\"2019-05-12T16:43:12.278Z\"}";

  /**
   * A list page of {@value #PAGE_SIZE} charges in the documented list shape, ids {@code <prefix>000}
   * to {@code <prefix>099} (about 34 KB).
   */
  static String qbitPage(char prefix) {
    StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"url\":\"/api/v1/charges\",\"data\":[");
    for (int i = 0; i < PAGE_SIZE; i++) {
      if (i > 0) sb.append(',');
      String id = prefix + String.format("%03d", i);
      sb.append("{\"id\":\"").append(id).append("\",\"object\":\"charge\",")
          .append("\"createdAt\":\"2019-02-25T16:13:12.278Z\",\"paid\":false,\"status\":\"pending\",")
          .append("\"amount\":").append(1000 + i).append(",\"currency\":\"USD\",")
          .append("\"externalOrderId\":\"DTSifOuTy95ui").append(id).append("\",")
          .append("\"paymentPageUrl\":\"https://qbitpay.blockscape.co/?zh#/otc/payment?tradeId=")
          .append("DTSifOuTy95ifOuTy95").append(id).append("\"}");
    }
    return sb.append("]}").toString();
  }

  // ---- 银钱通 V2

  static final String YQT_APP_ID = "00000000";
  static final String YQT_APP_SECRET = "your_app_secret";
  /** ts is the clock's: fixed, so every request (and the PayKit/baseline comparison) is stable. */
  static final Clock YQT_CLOCK = Clock.fixed(Instant.ofEpochSecond(1541051068L), ZoneOffset.UTC);
  static final String YQT_ORDER_NO = "A20190101001";
  static final Channel YQT_CHANNEL = Channel.ALIPAY;
  static final Platform YQT_PLATFORM = Platform.H5;
  static final long YQT_MONEY = 100;
  static final String YQT_CLIENT_IP = "127.0.0.1";
  static final String YQT_NOTIFY_URL = "https://shop.example/yqt/notify";
  static final String YQT_SUBJECT = "my_subject";

  static final String YQT_CREATED =
      "{\"code\":200,\"msg\":\"ok\",\"data\":{\"out_trade_no\":\"Y201901010000000001\","
          + "\"pay_body\":\"https://qr.alipay.com/bax00000000000000000000\",\"expire_time\":1541052868}}";

  // ---- 聚易付

  static final long JUYIFU_APP_ID = 29232;
  static final int JUYIFU_PAY_TYPE = 1;
  static final long JUYIFU_AMOUNT = 100;
  static final String JUYIFU_PRODUCT_ID = "1231422";
  static final String JUYIFU_PRODUCT_NAME = "金币";

  static final String JUYIFU_CREATED =
      "{\"code\":0,\"message\":\"ok\",\"data\":{\"id\":\"140713000685555335\",\"status\":0,\"type\":0,"
          + "\"created_at\":\"2003-1-1 00:00:00\",\"updated_at\":\"2003-1-1 00:00:01\","
          + "\"expire_at\":\"2003-1-2 00:00:00\",\"app\":{\"id\":29232,\"merchant_id\":33221},"
          + "\"payment\":{\"type\":1,\"platform\":1,\"amount\":100,\"currency\":\"CNY\"},"
          + "\"product\":{\"id\":1231422,\"name\":\"金币\"},\"client\":{\"ip\":\"8.8.8.8\"},"
          + "\"ext_data\":{}}}";

  /** A throwaway 2048-bit RSA key (PKCS#8 PEM, made with OpenSSL 3.0 for these benchmarks only). */
  static final String RSA_PRIVATE_PEM = resource("throwaway-rsa2048.pem");

  private static String resource(String name) {
    try (InputStream in = Canned.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
