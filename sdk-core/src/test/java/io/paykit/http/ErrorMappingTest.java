package io.paykit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import io.paykit.ApiException;
import io.paykit.AuthenticationException;
import io.paykit.InvalidResponseException;
import io.paykit.RateLimitException;
import io.paykit.json.PayKitJson;
import java.time.Duration;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
  private static final String API_KEY = "sk_live_0123456789abcdef";

  private final Transport transport =
      Transport.builder("test").baseUrl("https://api.example.com").secret(API_KEY).build();

  static final class Body {
    String id;
    int count;
  }

  private final JsonAdapter<Body> adapter = PayKitJson.moshi().adapter(Body.class);

  private static ApiResponse response(int status, String body, boolean idempotent, String... headers) {
    ApiRequest request =
        ApiRequest.builder(
                idempotent ? ApiRequest.Method.GET : ApiRequest.Method.POST, "/orders", "createOrder")
            .build();
    return new ApiResponse(request, status, Headers.of(headers), body, null, 1);
  }

  @Test
  void parsesJsonIgnoringUnknownFieldsAndAcceptingNumericStrings() {
    Body body = transport.parseJson(response(200, "{\"id\":7,\"count\":\"3\",\"extra\":[1]}", true), adapter);
    assertEquals("7", body.id);
    assertEquals(3, body.count);
  }

  @Test
  void emptyBodyIsAnInvalidResponse() {
    InvalidResponseException e =
        assertThrows(InvalidResponseException.class, () -> transport.parseJson(response(200, "", true), adapter));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    assertEquals(200, e.getHttpStatus());
  }

  @Test
  void htmlErrorPageIsAnInvalidResponseWithItsStart() {
    String html = "<html><body><h1>502 Bad Gateway</h1>" + new String(new char[2000]).replace('\0', 'x') + "</body></html>";
    InvalidResponseException e =
        assertThrows(InvalidResponseException.class, () -> transport.parseJson(response(502, html, false), adapter));
    assertTrue(e.getMessage().contains("HTML"), e.getMessage());
    assertEquals(502, e.getHttpStatus());
    assertEquals(512, e.getBodySnippet().length());
    assertTrue(e.getBodySnippet().startsWith("<html><body><h1>502"));
    assertTrue(e.mayHaveReachedServer());
    assertFalse(e.isRetrySafe(), "a create whose answer is unreadable may have landed");
  }

  @Test
  void truncatedJsonIsAnInvalidResponse() {
    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> transport.parseJson(response(200, "{\"id\":\"a\",\"cou", true), adapter));
    assertTrue(e.getMessage().contains("JSON"), e.getMessage());
    assertTrue(e.isRetrySafe(), "a read may be retried");
  }

  @Test
  void wrongContentIsAnInvalidResponse() {
    assertThrows(InvalidResponseException.class, () -> transport.parseJson(response(200, "OK", true), adapter));
    assertThrows(InvalidResponseException.class, () -> transport.parseJson(response(200, "null", true), adapter));
  }

  @Test
  void jsonOfTheWrongShapeIsAnInvalidResponse() {
    InvalidResponseException e =
        assertThrows(
            InvalidResponseException.class,
            () -> transport.parseJson(response(200, "{\"count\":{\"a\":1}}", true), adapter));
    assertTrue(e.getMessage().contains("$.count"), e.getMessage());
    assertThrows(
        InvalidResponseException.class, () -> transport.parseJson(response(200, "[1,2]", true), adapter));
  }

  @Test
  void deeplyNestedJsonDoesNotEscapeAsAnError() {
    StringBuilder deep = new StringBuilder("{\"id\":");
    for (int i = 0; i < 10_000; i++) deep.append('[');
    JsonAdapter<Map<String, Object>> map =
        PayKitJson.moshi().adapter(com.squareup.moshi.Types.newParameterizedType(Map.class, String.class, Object.class));
    assertThrows(
        InvalidResponseException.class, () -> transport.parseJson(response(200, deep.toString(), true), map));
  }

  @Test
  void snippetsAndMessagesAreMasked() {
    String body = "{\"accessToken\":\"eyJhbGciOi.secret.part\",\"sign\":\"abcdef\",\"echo\":\"" + API_KEY + "\"";
    InvalidResponseException e =
        assertThrows(InvalidResponseException.class, () -> transport.parseJson(response(200, body, true), adapter));
    assertFalse(e.getBodySnippet().contains("eyJhbGciOi"), e.getBodySnippet());
    assertFalse(e.getBodySnippet().contains("abcdef"), e.getBodySnippet());
    assertFalse(e.getBodySnippet().contains(API_KEY), e.getBodySnippet());
    assertTrue(e.getBodySnippet().contains("\"sign\":\"****\""), e.getBodySnippet());
  }

  @Test
  void mapsUnauthorizedToAuthenticationException() {
    ApiException e = transport.apiError(response(401, "", false), null, "authentication_error", "bad key " + API_KEY, null);
    assertInstanceOf(AuthenticationException.class, e);
    assertEquals("authentication_error", e.getType());
    assertFalse(e.getMessage().contains(API_KEY), e.getMessage());
    assertTrue(e.isRetrySafe());
  }

  @Test
  void mapsTooManyRequestsToRateLimitWithRetryAfter() {
    ApiException e =
        transport.apiError(response(429, "", false, "Retry-After", "12"), null, "rate_limit_error", "slow down", null);
    RateLimitException r = assertInstanceOf(RateLimitException.class, e);
    assertEquals(Duration.ofSeconds(12), r.getRetryAfter());
  }

  @Test
  void serverErrorOnACreateIsNotRetrySafeButARefusalIs() {
    ApiException fiveHundred = transport.apiError(response(500, "", false, "X-Request-Id", "req_1"), "2000", "api_error", "boom", "d");
    assertFalse(fiveHundred.isRetrySafe());
    assertTrue(fiveHundred.mayHaveReachedServer());
    assertEquals("req_1", fiveHundred.getRequestId());
    assertEquals("d", fiveHundred.getDetail());
    assertEquals("gateway error: HTTP 500, code 2000, type api_error: boom (request id req_1)", fiveHundred.getMessage());

    assertTrue(transport.apiError(response(400, "", false), "1000", null, "bad", null).isRetrySafe());
    assertTrue(transport.apiError(response(500, "", true), null, null, null, null).isRetrySafe());
  }
}
