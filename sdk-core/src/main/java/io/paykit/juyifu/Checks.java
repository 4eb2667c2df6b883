package io.paykit.juyifu;

import io.paykit.http.ApiRequest;

/** Argument checks shared by the params builders and the client; each names the field it rejects. */
final class Checks {
  private Checks() {}

  static <T> T notNull(String field, T value) {
    if (value == null) throw new IllegalArgumentException(field + " is required");
    return value;
  }

  /** Accepts null (not set) and any string of at most {@code max} characters (code points). */
  static String maxLength(String field, String value, int max) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      throw new IllegalArgumentException(field + " must be at most " + max + " characters");
    }
    return value;
  }

  /** Requires a non-empty string of at most {@code max} characters. */
  static String required(String field, String value, int max) {
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return maxLength(field, value, max);
  }

  /**
   * Requires an id safe to put in a path or query: non-empty, at most 128 characters of {@code
   * [A-Za-z0-9_.:-]}.
   */
  static String id(String field, String value) {
    return ApiRequest.pathSegment(field, value);
  }

  static long positive(String field, long value) {
    if (value <= 0) throw new IllegalArgumentException(field + " must be > 0: " + value);
    return value;
  }

  static long nonNegative(String field, long value) {
    if (value < 0) throw new IllegalArgumentException(field + " must be >= 0: " + value);
    return value;
  }
}
