package io.paykit.yinqiantong;

import static io.paykit.yinqiantong.Fixtures.APP_ID;
import static io.paykit.yinqiantong.Fixtures.APP_KEY;
import static io.paykit.yinqiantong.Fixtures.APP_SECRET;
import static io.paykit.yinqiantong.Fixtures.V1_TS;
import static io.paykit.yinqiantong.Fixtures.V2_TS;
import static io.paykit.yinqiantong.Fixtures.clockAt;
import static io.paykit.yinqiantong.Fixtures.md5;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paykit.http.ApiRequest;
import io.paykit.http.Transport;
import io.paykit.sign.Signer;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The published signature vectors, through the same code the client signs with. */
class SigningInterceptorTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private Transport transport(Clock clock) {
    return Transport.builder("test")
        .baseUrl(server.url("/").toString())
        .maxRetries(0)
        .addInterceptor(new SigningInterceptor(APP_ID, APP_KEY, APP_SECRET, clock))
        .build();
  }

  @Test
  void v2VectorGivesThePublishedSigningStringAndSign() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("appid", "00000000");
    params.put("channel", "1");
    params.put("platform", "2");
    params.put("money", 1L);
    params.put("client_ip", "127.0.0.1");
    params.put("subject", "my_subject");
    params.put("ts", V2_TS);
    String content = SigningInterceptor.v2Content(params, APP_SECRET);
    assertEquals(
        "appid=00000000&channel=1&client_ip=127.0.0.1&money=1&platform=2&subject=my_subject"
            + "&ts=1541051068&app_secret=your_app_secret",
        content);
    assertEquals("65d704b3652d451355f99b173635d107", Signer.md5().sign(content));
  }

  @Test
  void v2SignOverSortedPairsGivesThePublishedSign() {
    SigningInterceptor signer = new SigningInterceptor(APP_ID, APP_KEY, APP_SECRET, clockAt(V2_TS));
    assertEquals(
        "65d704b3652d451355f99b173635d107",
        signer.v2Sign(
            "appid", "00000000", "channel", "1", "client_ip", "127.0.0.1", "description", null,
            "money", "1", "open_id", "", "platform", "2", "subject", "my_subject",
            "ts", "1541051068"));
  }

  @Test
  void v2SignAgreesWithTheCanonicalStringOnRandomParameters() {
    SigningInterceptor signer = new SigningInterceptor(APP_ID, APP_KEY, APP_SECRET, clockAt(V2_TS));
    Random random = new Random(20261206);
    String[] alphabet = {"a", "Z", "9", "=", "&", " ", "测", "€", "😀", "\uD800", "%", "+", ""};
    for (int run = 0; run < 2_000; run++) {
      TreeMap<String, String> params = new TreeMap<>();
      int size = random.nextInt(14);
      for (int i = 0; i < size; i++) {
        StringBuilder name = new StringBuilder("k");
        for (int n = random.nextInt(4); n > 0; n--) name.append((char) ('a' + random.nextInt(26)));
        StringBuilder value = new StringBuilder();
        for (int n = random.nextInt(6); n > 0; n--) value.append(alphabet[random.nextInt(alphabet.length)]);
        params.put(name.toString(), random.nextInt(8) == 0 ? null : value.toString());
      }
      String[] pairs = new String[params.size() * 2];
      int at = 0;
      for (Map.Entry<String, String> e : params.entrySet()) {
        pairs[at++] = e.getKey();
        pairs[at++] = e.getValue();
      }
      assertEquals(
          md5(SigningInterceptor.v2Content(params, APP_SECRET)), signer.v2Sign(pairs), params.toString());
    }
  }

  @Test
  void v1VectorGivesThePublishedSigningStringWithEmptyValuesDropped() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", "wx");
    body.put("platform", "app");
    body.put("money", 1);
    body.put("client_ip", "127.0.0.1");
    body.put("subject", "");
    body.put("body", "");
    String content = SigningInterceptor.v1Content(body, Long.toString(V1_TS), APP_SECRET);
    assertEquals(
        "channel=wx&client_ip=127.0.0.1&money=1&platform=app&ts=1536053843"
            + "&app_secret=your_app_secret",
        content);
    assertEquals("1917abc8b8908f9bef5cc86559c26edc", Signer.md5().sign(content));
  }

  @Test
  void v1InterceptorSendsAppidAppkeyTsAndTheVectorSignAsHeaders() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"code\":200}"));
    ApiRequest request =
        ApiRequest.builder(ApiRequest.Method.POST, "/order", "createOrder")
            .bodyEncoding(ApiRequest.BodyEncoding.JSON)
            .body("channel", "wx")
            .body("platform", "app")
            .body("money", 1L)
            .body("client_ip", "127.0.0.1")
            .body("subject", "")
            .body("body", "")
            .build();
    transport(clockAt(V1_TS)).execute(request);

    RecordedRequest recorded = server.takeRequest();
    assertEquals("00000000", recorded.getHeader("appid"));
    assertEquals(APP_KEY, recorded.getHeader("appkey"));
    assertEquals("1536053843", recorded.getHeader("ts"));
    assertEquals("1917abc8b8908f9bef5cc86559c26edc", recorded.getHeader("sign"));
    assertEquals(
        "{\"channel\":\"wx\",\"platform\":\"app\",\"money\":1,\"client_ip\":\"127.0.0.1\","
            + "\"subject\":\"\",\"body\":\"\"}",
        recorded.getBody().readUtf8());
  }

  @Test
  void v1QuerySignsOnlyTsAndSecretGivingTheDerivedVector() throws Exception {
    assertEquals(
        "ts=1536053843&app_secret=your_app_secret",
        SigningInterceptor.v1Content(Collections.<String, Object>emptyMap(), "1536053843", APP_SECRET));

    server.enqueue(new MockResponse().setBody("{\"code\":200}"));
    transport(clockAt(V1_TS))
        .execute(
            ApiRequest.builder(ApiRequest.Method.GET, "/order", "queryOrder")
                .query("appid", APP_ID)
                .query("client_out_trade_no", "1540449058")
                .build());
    RecordedRequest recorded = server.takeRequest();
    assertEquals("/order?appid=00000000&client_out_trade_no=1540449058", recorded.getPath());
    assertEquals("d93c607e3396c4461f830ae000af09f5", recorded.getHeader("sign"));
    assertEquals("1536053843", recorded.getHeader("ts"));
  }

  @Test
  void v2CallbackVectorGivesTheDerivedSign() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("appid", "00000000");
    fields.put("ts", "1541051068");
    fields.put("sign", "ignored");
    fields.put("channel", "2");
    fields.put("platform", "3");
    fields.put("out_trade_no", "00000000231540451777acf9947");
    fields.put("client_out_trade_no", "1540449058");
    fields.put("status", "1");
    fields.put("money", "1");
    fields.put("client_ip", "127.0.0.1");
    fields.put("open_id", "");
    fields.put("subject", "my_subject");
    fields.put("description", "");
    fields.put("extra", null);
    fields.put("pay_time", "1541051000");
    String content = SigningInterceptor.v2Content(fields, APP_SECRET);
    assertEquals(
        "appid=00000000&channel=2&client_ip=127.0.0.1&client_out_trade_no=1540449058&money=1"
            + "&out_trade_no=00000000231540451777acf9947&pay_time=1541051000&platform=3&status=1"
            + "&subject=my_subject&ts=1541051068&app_secret=your_app_secret",
        content);
    assertEquals("19f11112823c950370d33c7865fd0924", Signer.md5().sign(content));
  }

  @Test
  void zeroIsKeptAndChineseIsSignedAsUtf8() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("status", 0);
    params.put("subject", "测试商品");
    String content = SigningInterceptor.v2Content(params, APP_SECRET);
    assertEquals("status=0&subject=测试商品&app_secret=your_app_secret", content);
    assertEquals(md5(content), Signer.md5().sign(content));
  }
}
