package io.paykit.juyifu;

import io.paykit.json.PayKitJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed fields out of a {@link JsonTree}, tolerating the drafts' disagreements (numbers or
 * numeric strings, unpadded dates, ids as numbers) and refusing only what cannot be read safely: an
 * amount that is not an integer is a {@link WireException}, never a guess.
 */
final class Wire {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-M-d", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private Wire() {}

  /** A field the gateway sent in a shape that cannot be read without guessing. */
  static final class WireException extends Exception {
    private static final long serialVersionUID = 1L;

    WireException(String message) {
      super(message);
    }
  }

  /** Returns the value as an object, or an empty map when it is absent or not an object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Collections.<String, Object>emptyMap();
  }

  /** Returns whether {@code key} holds a JSON object. */
  static boolean isObject(Map<String, Object> m, String key) {
    return m.get(key) instanceof Map;
  }

  /**
   * Returns a string, number or boolean field as text; null when absent, null, or an object or array
   * (a shape no id or name can have).
   */
  static String string(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v instanceof String || v instanceof JsonTree.Num || v instanceof Boolean) return v.toString();
    return null;
  }

  /** Returns the first of the keys that holds a text value, or null. */
  static String string(Map<String, Object> m, String key, String alternative) {
    String v = string(m, key);
    return v != null ? v : string(m, alternative);
  }

  /**
   * Reads an integer sent as a number or a numeric string ({@code 100}, {@code "100"}, {@code 100.0});
   * null when absent, null or empty.
   *
   * @throws WireException if the value is present but not an integer that fits a long
   */
  static Long longValue(Map<String, Object> m, String key, String path) throws WireException {
    Object v = m.get(key);
    if (v == null) return null;
    if (!(v instanceof String) && !(v instanceof JsonTree.Num)) {
      throw new WireException("expected an integer at " + path + "." + key);
    }
    Long parsed = parseLong(v.toString());
    if (parsed == null) {
      if (v.toString().trim().isEmpty()) return null;
      throw new WireException("expected an integer at " + path + "." + key);
    }
    return parsed;
  }

  /** Like {@link #longValue} for int fields (types, platforms, counts). */
  static Integer intValue(Map<String, Object> m, String key, String path) throws WireException {
    Long v = longValue(m, key, path);
    if (v == null) return null;
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new WireException("integer out of range at " + path + "." + key);
    }
    return v.intValue();
  }

  /** Parses an integer written as {@code 100}, {@code 100.0} or {@code 1e2}; null if it is not one. */
  static Long parseLong(String text) {
    String t = text.trim();
    if (t.isEmpty() || t.length() > 40) return null;
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      try {
        return new BigDecimal(t).longValueExact();
      } catch (NumberFormatException | ArithmeticException e2) {
        return null;
      }
    }
  }

  /** Reads {@code true}/{@code false} or {@code 1}/{@code 0}, as booleans or text; otherwise null. */
  static Boolean bool(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v instanceof Boolean) return (Boolean) v;
    if (v == null) return null;
    String t = v.toString().trim();
    if (t.equals("1") || t.equalsIgnoreCase("true")) return Boolean.TRUE;
    if (t.equals("0") || t.equalsIgnoreCase("false")) return Boolean.FALSE;
    return null;
  }

  /**
   * Reads 聚易付's {@code yyyy-M-d HH:mm:ss} (zero padding optional) at Asia/Shanghai; null when absent
   * or not such a timestamp. Dates are informational: an odd one must not fail a create that worked.
   */
  static Instant shanghai(Map<String, Object> m, String key) {
    String text = string(m, key);
    if (text == null || text.trim().isEmpty()) return null;
    try {
      return PayKitJson.parseShanghai(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Reads a calendar date {@code yyyy-MM-dd} (zero padding optional); null when absent or unreadable. */
  static LocalDate date(Map<String, Object> m, String key) {
    String text = string(m, key);
    if (text == null) return null;
    try {
      return LocalDate.parse(text.trim(), DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Renders a value as text: a string as itself, a number or boolean as written, an object or array as
   * compact JSON in the order received; null for JSON null or absent.
   */
  static String raw(Object value) {
    if (value == null) return null;
    if (value instanceof Map || value instanceof List) return JsonTree.compact(value);
    return value.toString();
  }

  /** Renders every top-level field with {@link #raw}, except {@code sign}, keeping the order. */
  static Map<String, String> fields(Map<String, Object> m) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (!e.getKey().equals("sign")) out.put(e.getKey(), raw(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }
}
