package io.paykit.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Masks credentials and signatures before text reaches a log line or an exception: by name (headers,
 * parameters, JSON fields) and, as a second line of defence, by value (the client's own secrets).
 */
final class Redactor {
  static final String MASK = "****";

  private static final Set<String> SENSITIVE_NAMES =
      Collections.unmodifiableSet(
          new HashSet<>(
              Arrays.asList(
                  "authorization",
                  "proxy-authorization",
                  "cookie",
                  "set-cookie",
                  "access_token",
                  "accesstoken",
                  "appkey",
                  "app_secret",
                  "secret",
                  "secret_key",
                  "api_key",
                  "apikey",
                  "key",
                  "sign",
                  "signature",
                  "qbitpay-signature",
                  "password",
                  "token",
                  "refresh_token",
                  "private_key")));

  /** A JSON string member whose name is sensitive: {@code "sign" : "…"}. */
  private static final Pattern JSON_MEMBER =
      Pattern.compile("\"([A-Za-z_\\-]+)\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"");
  /** A form or query pair whose name is sensitive: {@code sign=…}. */
  private static final Pattern FORM_PAIR = Pattern.compile("(^|[?&\\s])([A-Za-z_\\-]+)=([^&\\s\"]*)");

  private final List<String> secrets;

  Redactor(List<String> secrets) {
    List<String> kept = new ArrayList<>();
    for (String s : secrets) {
      // Very short values would mask ordinary words; they are not secrets worth the name anyway.
      if (s != null && s.length() >= 6) kept.add(s);
    }
    this.secrets = Collections.unmodifiableList(kept);
  }

  static boolean isSensitive(String name) {
    return name != null && SENSITIVE_NAMES.contains(name.toLowerCase(Locale.ROOT));
  }

  String params(Map<String, Object> params) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Object> e : params.entrySet()) {
      if (!first) sb.append(", ");
      first = false;
      sb.append(e.getKey()).append('=');
      sb.append(isSensitive(e.getKey()) ? MASK : text(String.valueOf(e.getValue())));
    }
    return sb.append('}').toString();
  }

  String url(HttpUrl url) {
    if (url.querySize() == 0) return text(url.toString());
    HttpUrl.Builder b = url.newBuilder().query(null);
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      b.addQueryParameter(name, value == null ? null : isSensitive(name) ? MASK : value);
    }
    return text(b.build().toString());
  }

  /** Masks sensitive JSON members, form pairs and known secret values in free text. */
  String text(String text) {
    if (text == null || text.isEmpty()) return text;
    String out = text;
    for (String s : secrets) {
      if (out.contains(s)) out = out.replace(s, MASK);
    }
    out = replace(JSON_MEMBER, out, m -> isSensitive(m.group(1))
        ? "\"" + m.group(1) + "\"" + m.group(2) + "\"" + MASK + "\"" : m.group());
    out = replace(FORM_PAIR, out, m -> isSensitive(m.group(2))
        ? m.group(1) + m.group(2) + "=" + MASK : m.group());
    return out;
  }

  private static String replace(Pattern p, String text, Function<Matcher, String> r) {
    Matcher m = p.matcher(text);
    if (!m.find()) return text;
    StringBuffer sb = new StringBuffer(text.length());
    do {
      m.appendReplacement(sb, Matcher.quoteReplacement(r.apply(m)));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }
}
