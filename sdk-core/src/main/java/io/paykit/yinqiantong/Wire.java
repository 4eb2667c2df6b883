package io.paykit.yinqiantong;

/** Reads the loosely typed scalars the gateway sends: numbers and numeric strings alike. */
final class Wire {
  private Wire() {}

  /**
   * Returns the integral value of {@code text} ({@code "1"}, {@code "1.0"}, {@code " 1 "}), or null
   * when it is absent or not an integer that fits a long. Plain integers only, optionally with a zero
   * fraction: no exponents, since {@code 1e-999999999} would make an exact decimal conversion compute a
   * gigantic power of ten, and {@code ts} is read before a notification's signature is checked.
   */
  static Long integer(String text) {
    if (text == null || text.length() > 64) return null;
    int n = text.length();
    int i = skipSpaces(text, 0);
    int start = i;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
    int digits = i;
    while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
    if (i == digits || i - digits > 19) return null;
    int end = i;
    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && text.charAt(i) == '0') i++;
    }
    if (skipSpaces(text, i) != n) return null;
    try {
      return Long.parseLong(text.substring(start, end));
    } catch (NumberFormatException overflow) {
      return null;
    }
  }

  /** Skips what the regex class {@code \s} matches: space, tab, LF, VT, FF, CR. */
  private static int skipSpaces(String text, int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != ' ' && (c < '\t' || c > '\r')) break;
      i++;
    }
    return i;
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
