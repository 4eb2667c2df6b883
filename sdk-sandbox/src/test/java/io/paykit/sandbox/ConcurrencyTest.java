package io.paykit.sandbox;

import static io.paykit.sandbox.Wire.list;
import static io.paykit.sandbox.Wire.num;
import static io.paykit.sandbox.Wire.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** Many threads at once: every create lands once, with a distinct id, and nothing errs. */
class ConcurrencyTest {
  private static final int THREADS = 64;
  private static final int PER_THREAD = 2;

  @Test
  void sixtyFourThreadsCreatingOrdersOnEveryGatewayGetDistinctIdsAndNoErrors() throws Exception {
    OkHttpClient http = Wire.client().newBuilder().connectionPool(new ConnectionPool(THREADS, 1, TimeUnit.MINUTES)).build();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (PayKitSandbox sandbox = PayKitSandbox.start()) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        final int thread = t;
        futures.add(pool.submit((Callable<List<String>>) () -> {
          go.await();
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < PER_THREAD; i++) {
            ids.add("J" + juyifuOrder(http, sandbox));
            ids.add("Y" + yinqiantongOrder(http, sandbox, "C" + thread + "x" + i));
            ids.add("Q" + qbitCharge(http, sandbox, "ext-" + thread + "-" + i));
          }
          return ids;
        }));
      }
      go.countDown();
      Set<String> all = new HashSet<>();
      for (Future<List<String>> f : futures) all.addAll(f.get(20, TimeUnit.SECONDS));
      assertEquals(THREADS * PER_THREAD * 3, all.size(), "every id is distinct");

      Request list =
          new Request.Builder()
              .url(sandbox.baseUrl(Gateway.QBITPAY) + "/api/v1/charges?limit=100")
              .header("Authorization", Wire.basic("sk_sandbox"))
              .build();
      int listed = 0;
      String after = null;
      do {
        Request page = after == null ? list : list.newBuilder().url(list.url() + "&starting_after=" + after).build();
        List<Object> data = list(Wire.call(http, page).json().get("data"));
        listed += data.size();
        after = data.size() < 100 ? null : (String) obj(data.get(data.size() - 1)).get("id");
      } while (after != null);
      assertEquals(THREADS * PER_THREAD, listed, "each charge was stored once");
    } finally {
      pool.shutdownNow();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static String juyifuOrder(OkHttpClient http, PayKitSandbox sandbox) {
    Wire.Params p = Wire.params().add("app_id", "1000").add("pay_type", 2).add("amount", 10).signMd5("sandbox_md5_secret");
    Wire.Answer a = Wire.postForm(http, sandbox.baseUrl(Gateway.JUYIFU) + "/orders", p.encoded());
    assertEquals(0L, num(a.json().get("code")), a.body);
    return (String) obj(a.json().get("data")).get("id");
  }

  private static String yinqiantongOrder(OkHttpClient http, PayKitSandbox sandbox, String clientNo) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("appid", "00000000");
    p.put("ts", String.valueOf(Wire.now()));
    p.put("client_out_trade_no", clientNo);
    p.put("channel", "2");
    p.put("platform", "2");
    p.put("money", "1");
    p.put("client_ip", "127.0.0.1");
    p.put("notify_url", "http://127.0.0.1:1/n");
    Wire.Params form = Wire.params();
    for (Map.Entry<String, String> e : p.entrySet()) form.add(e.getKey(), e.getValue());
    form.add("sign", Wire.md5(Wire.sorted(p) + "&app_secret=your_app_secret"));
    Wire.Answer a = Wire.postForm(http, sandbox.baseUrl(Gateway.YINQIANTONG) + "/order", form.encoded());
    assertEquals(200L, num(a.json().get("code")), a.body);
    return (String) obj(a.json().get("data")).get("out_trade_no");
  }

  private static String qbitCharge(OkHttpClient http, PayKitSandbox sandbox, String externalOrderId) {
    Request r =
        new Request.Builder()
            .url(sandbox.baseUrl(Gateway.QBITPAY) + "/api/v1/charges")
            .header("Authorization", Wire.basic("sk_sandbox"))
            .post(RequestBody.create(
                "{\"amount\":1.5,\"currency\":\"USD\",\"externalOrderId\":\"" + externalOrderId
                    + "\",\"cbUrl\":\"http://127.0.0.1:1/cb\",\"redirectUrl\":\"http://127.0.0.1:1/r\"}",
                Wire.JSON))
            .build();
    Wire.Answer a = Wire.call(http, r);
    assertEquals(200, a.status, a.body);
    return (String) a.json().get("id");
  }
}
