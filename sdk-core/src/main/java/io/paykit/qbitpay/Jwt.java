package io.paykit.qbitpay;

import com.squareup.moshi.JsonReader;
import io.paykit.json.PayKitJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Base64;
import okio.Buffer;

/**
 * Reads the {@code exp} claim of a JWT without verifying it: the token is only passed on to the
 * hosted page, so its expiry is a caching hint, not a security decision.
 */
final class Jwt {
  private Jwt() {}

  /** Returns the token's {@code exp}, or null when the token is not a JWT or has no readable exp. */
  static Instant expiry(String token) {
    if (token == null) return null;
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0) return null;
    byte[] payload = decode(token.substring(first + 1, second));
    if (payload == null) return null;
    try {
      JsonReader reader = JsonReader.of(new Buffer().write(payload));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) return null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (!reader.nextName().equals("exp")) {
          reader.skipValue();
          continue;
        }
        JsonReader.Token t = reader.peek();
        if (t != JsonReader.Token.NUMBER && t != JsonReader.Token.STRING) return null;
        BigDecimal exp = new BigDecimal(reader.nextString().trim());
        if (exp.signum() <= 0 || exp.compareTo(BigDecimal.valueOf(9_999_999_999_999L)) > 0) return null;
        return PayKitJson.fromEpoch(exp.setScale(0, RoundingMode.FLOOR).longValue());
      }
      return null;
    } catch (Exception | StackOverflowError e) {
      // A token whose payload is not JSON (the docs' own sample is truncated) just has no known expiry.
      return null;
    }
  }

  private static byte[] decode(String part) {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getDecoder().decode(part);
      } catch (IllegalArgumentException e2) {
        return null;
      }
    }
  }
}
