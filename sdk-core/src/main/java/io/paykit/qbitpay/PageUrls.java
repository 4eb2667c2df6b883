package io.paykit.qbitpay;

import java.nio.charset.StandardCharsets;

/**
 * Appends {@code accessToken=<token>} to a hosted payment page URL. Qbit Pay's page is a single-page
 * app whose query lives after the {@code #} fragment ({@code https://host/?zh#/otc/payment?tradeId=X}),
 * so the parameter goes into the fragment's query when there is a fragment, and into the URL's query
 * otherwise.
 */
final class PageUrls {
  static final String PARAM = "accessToken";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PageUrls() {}

  static String withAccessToken(String pageUrl, String token) {
    String encoded = encode(token);
    int hash = pageUrl.indexOf('#');
    if (hash >= 0) {
      return pageUrl.substring(0, hash + 1) + appendParam(pageUrl.substring(hash + 1), encoded);
    }
    return appendParam(pageUrl, encoded);
  }

  /** Appends the parameter to {@code s}'s query, replacing an {@code accessToken} already there. */
  private static String appendParam(String s, String encodedToken) {
    int q = s.indexOf('?');
    if (q < 0) return s + '?' + PARAM + '=' + encodedToken;
    StringBuilder out = new StringBuilder(s.length() + encodedToken.length() + 16);
    out.append(s, 0, q + 1);
    for (String part : s.substring(q + 1).split("&", -1)) {
      if (part.isEmpty() || part.equals(PARAM) || part.startsWith(PARAM + "=")) continue;
      out.append(part).append('&');
    }
    return out.append(PARAM).append('=').append(encodedToken).toString();
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters (a JWT needs no encoding). */
  static String encode(String value) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (unreserved(c)) {
        if (out != null) out.append(c);
        continue;
      }
      if (out == null) out = new StringBuilder(value.length() + 16).append(value, 0, i);
      int end = i + 1;
      if (Character.isHighSurrogate(c) && end < value.length()
          && Character.isLowSurrogate(value.charAt(end))) {
        end++;
      }
      for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
      i = end - 1;
    }
    return out == null ? value : out.toString();
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
