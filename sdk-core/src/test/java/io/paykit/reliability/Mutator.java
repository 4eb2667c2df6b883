package io.paykit.reliability;

import java.util.Random;

/** Seeded mutations of valid samples, plus purely random text: the suite's property-based generator. */
final class Mutator {
  private static final String[] TOKENS = {
    "{", "}", "[", "]", "\"", "\\\"", "\\", ":", ",", "&", "=", "}&", "]&", " ", "\n", "\t", "\r",
    "\u0000", "null", "true", "\"\"", "0", "-0", "1e999999", "123456789012345678901234567890.5",
    "\\u0000", "\\ud800", "\ud800", "\uD83D\uDE00", "支付", "\u2028", ",\"id\":\"evt_forged\"",
    ",\"data\":{}", ",\"type\":\"charge.succeeded\"", ",\"money\":100000", ",\"status\":\"1\"",
    "&id=evt_forged", "&money=100000", "}}", "]]", "\\/", "\\n", "\uFEFF"
  };

  private static final String SYNTAX = "{}[]\",:\\&= ";

  private final Random random;

  Mutator(long seed) {
    this.random = new Random(seed);
  }

  Random random() {
    return random;
  }

  /** One to three random mutations of {@code sample}. */
  String mutate(String sample) {
    String s = sample;
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) s = mutateOnce(s);
    return s;
  }

  private String mutateOnce(String s) {
    int len = s.length();
    int at = len == 0 ? 0 : random.nextInt(len + 1);
    switch (random.nextInt(12)) {
      case 0: // flip a char
        if (len == 0) return s;
        int i = random.nextInt(len);
        return s.substring(0, i) + (char) (s.charAt(i) ^ (1 << random.nextInt(7))) + s.substring(i + 1);
      case 1: // truncate
        return s.substring(0, at);
      case 2: // delete a range
        int end = Math.min(len, at + 1 + random.nextInt(8));
        return s.substring(0, at) + s.substring(end);
      case 3: // insert a token
        return s.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + s.substring(at);
      case 4: // deep nesting
        return s.substring(0, at) + deep(1 + random.nextInt(3000)) + s.substring(at);
      case 5: // whitespace between anything
        return s.substring(0, at) + (random.nextBoolean() ? " " : "\n  ") + s.substring(at);
      case 6: // escape one ASCII letter as \\u00XX
        for (int k = 0; k < 20 && len > 0; k++) {
          int j = random.nextInt(len);
          char c = s.charAt(j);
          if (Character.isLetterOrDigit(c) && c < 128) {
            return s.substring(0, j) + String.format("\\u%04x", (int) c) + s.substring(j + 1);
          }
        }
        return s;
      case 7: // duplicate a slice (duplicated keys, repeated members)
        if (len == 0) return s;
        int from = random.nextInt(len);
        int to = Math.min(len, from + 1 + random.nextInt(40));
        return s.substring(0, at) + s.substring(from, to) + s.substring(at);
      case 8: // swap two chars (reordering)
        if (len < 2) return s;
        int a = random.nextInt(len);
        int b = random.nextInt(len);
        char[] chars = s.toCharArray();
        char t = chars[a];
        chars[a] = chars[b];
        chars[b] = t;
        return new String(chars);
      case 9: // huge number
        return s.substring(0, at) + hugeNumber() + s.substring(at);
      case 10: // change a digit
        for (int k = 0; k < 20 && len > 0; k++) {
          int j = random.nextInt(len);
          if (Character.isDigit(s.charAt(j))) {
            return s.substring(0, j) + (char) ('0' + (s.charAt(j) - '0' + 1) % 10) + s.substring(j + 1);
          }
        }
        return s;
      default: // random garbage
        return s.substring(0, at) + randomText(1 + random.nextInt(12)) + s.substring(at);
    }
  }

  String randomText(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(4);
      b.append(kind == 0 ? (char) random.nextInt(0x10000) : kind == 1 ? SYNTAX
          .charAt(random.nextInt(SYNTAX.length())) : (char) (0x20 + random.nextInt(0x5f)));
    }
    return b.toString();
  }

  String hugeNumber() {
    StringBuilder b = new StringBuilder(random.nextBoolean() ? "-" : "");
    int digits = 20 + random.nextInt(400);
    for (int i = 0; i < digits; i++) b.append((char) ('1' + random.nextInt(9)));
    if (random.nextBoolean()) b.append("e").append(random.nextInt(Integer.MAX_VALUE));
    return b.toString();
  }

  static String deep(int depth) {
    StringBuilder b = new StringBuilder(depth * 2 + 1);
    for (int i = 0; i < depth; i++) b.append(i % 2 == 0 ? '[' : '{').append(i % 2 == 0 ? "" : "\"a\":");
    b.append('1');
    for (int i = depth - 1; i >= 0; i--) b.append(i % 2 == 0 ? ']' : '}');
    return b.toString();
  }
}
