package io.paykit.examples;

import io.paykit.PayKitException;
import io.paykit.juyifu.Bill;
import io.paykit.juyifu.ChannelParams;
import io.paykit.juyifu.JuyifuClient;
import io.paykit.juyifu.PaymentChannel;
import io.paykit.juyifu.Refund;
import io.paykit.juyifu.RefundParams;
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
import io.paykit.yinqiantong.NotificationReply;
import io.paykit.yinqiantong.Order;
import io.paykit.yinqiantong.OrderState;
import io.paykit.yinqiantong.Platform;
import io.paykit.yinqiantong.YinqiantongClient;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The README's main job: every gateway client against the embedded sandbox, end to end.
 *
 * <p>For each gateway it creates an order or charge, shows what the payer gets, simulates the payment,
 * receives and verifies the signed notification in a small merchant server, and queries the final
 * state; for 聚易付 also a refund, the channel routes and the day's bill; for Qbit Pay it creates 250
 * charges and auto-pages through them. Exits non-zero if any step failed.
 */
public final class Walkthrough {
  private static final Duration DELIVERY_WAIT = Duration.ofSeconds(10);

  private final PrintStream out;
  private int passed;
  private int failed;

  Walkthrough(PrintStream out) {
    this.out = out;
  }

  /** Runs the walkthrough; exits with status 1 if any step failed. */
  public static void main(String[] args) throws Exception {
    Walkthrough walkthrough = new Walkthrough(System.out);
    if (!walkthrough.run()) System.exit(1);
  }

