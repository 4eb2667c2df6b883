package io.paykit.qbitpay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtTest {
  private static String token(String payloadJson) {
    return "eyJhbGciOiJIUzI1NiJ9."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }

  @Test
  void readsExpInSecondsFromAUrlSafeUnpaddedPayload() {
    assertEquals(Instant.ofEpochSecond(1553701599L), Jwt.expiry(TestSupport.jwt(1553701599L)));
    assertEquals(Instant.ofEpochSecond(1553701599L), Jwt.expiry(token("{\"exp\":1553701599.9}")));
    assertEquals(Instant.ofEpochSecond(1553701599L), Jwt.expiry(token("{\"a\":{\"exp\":1},\"exp\":\"1553701599\"}")));
  }

  @Test
  void hasNoExpiryForTokensItCannotRead() {
    String documented = TestSupport.fixture("seed004-access-token.json");
    String value = documented.substring(documented.indexOf("eyJ"), documented.lastIndexOf('"'));
    assertNull(Jwt.expiry(value), "the docs' sample payload is truncated");
    assertNull(Jwt.expiry("opaque-token"));
    assertNull(Jwt.expiry("a.!!!.c"));
    assertNull(Jwt.expiry(token("[1]")));
    assertNull(Jwt.expiry(token("{\"iat\":1}")));
    assertNull(Jwt.expiry(token("{\"exp\":true}")));
    assertNull(Jwt.expiry(token("{\"exp\":-5}")));
    assertNull(Jwt.expiry(token("{\"exp\":1e400}")));
    assertNull(Jwt.expiry(null));
  }
}
