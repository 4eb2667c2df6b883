package io.paykit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.paykit.PayKitException;
import io.paykit.RequestOptions;
import io.paykit.juyifu.JuyifuClient;
import io.paykit.qbitpay.ChargeCreateParams;
import io.paykit.qbitpay.QbitPayClient;
import io.paykit.yinqiantong.Channel;
import io.paykit.yinqiantong.CreateOrderParams;
import io.paykit.yinqiantong.Platform;
import io.paykit.yinqiantong.YinqiantongClient;
import io.paykit.yinqiantong.YinqiantongProtocol;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Header injection is refused before anything is sent, and no client follows a redirect. */
class InjectionAndRedirectTest {
  private static final String[] HOSTILE = {"a\r\nX-Injected: 1", "a\nb", "a\rb", "密钥", "a\u0000b", "a\u007fb", "é"};

  private MockWebServer server;
  private MockWebServer elsewhere;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    elsewhere = new MockWebServer();
    elsewhere.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
    elsewhere.shutdown();
  }

  private String url() {
    return server.url("/").toString();
  }

  @Test
  void crOrLfOrNonAsciiInAnyHeaderValueIsRefusedBeforeSending() {
    List<Executable> attempts = new ArrayList<>();
    for (String bad : HOSTILE) {
      attempts.add(() -> QbitPayClient.builder().apiKey(bad).baseUrl(url()).build()
          .retrieveCharge("ch_1"));
      attempts.add(() -> YinqiantongClient.builder().appId(bad).appSecret("your_app_secret").appKey("1234567890123456")
          .protocol(YinqiantongProtocol.V1).baseUrl(url()).build().queryOrder("R1"));
      attempts.add(() -> YinqiantongClient.builder().appId("00000000").appSecret("your_app_secret").appKey(bad)
          .protocol(YinqiantongProtocol.V1).baseUrl(url()).build().queryOrder("R1"));
      attempts.add(() -> JuyifuClient.builder().appId(1000).md5Secret("019fafebfebf4a9d28c989254660f46c")
          .accessToken(bad).baseUrl(url()).build().queryOrders("1"));
      RequestOptions.Builder options = RequestOptions.builder();
      attempts.add(() -> options.header("X-Trace", bad));
      attempts.add(() -> options.header(bad, "v"));
    }
    int refused = 0;
    for (Executable attempt : attempts) {
      try {
        attempt.execute();
        fail("a hostile header value was accepted");
      } catch (IllegalArgumentException expected) {
        refused++;
      } catch (Throwable t) {
        fail("expected IllegalArgumentException, got " + t, t);
      }
    }
    assertEquals(attempts.size(), refused);
    assertEquals(0, server.getRequestCount(), "nothing reached the server");
    System.out.println("[reliability] header injection: attempts=" + attempts.size() + " refused=" + refused
        + " requestsSent=" + server.getRequestCount());
  }

  @Test
  void noClientFollowsARedirectToAnotherHost() {
    String target = elsewhere.url("/stolen").toString();
    QbitPayClient qbit = QbitPayClient.builder().apiKey("sk_redirect_key").baseUrl(url()).maxRetries(0).build();
    YinqiantongClient yqt = YinqiantongClient.builder().appId("00000000").appSecret("your_app_secret").baseUrl(url())
        .maxRetries(0).build();
    JuyifuClient juyifu = JuyifuClient.builder().appId(1000).md5Secret("019fafebfebf4a9d28c989254660f46c")
        .baseUrl(url()).maxRetries(0).build();
    List<Executable> calls = new ArrayList<>();
    calls.add(() -> qbit.retrieveCharge("ch_1"));
    calls.add(() -> qbit.createCharge(ChargeCreateParams.builder().amount(new BigDecimal("1")).currency("USD")
        .externalOrderId("o1").cbUrl("https://shop.example/cb").redirectUrl("https://shop.example/r").build(),
        RequestOptions.builder().maxRetries(0).build()));
    calls.add(() -> yqt.queryOrder("R1"));
    calls.add(() -> yqt.createOrder(CreateOrderParams.builder().clientOutTradeNo("R1").channel(Channel.WECHAT)
        .platform(Platform.H5).money(1).clientIp("127.0.0.1").notifyUrl("https://shop.example/n").build()));
    calls.add(() -> juyifu.queryOrders("1"));
    calls.add(() -> juyifu.createOrder(io.paykit.juyifu.CreateOrderParams.builder().payType(1).amount(1).build()));
    for (int code : new int[] {301, 302, 303, 307, 308}) {
      for (Executable call : calls) {
        for (int i = 0; i < 4; i++) {
          server.enqueue(new MockResponse().setResponseCode(code).setHeader("Location", target)
              .setBody("{\"code\":200,\"data\":{}}"));
        }
        try {
          call.execute();
          fail("a " + code + " redirect was treated as success");
        } catch (PayKitException expected) {
          assertTrue(expected.getMessage() != null);
        } catch (Throwable t) {
          fail("untyped " + t, t);
        }
      }
    }
    assertEquals(0, elsewhere.getRequestCount(), "the redirect target received nothing");
    System.out.println("[reliability] redirects: " + 5 * calls.size() + " redirected calls, all typed errors,"
        + " requests to the redirect target=" + elsewhere.getRequestCount());
  }
}
