package io.paykit.juyifu;

import java.util.Map;

/**
 * 聚易付's response envelope {@code {code, message, total|count, data}}. Success is {@code code} 0, or the
 * string {@code "0000"} that the draft's error table lists.
 */
final class Envelope {
  final String code;
  final String message;
  final Long total;
  final Object data;

  private Envelope(String code, String message, Long total, Object data) {
    this.code = code;
    this.message = message;
    this.total = total;
    this.data = data;
  }

  static Envelope of(Map<String, Object> root) {
    String code = Wire.string(root, "code");
    String message = Wire.string(root, "message", "msg");
    // The draft's table says total, its example says count; a garbled count is not worth failing for.
    Long total = lenientLong(root, "total");
    if (total == null) total = lenientLong(root, "count");
    return new Envelope(code == null ? null : code.trim(), message, total, root.get("data"));
  }

  private static Long lenientLong(Map<String, Object> m, String key) {
    String text = Wire.string(m, key);
    return text == null ? null : Wire.parseLong(text);
  }

  boolean hasCode() {
    return code != null && !code.isEmpty();
  }

  boolean isSuccess() {
    if (!hasCode()) return false;
    if (code.equals("0000")) return true;
    Long n = Wire.parseLong(code);
    return n != null && n == 0L;
  }
}
