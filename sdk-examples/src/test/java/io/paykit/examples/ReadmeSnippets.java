package io.paykit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paykit.ApiException;
import io.paykit.NetworkException;
import io.paykit.PayKitException;
import io.paykit.RequestOptions;
import io.paykit.SignatureVerificationException;
import io.paykit.juyifu.JuyifuClient;
import io.paykit.qbitpay.Charge;
import io.paykit.qbitpay.ChargeCreateParams;
import io.paykit.qbitpay.ChargeListParams;
import io.paykit.qbitpay.Event;
import io.paykit.qbitpay.QbitPayClient;
import io.paykit.qbitpay.QbitPayWebhook;
import io.paykit.sandbox.Gateway;
import io.paykit.sandbox.PayKitSandbox;
import io.paykit.webhook.EventDeduplicator;
import io.paykit.yinqiantong.Channel;
import io.paykit.yinqiantong.CreateOrderParams;
import io.paykit.yinqiantong.Notification;
import io.paykit.yinqiantong.NotificationReply;
import io.paykit.yinqiantong.Order;
import io.paykit.yinqiantong.Platform;
import io.paykit.yinqiantong.YinqiantongClient;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Every Java snippet of the README, compiled by the build; {@link ReadmeSnippetsTest} checks that the
 * README shows exactly these lines (between the {@code README:} markers) and runs the sandbox one.
 */
class ReadmeSnippets {
  void qbitPayQuickstart(String apiKey) {
    // README:qbitpay
    QbitPayClient qbit = QbitPayClient.builder().apiKey(apiKey).build();
    Charge charge = qbit.createCharge(ChargeCreateParams.builder()
        .amount(new BigDecimal("10.50"))
        .currency("USD")
        .externalOrderId("order-20261121-0001")
        .cbUrl("https://merchant.example/webhooks/qbitpay")
        .redirectUrl("https://merchant.example/paid")
        .build());
    String pageUrl = qbit.paymentPageUrl(charge);   // send the payer here
    for (Charge c : qbit.listCharges(ChargeListParams.builder().limit(100).build()).autoPagingIterable()) {
      System.out.println(c.getId() + " " + c.getStatus());
    }
    // README:end
  }

  void yinqiantongQuickstart(String appSecret) {
    // README:yinqiantong
    YinqiantongClient yqt = YinqiantongClient.builder().appId("00000000").appSecret(appSecret).build();
    Order order = yqt.createOrder(CreateOrderParams.builder()
        .clientOutTradeNo("A20261121000001")
        .channel(Channel.ALIPAY)
        .platform(Platform.H5)
        .money(100)                                   // fen: 1.00 CNY
        .clientIp("203.0.113.7")                      // the payer's IP
        .notifyUrl("https://merchant.example/notify/yinqiantong")
        .subject("会员月卡")
        .build());
    String payBody = order.getPayBody();              // order.getPayBodyKind(): HTML_FORM, REDIRECT_URL, …
    // README:end
  }

  void juyifuQuickstart(String md5Secret) {
    // README:juyifu
    JuyifuClient juyifu = JuyifuClient.builder().appId(1000L).md5Secret(md5Secret).build();
    io.paykit.juyifu.Order order = juyifu.createOrder(io.paykit.juyifu.CreateOrderParams.builder()
        .payType(1)
        .amount(2000)                                 // fen
        .productId("P-001")
        .productName("飞行扫帚")
        .build());
    io.paykit.juyifu.Order latest = juyifu.queryOrders(order.getId()).get(0);
    // README:end
  }

  int qbitPayWebhook(byte[] rawBody, String signatureHeader, String apiKey, EventDeduplicator seen) {
    // README:webhook
    // rawBody: the request body exactly as received, never re-serialised
    try {
      Event event = QbitPayWebhook.constructEvent(rawBody, signatureHeader, apiKey);
      if (seen.firstDelivery(event.getId()) && event.getCharge() != null) {
        fulfil(event.getCharge());                    // the gateway redelivers: stay idempotent
      }
      return 200;
    } catch (SignatureVerificationException e) {
      return 400;                                     // forged or corrupted: never act on it
    }
    // README:end
  }

  NotificationReply yinqiantongNotify(YinqiantongClient yqt, String rawBody) {
    // README:notify
    try {
      Notification n = yqt.verifyNotification(rawBody);   // appid, ts window and signature checked
      markPaid(n.getClientOutTradeNo(), n.getMoney());
      return NotificationReply.success();                 // status + body the gateway expects
    } catch (SignatureVerificationException e) {
      return NotificationReply.failure("bad signature");
    }
    // README:end
  }

  QbitPayClient configuration(String apiKey) {
    // README:config
    OkHttpClient http = new OkHttpClient.Builder()
        .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy.internal", 3128)))
        .build();
    QbitPayClient qbit = QbitPayClient.builder()
        .apiKey(apiKey)
        .okHttpClient(http)                          // pool, proxy, pinning: yours
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(20))
        .maxRetries(3)                               // 0 disables retries
        .build();
    Charge slow = qbit.retrieveCharge("ch_123",
        RequestOptions.builder().readTimeout(Duration.ofSeconds(60)).maxRetries(0).build());
    // README:end
    return qbit;
  }

  void errors(QbitPayClient qbit, ChargeCreateParams params) {
    // README:errors
    try {
      qbit.createCharge(params);
    } catch (ApiException e) {                        // the gateway said no
      log(e.getHttpStatus() + " " + e.getCode() + " " + e.getGatewayMessage() + " " + e.getRequestId());
    } catch (NetworkException e) {
      if (e.mayHaveReachedServer()) {
        log("outcome unknown: look the charge up by externalOrderId before creating again");
      }
    } catch (PayKitException e) {
      log(e.getMessage() + " retry safe: " + e.isRetrySafe());
    }
    // README:end
  }

  void merchantTestAgainstTheSandbox() {
    // README:sandbox
    try (PayKitSandbox sandbox = PayKitSandbox.start()) {
      QbitPayClient qbit = QbitPayClient.builder()
          .apiKey(sandbox.qbitPayApiKey())
          .baseUrl(sandbox.baseUrl(Gateway.QBITPAY))
          .build();
      Charge charge = qbit.createCharge(ChargeCreateParams.builder()
          .amount(new BigDecimal("9.99")).currency("USD").externalOrderId("test-1")
          .cbUrl("https://merchant.example/hook").redirectUrl("https://merchant.example/done")
          .build());
      sandbox.payQbitCharge(charge.getId());          // simulates the payer; the webhook follows
      assertEquals(1, qbit.listCharges(ChargeListParams.builder().build()).getData().size());
    }
    // README:end
  }

  private static void fulfil(Charge charge) {}

  private static void markPaid(String clientOutTradeNo, long money) {}

  private static void log(String line) {}
}
