package io.paykit.reliability;

import static io.paykit.reliability.FaultyNetwork.FUZZ_CASES;
import static io.paykit.reliability.FaultyNetwork.SEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.paykit.InvalidResponseException;
import io.paykit.PayKitException;
import io.paykit.RateLimitException;
import io.paykit.SignatureVerificationException;
import io.paykit.juyifu.JuyifuClient;
import io.paykit.qbitpay.ChargeListParams;
import io.paykit.qbitpay.Event;
import io.paykit.qbitpay.QbitPayClient;
import io.paykit.qbitpay.QbitPayWebhook;
import io.paykit.sign.Keys;
import io.paykit.yinqiantong.YinqiantongClient;
import io.paykit.yinqiantong.YinqiantongProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Fuzzes every inbound parser and verifier with seeded mutations of genuine samples and random text:
 * nothing but the documented exceptions escapes, nothing hangs, and no signature is ever accepted for
 * a body whose meaning changed.
 */
class HostileInputTest {
  private static final String QBIT_KEY = "sk_fuzz_webhook_key";
  private static final Duration BATCH_LIMIT =
      Duration.ofSeconds(Long.getLong("paykit.reliability.batchLimitSeconds", 60));

  @BeforeAll
  static void printSeed() {
    java.util.logging.Logger.getLogger(MockWebServer.class.getName()).setLevel(java.util.logging.Level.OFF);
    System.out.println("[reliability] hostile input seed=" + SEED + " cases=" + FUZZ_CASES);
  }