  /** Runs every step and returns whether all passed. */
  boolean run() throws Exception {
    long start = System.nanoTime();
    BlockingQueue<String> juyifuNotified = new LinkedBlockingQueue<>();
    BlockingQueue<String> yinqiantongNotified = new LinkedBlockingQueue<>();
    BlockingQueue<Event> qbitEvents = new LinkedBlockingQueue<>();

    try (MerchantServer merchant = new MerchantServer()) {
      PayKitSandbox.Builder sandboxBuilder =
          PayKitSandbox.builder().juyifuDefaultNotifyUrl(merchant.url("/notify/juyifu"));
      try (PayKitSandbox sandbox = sandboxBuilder.start()) {
        out.println("PayKit walkthrough against the sandbox at http://127.0.0.1:" + sandbox.port());

        JuyifuClient juyifu =
            JuyifuClient.builder()
                .appId(Long.parseLong(sandbox.juyifuAppId()))
                .md5Secret(sandbox.juyifuMd5Secret())
                .baseUrl(sandbox.baseUrl(Gateway.JUYIFU))
                .build();
        YinqiantongClient yinqiantong =
            YinqiantongClient.builder()
                .appId(sandbox.yinqiantongAppId())
                .appSecret(sandbox.yinqiantongAppSecret())
                .baseUrl(sandbox.baseUrl(Gateway.YINQIANTONG))
                .build();
        QbitPayClient qbit =
            QbitPayClient.builder()
                .apiKey(sandbox.qbitPayApiKey())
                .baseUrl(sandbox.baseUrl(Gateway.QBITPAY))
                .build();
        EventDeduplicator seen = new EventDeduplicator(1_000);

        merchant
            .route("/notify/juyifu", (headers, body) -> {
              io.paykit.juyifu.Notification n = juyifu.verifyNotification(MerchantServer.form(body));
              juyifuNotified.add(n.getOrderId() + " " + n.getStatus());
              return new MerchantServer.Reply(200, "text/plain", io.paykit.juyifu.Notification.REPLY_SUCCESS);
            })
            .route("/notify/yinqiantong", (headers, body) -> {
              io.paykit.yinqiantong.Notification n =
                  yinqiantong.verifyNotification(new String(body, StandardCharsets.UTF_8));
              yinqiantongNotified.add(n.getClientOutTradeNo() + " " + n.getStatus());
              NotificationReply reply = NotificationReply.success();
              return new MerchantServer.Reply(reply.getStatusCode(), reply.getContentType(), reply.getBody());
            })
            .route("/notify/qbitpay", (headers, body) -> {
              Event event =
                  QbitPayWebhook.constructEvent(
                      body, header(headers, "QbitPay-Signature"), sandbox.qbitPayApiKey());
              if (seen.firstDelivery(event.getId())) qbitEvents.add(event);
              return new MerchantServer.Reply(200, "text/plain", "ok");
            });

        out.println();
        out.println("聚易付 (Juyifu)");
        String[] orderId = new String[1];
        step("create an order (MD5-signed form)", () -> {
          io.paykit.juyifu.Order order =
              juyifu.createOrder(
                  io.paykit.juyifu.CreateOrderParams.builder()
                      .payType(1)
                      .amount(2_000)
                      .productId("P-broom")
                      .productName("飞行扫帚")
                      .build());
          orderId[0] = order.getId();
          return "order " + order.getId() + ", " + order.getStatus() + ", "
              + order.getPayment().getAmount() + " fen";
        });
        step("payer pays; verified notification received", () -> {
          sandbox.payJuyifuOrder(orderId[0]);
          return "notification: " + await(juyifuNotified);
        });
        step("query the order", () -> {
          List<io.paykit.juyifu.Order> orders = juyifu.queryOrders(orderId[0]);
          return "status " + orders.get(0).getStatus();
        });
        step("refund part of it", () -> {
          Refund refund =
              juyifu.createRefund(orderId[0], RefundParams.builder().amount(500).reason("one broom returned").build());
          return "refund " + refund.getId() + " " + refund.getStatus() + ", "
              + juyifu.queryRefunds(orderId[0]).size() + " refund(s) on the order";
        });
        step("channel routes: add, list, delete", () -> {
          PaymentChannel channel =
              juyifu.addChannel(ChannelParams.builder().sourceId(7).payType(1).name("alipay-main").weight(3).build());
          int listed = juyifu.queryChannels().size();
          juyifu.deleteChannel(channel.getId());
          return "added " + channel.getId() + ", " + listed + " listed, deleted; " + juyifu.queryChannels().size() + " left";
        });
        step("today's bill", () -> {
          Bill bill = juyifu.queryBill(LocalDate.now(ZoneId.of("Asia/Shanghai")));
          return bill.getOrderCount() + " order(s), total " + bill.getTotalAmount() + ", refunds "
              + bill.getRefundAmount() + ", fee " + bill.getFee() + ", net " + bill.getNetAmount() + " fen";
        });

        out.println();
        out.println("银钱通 (Yinqiantong, protocol V2)");
        String clientOutTradeNo = "WT" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        step("create an order (MD5-signed JSON)", () -> {
          Order order =
              yinqiantong.createOrder(
                  io.paykit.yinqiantong.CreateOrderParams.builder()
                      .clientOutTradeNo(clientOutTradeNo)
                      .channel(Channel.ALIPAY)
                      .platform(Platform.H5)
                      .money(1)
                      .clientIp("127.0.0.1")
                      .notifyUrl(merchant.url("/notify/yinqiantong"))
                      .subject("测试商品")
                      .build());
          return "out_trade_no " + order.getOutTradeNo() + ", pay_body is " + order.getPayBodyKind();
        });
        step("payer pays; verified notification received", () -> {
          sandbox.payYinqiantongOrder(clientOutTradeNo);
          return "notification: " + await(yinqiantongNotified);
        });
        step("query the order", () -> {
          OrderState state = yinqiantong.queryOrder(clientOutTradeNo);
          if (state != OrderState.PAID) throw new IllegalStateException("expected PAID, got " + state);
          return "state " + state;
        });

        out.println();
        out.println("Qbit Pay");
        Charge[] charge = new Charge[1];
        step("create a charge (Basic auth, JSON)", () -> {
          charge[0] =
              qbit.createCharge(
                  ChargeCreateParams.builder()
                      .amount(new BigDecimal("10.50"))
                      .currency("USD")
                      .externalOrderId("wt-" + UUID.randomUUID())
                      .cbUrl(merchant.url("/notify/qbitpay"))
                      .redirectUrl("https://merchant.example/return")
                      .build());
          return "charge " + charge[0].getId() + ", " + charge[0].getAmount() + " " + charge[0].getCurrency()
              + ", " + charge[0].getStatus();
        });
        step("payment page URL with access token", () -> {
          String url = qbit.paymentPageUrl(charge[0]);
          return url.substring(0, url.indexOf("accessToken=") + "accessToken=".length()) + "…";
        });
        step("payer pays; verified webhook received", () -> {
          sandbox.payQbitCharge(charge[0].getId());
          Event event = qbitEvents.poll(DELIVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
          if (event == null) throw new IllegalStateException("no verified webhook arrived");
          return "event " + event.getId() + " " + event.getType();
        });
        step("retrieve the charge", () -> {
          Charge c = qbit.retrieveCharge(charge[0].getId());
          return "status " + c.getStatus() + ", paid " + c.isPaid();
        });
        String batch = "wt-batch-" + UUID.randomUUID().toString().substring(0, 8);
        step("create 250 charges", () -> {
          for (int i = 1; i <= 250; i++) {
            qbit.createCharge(
                ChargeCreateParams.builder()
                    .amount(BigDecimal.valueOf(i, 2))
                    .currency("USDT")
                    .externalOrderId(batch + "-" + i)
                    .cbUrl(merchant.url("/notify/qbitpay"))
                    .redirectUrl("https://merchant.example/return")
                    .build());
            if (i % 25 == 0) progress(i, 250);
          }
          return "250 created";
        });
        step("auto-page through every charge, 100 per page", () -> {
          long count = 0;
          for (Charge c : qbit.listCharges(ChargeListParams.builder().limit(100).build()).autoPagingIterable()) {
            if (c.getId() != null) count++;
          }
          // The sandbox starts empty: the first charge plus the 250.
          if (count != 251) throw new IllegalStateException("expected 251 charges, saw " + count);
          return count + " charges, fetched lazily page by page";
        });
      }
    }

    long millis = (System.nanoTime() - start) / 1_000_000;
    out.println();
    out.println((failed == 0 ? "OK: " : "FAILED: ") + passed + " passed, " + failed + " failed in " + millis + " ms");
    return failed == 0;
  }

  private interface Step {
    String run() throws Exception;
  }

  private void step(String name, Step step) {
    long start = System.nanoTime();
    try {
      String result = step.run();
      passed++;
      out.printf("  ✓ %-48s %s (%d ms)%n", name, result, (System.nanoTime() - start) / 1_000_000);
    } catch (PayKitException e) {
      failed++;
      out.printf("  ✗ %-48s %s: %s (may have reached the gateway: %s, retry safe: %s)%n",
          name, e.getClass().getSimpleName(), e.getMessage(), e.mayHaveReachedServer(), e.isRetrySafe());
    } catch (Exception e) {
      failed++;
      out.printf("  ✗ %-48s %s: %s%n", name, e.getClass().getSimpleName(), e.getMessage());
    }
  }

  private void progress(int done, int total) {
    boolean terminal = out == System.out && System.console() != null;
    // On a terminal the bar redraws in place; in a log it prints a line at each half.
    if (!terminal && done != total / 2 && done != total) return;
    int width = 30;
    int filled = done * width / total;
    StringBuilder bar = new StringBuilder("    [");
    for (int i = 0; i < width; i++) bar.append(i < filled ? '#' : '.');
    bar.append("] ").append(done).append('/').append(total);
    out.print(terminal ? bar.append(done == total ? "\n" : "\r") : bar.append('\n'));
    out.flush();
  }

  private static String await(BlockingQueue<String> queue) throws InterruptedException {
    String value = queue.poll(DELIVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (value == null) throw new IllegalStateException("no verified notification arrived");
    return value;
  }

  private static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase(name)) return h.getValue();
    }
    return null;
  }
}
