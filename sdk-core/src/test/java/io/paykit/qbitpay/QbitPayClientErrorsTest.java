package io.paykit.qbitpay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.ApiException;
import io.paykit.AuthenticationException;
import io.paykit.InvalidResponseException;
import io.paykit.RateLimitException;
import java.io.IOException;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Error responses in the documented fields (seed 004 § 错误), at the top level and in an envelope. */
class QbitPayClientErrorsTest {
  private final MockWebServer server = new MockWebServer();
  private final TestSupport.RecordingSleeper sleeper = new TestSupport.RecordingSleeper();
  private QbitPayClient client;

  @BeforeEach
  void start() throws IOException {
    server.start();
    client = TestSupport.client(server, sleeper).maxRetries(0).build();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private void answer(int status, String body) {
    server.enqueue(new MockResponse().setResponseCode(status).setBody(body));
  }

  @Test
  void topLevelErrorFieldsBecomeAnApiException() {
    answer(404, "{\"type\":\"invalid_request_error\",\"message\":\"No such charge\",\"detail\":\"id: nope\"}");

    ApiException e = assertThrows(ApiException.class, () -> client.retrieveCharge("nope"));

    assertEquals(ApiException.class, e.getClass());
    assertEquals(404, e.getHttpStatus());
    assertEquals("invalid_request_error", e.getType());
    assertEquals("No such charge", e.getGatewayMessage());
    assertEquals("id: nope", e.getDetail());
    assertTrue(e.isRetrySafe());
    assertTrue(e.getMessage().contains("No such charge"), e.getMessage());
  }

  @Test
  void anErrorEnvelopeIsReadTheSameWay() {
    answer(402, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Charge is not pending\","
        + "\"detail\":{\"status\":\"closed\"}}}");

    ApiException e = assertThrows(ApiException.class, () -> client.markBuyerPaid("ifDOu5uTSTy9i"));

    assertEquals(402, e.getHttpStatus());
    assertEquals("invalid_request_error", e.getType());
    assertEquals("Charge is not pending", e.getGatewayMessage());
    assertEquals("{\"status\":\"closed\"}", e.getDetail());
    assertEquals(1, server.getRequestCount(), "a refusal is not reconciled");
  }

  @Test
  void status401IsAnAuthenticationExceptionWhateverTheBody() {
    answer(401, "{\"type\":\"authentication_error\",\"message\":\"Invalid API Key provided: my_api_key\"}");
    answer(401, "Unauthorized");

    AuthenticationException json = assertThrows(AuthenticationException.class, () -> client.retrieveCharge("c1"));
    AuthenticationException text = assertThrows(AuthenticationException.class, () -> client.retrieveCharge("c1"));

    assertEquals("authentication_error", json.getType());
    assertFalse(json.getMessage().contains("my_api_key"), "the key is masked: " + json.getMessage());
    assertFalse(json.getGatewayMessage().contains("my_api_key"));
    assertEquals(401, text.getHttpStatus());
  }

  @Test
  void status403WithRateLimitErrorIsARateLimitException() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(403)
            .setHeader("Retry-After", "7")
            .setBody("{\"type\":\"rate_limit_error\",\"message\":\"Too many concurrent requests\"}"));

    RateLimitException e = assertThrows(RateLimitException.class, () -> client.retrieveCharge("c1"));

    assertEquals(403, e.getHttpStatus());
    assertEquals("rate_limit_error", e.getType());
    assertEquals(Duration.ofSeconds(7), e.getRetryAfter());
    assertTrue(e.isRetrySafe());
  }

  @Test
  void status403WithAnotherTypeIsAPlainApiException() {
    answer(403, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Forbidden\"}}");

    ApiException e = assertThrows(ApiException.class, () -> client.retrieveCharge("c1"));

    assertEquals(ApiException.class, e.getClass());
    assertEquals(403, e.getHttpStatus());
  }

  @Test
  void status429IsARateLimitException() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3").setBody("slow down"));

    RateLimitException e = assertThrows(RateLimitException.class, () -> client.listCharges());

    assertEquals(429, e.getHttpStatus());
    assertEquals(Duration.ofSeconds(3), e.getRetryAfter());
  }

  @Test
  void anHtml502IsAnInvalidResponseWithAMaskedSnippet() {
    answer(502, "<html><body>502 Bad Gateway my_api_key</body></html>");

    InvalidResponseException e = assertThrows(InvalidResponseException.class, () -> client.retrieveCharge("c1"));

    assertEquals(502, e.getHttpStatus());
    assertTrue(e.getBodySnippet().startsWith("<html><body>502 Bad Gateway"), e.getBodySnippet());
    assertFalse(e.getBodySnippet().contains("my_api_key"), e.getBodySnippet());
    assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
  }

  @Test
  void anEmptyOrMalformedErrorBodyNeverEscapesAsARawException() {
    answer(500, "");
    answer(500, "{\"type\":");
    answer(400, "{\"type\":[\"a\",\"b\"],\"message\":42}");

    assertThrows(InvalidResponseException.class, () -> client.retrieveCharge("c1"));
    assertThrows(InvalidResponseException.class, () -> client.retrieveCharge("c1"));
    ApiException odd = assertThrows(ApiException.class, () -> client.retrieveCharge("c1"));
    assertEquals("[\"a\",\"b\"]", odd.getType());
    assertEquals("42", odd.getGatewayMessage());
  }

  @Test
  void aBareErrorStringIsTakenAsTheMessage() {
    answer(400, "{\"error\":\"amount is required\"}");

    ApiException e = assertThrows(ApiException.class, () -> client.retrieveCharge("c1"));

    assertEquals("amount is required", e.getGatewayMessage());
    assertNull(e.getType());
  }

  @Test
  void unreadableSuccessBodiesAreInvalidResponses() {
    server.enqueue(new MockResponse().setBody("<html>maintenance</html>"));
    server.enqueue(new MockResponse().setBody("{\"id\":\"c1\",\"createdAt\":\"yesterday\"}"));
    server.enqueue(new MockResponse().setBody("{\"object\":\"charge\"}"));
    server.enqueue(new MockResponse().setBody("{\"id\":\"c1\",\"amount\":10.5"));

    assertThrows(InvalidResponseException.class, () -> client.retrieveCharge("c1"));
    assertThrows(InvalidResponseException.class, () -> client.retrieveCharge("c1"));
    assertThrows(InvalidResponseException.class, () -> client.retrieveCharge("c1"), "no id");
    assertThrows(InvalidResponseException.class, () -> client.retrieveCharge("c1"), "truncated");
  }

  @Test
  void readsAreRetriedOn5xxByTheTransport() {
    QbitPayClient retrying = TestSupport.client(server, sleeper).build();
    answer(503, "{\"type\":\"api_error\",\"message\":\"busy\"}");
    server.enqueue(new MockResponse().setBody(TestSupport.fixture("seed004-charge.json")));

    assertEquals("5uTSifDOuTy9i", retrying.retrieveCharge("5uTSifDOuTy9i").getId());
    assertEquals(2, server.getRequestCount());
    assertEquals(1, sleeper.waits.size());
  }
}