  static String resource(String path) {
    try (InputStream in = HostileInputTest.class.getResourceAsStream(path)) {
      byte[] b = new byte[1 << 16];
      int n = 0;
      for (int r; (r = in.read(b, n, b.length - n)) > 0; ) n += r;
      return new String(b, 0, n, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static String md5(String s) {
    try {
      StringBuilder b = new StringBuilder();
      for (byte x : MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8))) {
        b.append(String.format("%02x", x & 0xff));
      }
      return b.toString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Every public no-arg getter's value, "" read as null: what a handler can see of a parsed object. */
  static Map<String, Object> meaning(Object o, String... skip) {
    Map<String, Object> m = new TreeMap<>();
    List<String> skipped = Arrays.asList(skip);
    for (Method method : o.getClass().getMethods()) {
      if (method.getParameterCount() != 0 || method.getDeclaringClass() == Object.class
          || method.getName().equals("toString") || method.getName().equals("hashCode")
          || !Modifier.isPublic(method.getModifiers()) || skipped.contains(method.getName())) {
        continue;
      }
      try {
        Object v = method.invoke(o);
        if (v instanceof Map) {
          Map<Object, Object> copy = new TreeMap<>();
          for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            if (e.getValue() != null && !"".equals(e.getValue()) && !skipped.contains(String.valueOf(e.getKey()))) {
              copy.put(e.getKey(), e.getValue());
            }
          }
          v = copy;
        }
        m.put(method.getName(), "".equals(v) ? null : v);
      } catch (ReflectiveOperationException e) {
        m.put(method.getName(), "threw " + e.getCause());
      }
    }
    return m;
  }

  /** Runs {@code cases} in a preemptive time limit, so a hang fails instead of blocking the build. */
  static void batch(String what, Executable cases) {
    long start = System.nanoTime();
    assertTimeoutPreemptively(BATCH_LIMIT, cases, what + " hung (seed " + SEED + ")");
    System.out.println("[reliability] " + what + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }

  // ------------------------------------------------------------------------------ Qbit webhooks

  static List<String> qbitSamples() {
    String vector = resource("/qbitpay/webhook-event-vector.json");
    List<String> samples = new ArrayList<>();
    samples.add(vector);
    samples.add(vector.replace(",\"data\":", ",\n  \"data\": ").replace("{\"id\":\"fD", "{\n  \"id\": \"fD"));
    // data not last: the full parse, not the fast path
    samples.add("{\"data\":{\"id\":\"ch_2\",\"object\":\"charge\",\"amount\":10.50,\"currency\":\"USD\","
        + "\"cbUrl\":\"https://shop.example/cb?a=1&b=2\",\"payerName\":\"张 \\\"Q\\\" {x}&y\"},"
        + "\"id\":\"evt_2\",\"type\":\"charge.succeeded\",\"object\":\"event\",\"livemode\":false,\"pendingWebhooks\":1}");
    samples.add("{\"id\":\"evt_3\",\"type\":\"charge.pending\",\"object\":\"event\",\"livemode\":false,"
        + "\"data\":{\"id\":\"ch_3\",\"object\":\"charge\",\"amount\":1,\"meta\":[{\"k\":\"}&x\"},[]],\"currency\":\"USDT\"}}");
    return samples;
  }

  private static final String[] EVENT_SKIP = {"getCharge", "getEventType"};

  @Test
  void noQbitPayWebhookMutationIsAcceptedWithAChangedMeaning() {
    batch("qbitpay webhook fuzz", () -> {
      Mutator mutator = new Mutator(SEED ^ 0x51);
      int accepted = 0;
      int rejected = 0;
      for (String genuine : qbitSamples()) {
        String signature = QbitPayWebhook.signature(genuine, QBIT_KEY);
        Map<String, Object> meaning = meaning(QbitPayWebhook.constructEvent(genuine, signature, QBIT_KEY), EVENT_SKIP);
        for (int i = 0; i < FUZZ_CASES; i++) {
          String body = i % 10 == 9 ? mutator.randomText(1 + mutator.random().nextInt(200)) : mutator.mutate(genuine);
          try {
            Event e = QbitPayWebhook.constructEvent(body, signature, QBIT_KEY);
            accepted++;
            assertEquals(meaning, meaning(e, EVENT_SKIP), "accepted a changed body: " + body);
            try {
              e.getCharge();
            } catch (PayKitException expected) {
              // a typed refusal of odd data is fine
            }
          } catch (SignatureVerificationException expected) {
            rejected++;
          }
        }
      }
      System.out.println("[reliability] qbitpay webhook fuzz: cases=" + (accepted + rejected)
          + " acceptedSameMeaning=" + accepted + " rejected=" + rejected + " forged=0");
    });
  }

  /** Hand-made attacks on the data-last fast path and on the unescaped k=v&k=v signing string. */
  @Test
  void craftedQbitPayBodiesNeverVerifyWithAnotherMeaning() {
    String data = "{\"id\":\"ch_1\",\"object\":\"charge\",\"amount\":1000,\"currency\":\"USD\",\"status\":\"paid\"}";
    String genuine = "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\",\"object\":\"event\",\"livemode\":false,"
        + "\"pendingWebhooks\":0,\"data\":" + data + "}";
    String sig = QbitPayWebhook.signature(genuine, QBIT_KEY);
    Map<String, Object> meaning = meaning(QbitPayWebhook.constructEvent(genuine, sig, QBIT_KEY), EVENT_SKIP);
    String[] attacks = {
      // the & smuggle: same signing string, another event id (dedupe bypass) and livemode dropped
      "{\"id\":\"evt_1&livemode=false\",\"type\":\"charge.succeeded\",\"object\":\"event\",\"pendingWebhooks\":0,\"data\":" + data + "}",
      "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\",\"object\":\"event&pendingWebhooks=0\",\"livemode\":false,\"data\":" + data + "}",
      "{\"id\":\"evt_1\",\"livemode&\":false,\"type\":\"charge.succeeded\",\"object\":\"event\",\"pendingWebhooks\":0,\"data\":" + data + "}",
      // duplicated keys, before and after data
      "{\"id\":\"evt_2\",\"id\":\"evt_1\",\"type\":\"charge.succeeded\",\"object\":\"event\",\"livemode\":false,\"pendingWebhooks\":0,\"data\":" + data + "}",
      "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\",\"object\":\"event\",\"livemode\":false,\"pendingWebhooks\":0,\"data\":" + data + ",\"data\":{}}",
      "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\",\"object\":\"event\",\"livemode\":false,\"pendingWebhooks\":0,\"data\":" + data + ",\"id\":\"evt_9\"}",
      // data not last but swallowing later members
      "{\"type\":\"charge.succeeded\",\"object\":\"event\",\"livemode\":false,\"pendingWebhooks\":0,\"data\":" + data + ",\"id\":\"evt_1\",\"x\":{}}",
      // trailing garbage, nested data, brackets and escaped quotes in strings
      genuine + "}", genuine + " x", genuine.replace("\"data\":", "\"data\":{\"data\":").concat("}"),
      genuine.replace("\"evt_1\"", "\"evt_1}&\""), genuine.replace("\"evt_1\"", "\"evt_1\\\",\\\"x\\\":\\\"\""),
      genuine.replace("\"paid\"", "\"paid\\\"}&id=evt_2\""), genuine.replace("\"ch_1\"", "\"ch_1]&\""),
      genuine.replace("{\"id\":\"ch_1\"", "{\"id\":\"ch_2\",\"id\":\"ch_1\""),
      genuine.replace("\"data\":{", "\"data\" : {"), genuine.replace("\"data\":{", "\"data\":[{").replace("}}", "}]}"),
    };
    for (String attack : attacks) {
      try {
        Event e = QbitPayWebhook.constructEvent(attack, sig, QBIT_KEY);
        assertEquals(meaning, meaning(e, EVENT_SKIP), "accepted with another meaning: " + attack);
      } catch (SignatureVerificationException expected) {
        // refused
      }
    }
    assertThrows(SignatureVerificationException.class, () -> QbitPayWebhook.constructEvent(attacks[0], sig, QBIT_KEY),
        "the & smuggle verifies with id evt_1&livemode=false");
  }

  @Test
  void oversizedAndDeeplyNestedWebhooksAreRefusedWithASignatureException() {
    StringBuilder big = new StringBuilder("{\"id\":\"evt_1\",\"data\":{\"pad\":\"");
    for (int i = 0; i < 10 * 1024 * 1024 / 64; i++) big.append("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    String huge = big.append("\"}}").toString();
    assertThrows(SignatureVerificationException.class, () -> QbitPayWebhook.constructEvent(huge, "ABC", QBIT_KEY));
    YinqiantongClient yqt = yinqiantongV2();
    assertThrows(SignatureVerificationException.class, () -> yqt.verifyNotification(huge));
    String deep = "{\"id\":\"evt_1\",\"data\":" + Mutator.deep(10_000) + "}";
    assertThrows(SignatureVerificationException.class, () -> QbitPayWebhook.constructEvent(deep, "ABC", QBIT_KEY));
    assertThrows(SignatureVerificationException.class,
        () -> QbitPayWebhook.constructEvent("{\"data\":" + Mutator.deep(10_000) + ",\"id\":\"e\"}", "ABC", QBIT_KEY));
    assertThrows(SignatureVerificationException.class, () -> yqt.verifyNotification(deep));
    Map<String, String> headers = new HashMap<>();
    headers.put("appid", "00000000");
    headers.put("ts", "1541051068");
    headers.put("sign", "x");
    assertThrows(SignatureVerificationException.class, () -> yqt.verifyNotification(headers, deep));
  }

  // ---------------------------------------------------------------------- 银钱通 notifications

  static YinqiantongClient yinqiantongV2() {
    return YinqiantongClient.builder().appId("00000000").appSecret("your_app_secret").appKey("1234567890123456")
        .clock(Clock.fixed(Instant.ofEpochSecond(1541051068L), ZoneOffset.UTC)).build();
  }

  @Test
  void noYinqiantongV2NotificationMutationIsAcceptedWithAChangedMeaning() {
    batch("yinqiantong v2 notification fuzz", () -> {
      YinqiantongClient client = yinqiantongV2();
      String genuine = resource("/yinqiantong/v2-notification.json");
      Map<String, Object> meaning = meaning(client.verifyNotification(genuine));
      Mutator mutator = new Mutator(SEED ^ 0x52);
      int accepted = 0;
      for (int i = 0; i < FUZZ_CASES; i++) {
        String body = i % 10 == 9 ? mutator.randomText(1 + mutator.random().nextInt(200)) : mutator.mutate(genuine);
        try {
          assertEquals(meaning, meaning(client.verifyNotification(body)), "accepted a changed body: " + body);
          accepted++;
        } catch (SignatureVerificationException expected) {
          // refused
        }
      }
      System.out.println("[reliability] yinqiantong v2 notification fuzz: cases=" + FUZZ_CASES
          + " acceptedSameMeaning=" + accepted + " forged=0");
    });
  }

  @Test
  void noYinqiantongV1NotificationMutationIsAcceptedWithAChangedMeaning() {
    batch("yinqiantong v1 notification fuzz", () -> {
      YinqiantongClient client = YinqiantongClient.builder().appId("00000000").appSecret("your_app_secret")
          .appKey("1234567890123456").protocol(YinqiantongProtocol.V1)
          .clock(Clock.fixed(Instant.ofEpochSecond(1536053843L), ZoneOffset.UTC)).build();
      String genuine = "{\"app_id\":\"00000000\",\"out_trade_no\":\"00000000231536053843abc\","
          + "\"client_out_trade_no\":\"1536053843\",\"channel\":\"wx\",\"platform\":\"h5\",\"status\":\"paid\","
          + "\"money\":100,\"client_ip\":\"127.0.0.1\",\"subject\":\"coins\",\"pay_time\":1536053800}";
      // sorted, null and "" dropped, then &ts=…&app_secret=… (README §2, V1)
      String signed = "app_id=00000000&channel=wx&client_ip=127.0.0.1&client_out_trade_no=1536053843&money=100"
          + "&out_trade_no=00000000231536053843abc&pay_time=1536053800&platform=h5&status=paid&subject=coins"
          + "&ts=1536053843&app_secret=your_app_secret";
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("appid", "00000000");
      headers.put("appkey", "1234567890123456");
      headers.put("ts", "1536053843");
      headers.put("sign", md5(signed));
      Map<String, Object> meaning = meaning(client.verifyNotification(headers, genuine));
      Mutator mutator = new Mutator(SEED ^ 0x53);
      int accepted = 0;
      for (int i = 0; i < FUZZ_CASES; i++) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        String body = genuine;
        if (i % 4 == 3) {
          String name = new ArrayList<>(h.keySet()).get(mutator.random().nextInt(h.size()));
          h.put(name, mutator.mutate(h.get(name)));
        } else {
          body = mutator.mutate(genuine);
        }
        try {
          assertEquals(meaning, meaning(client.verifyNotification(h, body)), "accepted a changed body: " + body + " " + h);
          accepted++;
        } catch (SignatureVerificationException expected) {
          // refused
        }
      }
      System.out.println("[reliability] yinqiantong v1 notification fuzz: cases=" + FUZZ_CASES
          + " acceptedSameMeaning=" + accepted + " forged=0");
    });
  }

  // ------------------------------------------------------------------------ 聚易付 notifications

  @Test
  void noJuyifuNotificationMutationIsAcceptedWithAChangedMeaning() {
    batch("juyifu notification fuzz", () -> {
      String secret = "019fafebfebf4a9d28c989254660f46c";
      JuyifuClient client = JuyifuClient.builder().appId(6018561003558745L).md5Secret(secret).build();
      Map<String, String> genuine = new LinkedHashMap<>();
      genuine.put("order_id", "140713000685555335");
      genuine.put("amount", "100");
      genuine.put("order_pay_status", "3");
      genuine.put("ext_data", "{\"uid\":7}");
      genuine.put("memo", "");
      genuine.put("pay_type", "1");
      genuine.put("sign_type", "1");
      genuine.put("sign", md5("amount=100&ext_data={\"uid\":7}&memo=&order_id=140713000685555335&order_pay_status=3" + secret));
      // pay_type and sign_type are outside the signature by the 2014 rule: not part of the signed meaning
      String[] skip = {"getPayType", "pay_type", "sign_type"};
      Map<String, Object> meaning = meaning(client.verifyNotification(genuine), skip);
      Mutator mutator = new Mutator(SEED ^ 0x54);
      int accepted = 0;
      List<String> names = new ArrayList<>(genuine.keySet());
      for (int i = 0; i < FUZZ_CASES; i++) {
        Map<String, String> f = new LinkedHashMap<>(genuine);
        String name = names.get(mutator.random().nextInt(names.size()));
        switch (mutator.random().nextInt(5)) {
          case 0:
            f.put(name, null);
            break;
          case 1:
            f.remove(name);
            break;
          case 2:
            f.put(mutator.mutate(name), f.remove(name));
            break;
          case 3:
            f.put(mutator.randomText(4), mutator.randomText(6));
            break;
          default:
            f.put(name, mutator.mutate(String.valueOf(f.get(name))));
        }
        try {
          assertEquals(meaning, meaning(client.verifyNotification(f), skip), "accepted a changed form: " + f);
          accepted++;
        } catch (SignatureVerificationException expected) {
          // refused
        }
      }
      System.out.println("[reliability] juyifu notification fuzz: cases=" + FUZZ_CASES
          + " acceptedSameMeaning=" + accepted + " forged=0");
    });
  }

  // ---------------------------------------------------------------------------------- PEM keys

  @Test
  void mutatedPemKeysFailWithIllegalArgumentExceptionOnly() {
    batch("PEM key fuzz", () -> {
      String pem = resource("/juyifu/mixpay-sample-merchant-key.pem");
      String sm2 = resource("/juyifu/sm2-private.pem");
      String sm2Public = resource("/juyifu/sm2-public.pem");
      Mutator mutator = new Mutator(SEED ^ 0x55);
      int cases = Math.max(50, FUZZ_CASES / 8);
      int loaded = 0;
      for (int i = 0; i < cases; i++) {
        String[] inputs = {mutator.mutate(pem), mutator.mutate(sm2), mutator.mutate(sm2Public), mutator.randomText(64)};
        for (int k = 0; k < inputs.length; k++) {
          String in = inputs[k];
          try {
            switch (k == 3 ? i % 4 : k) {
              case 0:
                Keys.rsaPrivateKey(in);
                break;
              case 1:
                Keys.sm2PrivateKey(in);
                break;
              case 2:
                Keys.sm2PublicKey(in);
                break;
              default:
                Keys.rsaPublicKey(in);
            }
            loaded++;
          } catch (IllegalArgumentException expected) {
            // documented
          }
        }
      }
      System.out.println("[reliability] PEM key fuzz: cases=" + cases * 4 + " loaded=" + loaded);
    });
  }

  // ------------------------------------------------------------ responses, Retry-After, cursors

  /** A server answering every request with whatever the test sets. */
  static final class Scripted extends Dispatcher {
    final AtomicReference<MockResponse> next = new AtomicReference<>(new MockResponse());

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      return next.get().clone();
    }
  }

  static void typedOnly(Executable call, String input) {
    try {
      call.execute();
    } catch (PayKitException | IllegalArgumentException expected) {
      // documented
    } catch (Throwable t) {
      fail("untyped " + t + " for " + input.substring(0, Math.min(300, input.length())), t);
    }
  }

  @Test
  void fuzzedResponsesOnlyEverRaiseTypedExceptions() throws IOException {
    Scripted script = new Scripted();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(script);
      server.start();
      String url = server.url("/").toString();
      QbitPayClient qbit = QbitPayClient.builder().apiKey("sk_fuzz").baseUrl(url).okHttpClient(direct()).maxRetries(0).sleeper(d -> {}).build();
      YinqiantongClient yqt = YinqiantongClient.builder().appId("00000000").appSecret("your_app_secret").baseUrl(url)
          .okHttpClient(direct()).maxRetries(0).sleeper(d -> {}).build();
      JuyifuClient juyifu = JuyifuClient.builder().appId(6018561003558745L).md5Secret("019fafebfebf4a9d28c989254660f46c")
          .baseUrl(url).okHttpClient(direct()).maxRetries(0).sleeper(d -> {}).build();
      String charge = resource("/qbitpay/seed004-charge.json");
      String list = resource("/qbitpay/seed004-list-charges-limit3.json");
      String juyifuOrder = resource("/juyifu/seed-001-create-order-response.json");
      String juyifuOrders = resource("/juyifu/seed-001-query-orders-response.json");
      String yqtCreated = "{\"code\":200,\"msg\":\"ok\",\"data\":{\"out_trade_no\":\"Y1\",\"pay_body\":\"https://p\",\"expire_time\":1800000000}}";
      batch("response fuzz", () -> {
        Mutator mutator = new Mutator(SEED ^ 0x56);
        int cases = Math.max(60, FUZZ_CASES / 12);
        for (int i = 0; i < cases; i++) {
          String body;
          int status = i % 7 == 6 ? 500 + mutator.random().nextInt(5) : 200;
          switch (i % 6) {
            case 0:
              body = mutator.mutate(charge);
              script.next.set(new MockResponse().setResponseCode(status).setBody(body));
              typedOnly(() -> qbit.retrieveCharge("ch_1"), body);
              break;
            case 1:
              body = mutator.mutate(list).replace("\"has_more\":false", "\"has_more\":true");
              script.next.set(new MockResponse().setResponseCode(status).setBody(body));
              typedOnly(() -> qbit.listCharges(ChargeListParams.builder().limit(3).build()).autoPagingIterable()
                  .forEach(c -> { if (mutator.random().nextInt(50) == 0) throw new StopIteration(); }), body);
              break;
            case 2:
              body = mutator.mutate(yqtCreated);
              script.next.set(new MockResponse().setResponseCode(status).setBody(body));
              typedOnly(() -> yqt.queryOrder("R1"), body);
              break;
            case 3:
              body = mutator.mutate(yqtCreated);
              script.next.set(new MockResponse().setResponseCode(status).setBody(body));
              typedOnly(() -> yqt.createOrder(io.paykit.yinqiantong.CreateOrderParams.builder().clientOutTradeNo("R" + 1)
                  .channel(io.paykit.yinqiantong.Channel.WECHAT).platform(io.paykit.yinqiantong.Platform.H5).money(1)
                  .clientIp("127.0.0.1").notifyUrl("https://shop.example/n").build()), body);
              break;
            case 4:
              body = mutator.mutate(juyifuOrder);
              script.next.set(new MockResponse().setResponseCode(status).setBody(body));
              typedOnly(() -> juyifu.createOrder(io.paykit.juyifu.CreateOrderParams.builder().payType(1).amount(1).build()), body);
              break;
            default:
              body = mutator.mutate(juyifuOrders);
              script.next.set(new MockResponse().setResponseCode(status).setBody(body));
              typedOnly(() -> juyifu.queryOrders("1", "2"), body);
          }
        }
        // Retry-After: any text a server may send
        for (int i = 0; i < cases; i++) {
          String value = i % 2 == 0 ? mutator.mutate("Wed, 21 Oct 2015 07:28:00 GMT") : mutator.mutate("120");
          script.next.set(new MockResponse().setResponseCode(429).addHeaderLenient("Retry-After", value)
              .setBody("{\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}"));
          try {
            qbit.retrieveCharge("ch_1");
            fail("429 must throw");
          } catch (RateLimitException e) {
            assertTrue(e.getRetryAfter() == null || !e.getRetryAfter().isNegative(), value);
          } catch (PayKitException e) {
            // also typed
          }
        }
        // cursors: whatever id a page ends with, the next page is one well-formed request or a typed error
        for (int i = 0; i < cases; i++) {
          String id = i % 3 == 0 ? mutator.randomText(8) : mutator.mutate("ch_1");
          StringBuilder quoted = new StringBuilder();
          io.paykit.qbitpay.Charge.class.getName();
          for (char c : id.toCharArray()) quoted.append(String.format("\\u%04x", (int) c));
          script.next.set(new MockResponse().setBody("{\"object\":\"list\",\"has_more\":true,\"data\":[{\"id\":\""
              + quoted + "\",\"object\":\"charge\"}]}"));
          String input = id;
          typedOnly(() -> qbit.listCharges(ChargeListParams.builder().limit(1).build()).nextPage(), input);
          typedOnly(() -> ChargeListParams.builder().startingAfter(input).build(), input);
        }
      });
    }
  }

