package io.paykit.yinqiantong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WireTest {
  /** The rule as first written, kept here as the reference the hand-written reader must match. */
  private static final Pattern INTEGER = Pattern.compile("\\s*([+-]?\\d{1,19})(?:\\.0*)?\\s*");

  private static Long reference(String text) {
    if (text == null || text.length() > 64) return null;
    Matcher m = INTEGER.matcher(text);
    if (!m.matches()) return null;
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException overflow) {
      return null;
    }
  }

  @Test
  void readsIntegersAsTheGatewaySendsThem() {
    assertEquals(1L, Wire.integer("1"));
    assertEquals(1L, Wire.integer(" 1.0 "));
    assertEquals(-20L, Wire.integer("-20."));
    assertEquals(Long.MAX_VALUE, Wire.integer("9223372036854775807"));
    assertNull(Wire.integer("9223372036854775808"));
    assertNull(Wire.integer("1e3"));
    assertNull(Wire.integer("1.5"));
    assertNull(Wire.integer(""));
    assertNull(Wire.integer(null));
  }

  @Test
  void agreesWithTheReferencePatternOnGeneratedText() {
    Random random = new Random(20261122);
    String alphabet = "0123456789 +-.\t\n\u000b\f\re\u00a0\u0661";
    int numbers = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(i % 10 == 0 ? 70 : 24);
      for (int j = 0; j < length; j++) {
        // Mostly digits, so that many strings are numbers.
        s.append(random.nextInt(3) > 0
            ? (char) ('0' + random.nextInt(10))
            : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      Long expected = reference(text);
      assertEquals(expected, Wire.integer(text), text);
      if (expected != null) numbers++;
    }
    assertTrue(numbers > 5_000, "numbers " + numbers);
  }
}
