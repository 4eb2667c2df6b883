package io.paykit.android;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the kinds of 银钱通 {@code pay_body}. Pure Java; stateless. */
final class PayBody {
  /** The {@code pay_body} kinds named by the 银钱通 contract. */
  enum Kind {
    /** An auto-submitting HTML form (Alipay PC and H5). */
    HTML_FORM,
    /** A URL to open (WeChat H5). */
    REDIRECT_URL,
    /** A JSON object of WeChat JSAPI parameters (WeChat official accounts). */
    WECHAT_JSAPI,
    /** Anything else: app-SDK parameters, QR code content, garbage. */
    OTHER
  }

  private static final Pattern FORM_ACTION =
      Pattern.compile(
          "<form\\b[^>]*?\\baction\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private PayBody() {}

  static Kind classify(String payBody) {
    String body = payBody.trim();
    if (body.startsWith("<")) {
      return Kind.HTML_FORM;
    }
    if (body.startsWith("{")) {
      return Kind.WECHAT_JSAPI;
    }
    String scheme = UrlPolicy.scheme(body);
    if ("https".equals(scheme) || "http".equals(scheme)) {
      return Kind.REDIRECT_URL;
    }
    return Kind.OTHER;
  }

  /** Returns the first form's {@code action}, entity {@code &amp;} decoded, or null if none. */
  static String formAction(String html) {
    Matcher m = FORM_ACTION.matcher(html);
    if (!m.find()) {
      return null;
    }
    String raw = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    return raw.trim().replace("&amp;", "&");
  }
}