  /** New connections with TCP_NODELAY: MockWebServer's keep-alive answers otherwise wait 40 ms for an ACK. */
  static okhttp3.OkHttpClient direct() {
    return FaultyNetwork.okHttp(new FaultyNetwork.FaultySocketFactory(0, 0)).newBuilder()
        .readTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
        .build();
  }

  /** Ends an auto-paging loop early. */
  static final class StopIteration extends PayKitException {
    private static final long serialVersionUID = 1L;

    StopIteration() {
      super("stop", null, false, true);
    }
  }

  @Test
  void hugeAndDeepResponsesAreInvalidResponsesNotCrashes() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      Scripted script = new Scripted();
      server.setDispatcher(script);
      server.start();
      String url = server.url("/").toString();
      QbitPayClient qbit = QbitPayClient.builder().apiKey("sk_fuzz").baseUrl(url).okHttpClient(direct()).maxRetries(0).sleeper(d -> {}).build();
      YinqiantongClient yqt = YinqiantongClient.builder().appId("00000000").appSecret("your_app_secret").baseUrl(url)
          .okHttpClient(direct()).maxRetries(0).sleeper(d -> {}).build();
      JuyifuClient juyifu = JuyifuClient.builder().appId(6018561003558745L).md5Secret("019fafebfebf4a9d28c989254660f46c")
          .baseUrl(url).okHttpClient(direct()).maxRetries(0).sleeper(d -> {}).build();
      Buffer fifty = new Buffer();
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) ' ');
      for (int i = 0; i < 50; i++) fifty.write(chunk);
      script.next.set(new MockResponse().setBody(fifty));
      InvalidResponseException big = assertThrows(InvalidResponseException.class, () -> qbit.retrieveCharge("ch_1"));
      assertTrue(big.getMessage().contains("larger than"), big.getMessage());
      String deep = "{\"code\":0,\"data\":" + Mutator.deep(10_000) + "}";
      for (MockResponse r : new MockResponse[] {new MockResponse().setBody(deep), new MockResponse().setBody(Mutator.deep(10_000))}) {
        script.next.set(r);
        assertThrows(PayKitException.class, () -> qbit.retrieveCharge("ch_1"));
        assertThrows(PayKitException.class, () -> yqt.queryOrder("R1"));
        assertThrows(PayKitException.class, () -> juyifu.queryOrders("1"));
        assertThrows(PayKitException.class, () -> juyifu.createOrder(io.paykit.juyifu.CreateOrderParams.builder().payType(1).amount(1).build()));
      }
    }
  }
}
