package io.paykit.sandbox;

import okhttp3.HttpUrl;

/** URL checks shared by the gateways. */
final class Urls {
  private Urls() {}

  /** Whether the text is an absolute http or https URL. */
  static boolean isHttpUrl(String s) {
    return s != null && HttpUrl.parse(s) != null;
  }

  static String html(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }
}
