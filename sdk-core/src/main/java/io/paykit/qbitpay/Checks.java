package io.paykit.qbitpay;

import io.paykit.http.ApiRequest;
import java.math.BigDecimal;

/** Validation shared by the params builders; every failure names the field. */
final class Checks {
  /** Qbit Pay amounts carry at most 8 decimals (crypto quantities); more is a caller mistake. */
  static final int MAX_AMOUNT_SCALE = 8;
  /** Keeps {@code toPlainString()} short: {@code 1E+1000000} would print a million digits. */
  static final int MAX_AMOUNT_INTEGER_DIGITS = 15;
  static final int MAX_ID_LENGTH = 128;
  static final int MAX_TEXT_LENGTH = 256;
  static final int MAX_URL_LENGTH = 2048;
  static final int MAX_CURRENCY_LENGTH = 10;

  private Checks() {}

  static BigDecimal amount(String field, BigDecimal value) {
    if (value == null) throw new IllegalArgumentException(field + " is required");
    if (value.signum() <= 0) throw new IllegalArgumentException(field + " must be greater than 0");
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > MAX_AMOUNT_SCALE) {
      throw new IllegalArgumentException(
          field + " has more than " + MAX_AMOUNT_SCALE + " decimal places");
    }
    if (stripped.precision() - stripped.scale() > MAX_AMOUNT_INTEGER_DIGITS) {
      throw new IllegalArgumentException(field + " is too large");
    }
    return value;
  }

  static String currency(String field, String value, boolean required) {
    if (value == null) {
      if (required) throw new IllegalArgumentException(field + " is required");
      return null;
    }
    if (value.isEmpty() || value.length() > MAX_CURRENCY_LENGTH) {
      throw new IllegalArgumentException(
          field + " must be 1 to " + MAX_CURRENCY_LENGTH + " uppercase letters, such as USD");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 'A' || c > 'Z') {
        throw new IllegalArgumentException(field + " must be uppercase letters, such as USD or USDT");
      }
    }
    return value;
  }

  /** Free text or an id: non-empty, bounded, no control characters. */
  static String text(String field, String value, int maxLength, boolean required) {
    if (value == null) {
      if (required) throw new IllegalArgumentException(field + " is required");
      return null;
    }
    if (value.isEmpty()) throw new IllegalArgumentException(field + " must not be empty");
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException(field + " has a control character at " + i);
      }
    }
    return value;
  }

  /** An absolute http(s) URL, sent exactly as given. */
  static String url(String field, String value, boolean required) {
    if (value == null) {
      if (required) throw new IllegalArgumentException(field + " is required");
      return null;
    }
    if (value.length() > MAX_URL_LENGTH) {
      throw new IllegalArgumentException(field + " is longer than " + MAX_URL_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // A URL we send must be exactly the one we checked: nothing to trim or encode on the way.
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            field + " has a space, control or non-ASCII character at " + i);
      }
    }
    if (!ApiRequest.isAbsoluteHttpUrl(value)) {
      throw new IllegalArgumentException(field + " must be an absolute http or https URL");
    }
    return value;
  }
}
