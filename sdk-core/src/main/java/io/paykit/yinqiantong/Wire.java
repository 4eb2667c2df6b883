package io.paykit.yinqiantong;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the loosely typed scalars the gateway sends: numbers and numeric strings alike. */
final class Wire {
  /**
   * Plain integers, optionally with a zero fraction ({@code 1.0}). No exponents: {@code 1e-999999999}
   * would make an exact decimal conversion compute a gigantic power of ten, and {@code ts} is read
   * before a notification's signature is checked.
   */
  private static final Pattern INTEGER = Pattern.compile("\\s*([+-]?\\d{1,19})(?:\\.0*)?\\s*");

  private Wire() {}

  /**
   * Returns the integral value of {@code text} ({@code "1"}, {@code "1.0"}, {@code " 1 "}), or null
   * when it is absent or not an integer that fits a long.
   */
  static Long integer(String text) {
    if (text == null || text.length() > 64) return null;
    Matcher m = INTEGER.matcher(text);
    if (!m.matches()) return null;
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException overflow) {
      return null;
    }
  }

  /** Returns whether the text is one or more of {@code [0-9A-Za-z]}. */
  static boolean isAlphanumeric(String text) {
    if (text.isEmpty()) return false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
    }
    return true;
  }

  /** Returns whether the text is null or empty. */
  static boolean isEmpty(String text) {
    return text == null || text.isEmpty();
  }
}
