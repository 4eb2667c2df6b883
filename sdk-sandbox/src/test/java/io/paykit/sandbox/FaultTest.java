package io.paykit.sandbox;

import static io.paykit.sandbox.Wire.list;
import static io.paykit.sandbox.Wire.num;
import static io.paykit.sandbox.Wire.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each injected fault, seen by a raw OkHttp client, and whether the request was processed. */
class FaultTest {
  private static final String SECRET = "your_app_secret";
  private final OkHttpClient http = Wire.client();
  private PayKitSandbox sandbox;
  private int counter;

  @BeforeEach
  void start() {
    sandbox = PayKitSandbox.start();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Request yqtCreate(String clientNo) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("appid", "00000000");
    p.put("ts", String.valueOf(Wire.now()));
    p.put("client_out_trade_no", clientNo);
    p.put("channel", "1");
    p.put("platform", "2");
    p.put("money", "100");
    p.put("client_ip", "127.0.0.1");
    p.put("notify_url", "http://127.0.0.1:1/n");
    String sign = Wire.md5(Wire.sorted(p) + "&app_secret=" + SECRET);
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, String> e : p.entrySet()) {
      json.append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append("\",");
    }
    json.append("\"sign\":\"").append(sign).append("\"}");
    return new Request.Builder()
        .url(sandbox.baseUrl(Gateway.YINQIANTONG) + "/order")
        .post(RequestBody.create(json.toString(), Wire.JSON))
        .build();
  }

  private long yqtState(String clientNo) {
    return num(
        Wire.get(http, sandbox.baseUrl(Gateway.YINQIANTONG) + "/order?appid=00000000&client_out_trade_no=" + clientNo)
            .json()
            .get("code"));
  }

  private Request qbitCreate(String externalOrderId) {
    return new Request.Builder()
        .url(sandbox.baseUrl(Gateway.QBITPAY) + "/api/v1/charges")
        .header("Authorization", Wire.basic("sk_sandbox"))
        .post(RequestBody.create(
            "{\"amount\":5,\"currency\":\"USDT\",\"externalOrderId\":\"" + externalOrderId
                + "\",\"cbUrl\":\"http://127.0.0.1:1/cb\",\"redirectUrl\":\"http://127.0.0.1:1/r\"}",
            Wire.JSON))
        .build();
  }

  private int qbitCount(String externalOrderId) {
    Request list =
        new Request.Builder()
            .url(sandbox.baseUrl(Gateway.QBITPAY) + "/api/v1/charges?externalOrderId=" + externalOrderId)
            .header("Authorization", Wire.basic("sk_sandbox"))
            .build();
    return list(Wire.call(http, list).json().get("data")).size();
  }

  private String nextNo() {
    return "F" + (++counter) + "n" + Long.toHexString(System.nanoTime());
  }

  @Test
  void dropAfterProcessingGivesTheClientAnIoExceptionButTheOrderExists() {
    sandbox.injectFault(Fault.dropAfterProcessing(), 1);
    String no = nextNo();
    assertThrows(IOException.class, () -> http.newCall(yqtCreate(no)).execute().close());
    assertEquals(4201L, yqtState(no), "the order was created before the connection dropped");
    Wire.Answer resend = Wire.call(http, yqtCreate(no));
    assertEquals(4409L, num(resend.json().get("code")), "a resend learns the first attempt landed");
    assertEquals(0, sandbox.pendingFaults());
  }

  @Test
  void dropBeforeProcessingCreatesNothing() {
    sandbox.injectFault(Gateway.QBITPAY, Fault.dropBeforeProcessing(), 1);
    assertThrows(IOException.class, () -> http.newCall(qbitCreate("drop-before")).execute().close());
    assertEquals(0, qbitCount("drop-before"));
  }

  @Test
  void statusFaultsAnswerWithTheGatewaysErrorBodyWithoutProcessing() {
    sandbox.injectFault(Fault.status(503), 2);
    Wire.Answer qbit = Wire.call(http, qbitCreate("s503"));
    assertEquals(503, qbit.status);
    assertEquals("api_error", obj(qbit.json().get("error")).get("type"));
    String no = nextNo();
    Wire.Answer yqt = Wire.call(http, yqtCreate(no));
    assertEquals(503, yqt.status);
    assertEquals(4500L, num(yqt.json().get("code")));

    assertEquals(0, qbitCount("s503"));
    assertEquals(4404L, yqtState(no));

    sandbox.injectFault(Gateway.JUYIFU, Fault.status(500), 1);
    Wire.Answer juyifu = Wire.get(http, sandbox.baseUrl(Gateway.JUYIFU) + "/sold");
    assertEquals(500, juyifu.status);
    assertEquals(2000L, num(juyifu.json().get("code")));
  }

  @Test
  void htmlFaultsAnswerWithAnErrorPage() {
    sandbox.injectFault(Fault.html(502), 1);
    Wire.Answer a = Wire.call(http, qbitCreate("html"));
    assertEquals(502, a.status);
    assertTrue(a.contentType.startsWith("text/html"));
    assertTrue(a.body.contains("<html>"));
    assertEquals(0, qbitCount("html"));
  }

  @Test
  void aDelayTripsTheClientsReadTimeoutAfterTheRequestWasProcessed() {
    OkHttpClient impatient = http.newBuilder().readTimeout(Duration.ofMillis(100)).build();
    sandbox.injectFault(Fault.delay(Duration.ofMillis(400)), 1);
    String no = nextNo();
    assertThrows(InterruptedIOException.class, () -> impatient.newCall(yqtCreate(no)).execute().close());
    assertEquals(4201L, yqtState(no));
  }

  @Test
  void truncatedJsonSendsAHalfBodyAfterProcessing() throws IOException {
    sandbox.injectFault(Fault.truncatedJson(), 1);
    try (Response response = http.newCall(qbitCreate("cut")).execute()) {
      assertEquals(200, response.code());
      String body = response.body().string();
      assertTrue(body.startsWith("{\"id\":\""), body);
      assertFalse(body.endsWith("}"), body);
      assertThrows(AssertionError.class, () -> Wire.json(body));
    }
    assertEquals(1, qbitCount("cut"));
  }

  @Test
  void aFaultLastsForExactlyItsNumberOfRequestsAndOnlyForItsGateway() {
    sandbox.injectFault(Gateway.QBITPAY, Fault.status(429), 2);
    assertEquals(4404L, yqtState("unaffected"), "another gateway is not affected");
    assertEquals(429, Wire.call(http, qbitCreate("a")).status);
    assertEquals(429, Wire.call(http, qbitCreate("a")).status);
    assertEquals(200, Wire.call(http, qbitCreate("a")).status);

    sandbox.injectFault(Fault.status(500), 5);
    sandbox.clearFaults();
    assertEquals(200, Wire.call(http, qbitCreate("a")).status);
  }

  @Test
  void controlEndpointsAndCheckoutPagesAreNeverFaulted() {
    sandbox.injectFault(Fault.status(500), 1);
    assertEquals(200, Wire.get(http, "http://127.0.0.1:" + sandbox.port() + "/sandbox").status);
    assertEquals(200, Wire.get(http, sandbox.baseUrl(Gateway.QBITPAY) + "/pay").status);
    assertEquals(1, sandbox.pendingFaults());
  }

  @Test
  void faultsCanBeInjectedAndClearedOverHttp() {
    String control = "http://127.0.0.1:" + sandbox.port() + "/sandbox/faults";
    Wire.Answer added = Wire.post(http, control + "?kind=status&status=503&times=2&gateway=qbitpay");
    assertEquals(200, added.status, added.body);
    assertEquals(2L, num(added.json().get("pending")));
    assertEquals(503, Wire.call(http, qbitCreate("h")).status);

    Wire.post(http, control + "?kind=drop-after-processing");
    assertEquals(2, sandbox.pendingFaults());
    Wire.Answer cleared = Wire.call(http, new Request.Builder().url(control).delete().build());
    assertEquals(200, cleared.status);
    assertEquals(0, sandbox.pendingFaults());

    assertEquals(400, Wire.post(http, control + "?kind=explode").status);
    assertEquals(400, Wire.post(http, control + "?kind=status&status=200").status);
  }

  @Test
  void faultFactoriesValidateTheirArguments() {
    assertThrows(IllegalArgumentException.class, () -> Fault.status(200));
    assertThrows(IllegalArgumentException.class, () -> Fault.html(600));
    assertThrows(IllegalArgumentException.class, () -> Fault.delay(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class, () -> Fault.delay(null));
    assertThrows(IllegalArgumentException.class, () -> sandbox.injectFault(Fault.truncatedJson(), 0));
    assertThrows(IllegalArgumentException.class, () -> sandbox.injectFault(null, 1));
    assertEquals("Fault{status 503}", Fault.status(503).toString());
  }
}
