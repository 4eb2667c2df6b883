package io.paykit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.paykit.InvalidResponseException;
import io.paykit.json.PayKitJson;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okio.ByteString;
import org.junit.jupiter.api.Test;

/** The request body writer and the response reader work on bytes; they must mean what Moshi means. */
class JsonBodyTest {
  private static final JsonAdapter<Map<String, Object>> MOSHI_MAP =
      PayKitJson.moshi().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  enum Color { RED }

  @Test
  void writesTheSameBytesAsMoshisMapAdapter() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("amount", new BigDecimal("10.50"));
    params.put("big", new BigDecimal("1E+3"));
    params.put("tiny", new BigDecimal("0.00000001"));
    params.put("int", 42);
    params.put("long", Long.MIN_VALUE);
    params.put("double", 1.5d);
    params.put("float", 2.25f);
    params.put("short", (short) 7);
    params.put("bool", true);
    params.put("text", "飞行扫帚 \"quoted\" \\ </script> \u2028 \u0001 😀");
    params.put("empty", "");
    params.put("list", Arrays.asList("a", 1, new BigDecimal("2.0"), null, Arrays.asList(true, "x")));
    params.put("enum", TimeUnit.SECONDS);
    params.put("color", Color.RED);
    assertEquals(MOSHI_MAP.toJson(params), OkHttpCaller.json(params).utf8());
  }

  @Test
  void readsTheCharsetOnlyFromACharsetParameter() {
    assertEquals(StandardCharsets.UTF_8, OkHttpCaller.charset(null));
    assertEquals(StandardCharsets.UTF_8, OkHttpCaller.charset("application/json"));
    assertEquals(StandardCharsets.UTF_8, OkHttpCaller.charset("application/json; charset=utf-8"));
    assertEquals(Charset.forName("GBK"), OkHttpCaller.charset("text/html; Charset=\"GBK\""));
    assertEquals(Charset.forName("GB18030"), OkHttpCaller.charset("application/json;charset=gb18030"));
    assertEquals(StandardCharsets.UTF_8, OkHttpCaller.charset("application/json; charset=no-such"));
    assertEquals(StandardCharsets.UTF_8, OkHttpCaller.charset("garbage; charset"));
  }

  @Test
  void anEmptyBodyIsAnEmptyObject() {
    assertEquals("{}", OkHttpCaller.json(new LinkedHashMap<>()).utf8());
  }

  private static final Transport TRANSPORT = Transport.builder("test").baseUrl("http://127.0.0.1").build();
  private static final JsonAdapter<Map<String, Object>> MAP =
      PayKitJson.moshi().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private static ApiResponse response(String body, Charset charset) {
    ApiRequest request = ApiRequest.builder(ApiRequest.Method.GET, "/x", "read").build();
    return new ApiResponse(
        request, 200, Headers.of(), ByteString.of(body.getBytes(charset)), charset, null, 1);
  }

  @Test
  void parsesUtf8BytesAndDecodesTheTextOnlyWhenAsked() {
    ApiResponse r = response(" \n{\"name\":\"飞行扫帚\",\"n\":1}\n", StandardCharsets.UTF_8);
    assertEquals("飞行扫帚", TRANSPORT.parseJson(r, MAP).get("name"));
    assertEquals(" \n{\"name\":\"飞行扫帚\",\"n\":1}\n", r.body());
  }

  @Test
  void parsesOtherCharsetsThroughTheText() {
    ApiResponse r = response("{\"name\":\"飞行扫帚\"}", Charset.forName("GB18030"));
    assertEquals("飞行扫帚", TRANSPORT.parseJson(r, MAP).get("name"));
  }

  @Test
  void refusesTrailingContent() {
    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> TRANSPORT.parseJson(response("{\"a\":1} {\"b\":2}", StandardCharsets.UTF_8), MAP));
    assertEquals(true, e.getMessage().contains("malformed JSON"), e.getMessage());
  }

  @Test
  void classifiesUnreadableBodies() {
    String[][] cases = {
      {"", "empty response body"},
      {" \t\r\n", "empty response body"},
      {"<html>502</html>", "HTML instead of JSON"},
      {"\uFEFF{}", "response is not JSON"},
      {"ok", "response is not JSON"},
      {"{\"a\":", "truncated JSON"},
      {"{\"a\" 1}", "malformed JSON"},
      {"[1]", "unexpected JSON"},
    };
    for (String[] c : cases) {
      InvalidResponseException e =
          assertThrows(
              InvalidResponseException.class,
              () -> TRANSPORT.parseJson(response(c[0], StandardCharsets.UTF_8), MAP),
              c[0]);
      assertEquals(true, e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
    }
  }
}
