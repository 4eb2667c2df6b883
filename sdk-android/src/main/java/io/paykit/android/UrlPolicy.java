package io.paykit.android;

import java.util.Locale;

/**
 * Decides what the payment WebView does with a URL it is about to navigate to.
 *
 * <p>Pure Java so that every scheme rule is tested without Android. Immutable and thread-safe.
 */
final class UrlPolicy {
  /** What to do with a navigation. */
  enum Action {
    /** An https page: let the WebView load it. */
    LOAD,
    /** WeChat's H5 middle page: load it with the merchant's authorised Referer. */
    LOAD_WECHAT_H5,
    /** The merchant's success URL: finish with SUCCEEDED. */
    SUCCESS_URL,
    /** The merchant's return URL: finish with PENDING. */
    RETURN_URL,
    /** {@code weixin:}, {@code alipays:}, {@code alipay:}: hand off to the wallet app. */
    OPEN_WALLET,
    /** {@code intent:}: parse, sanitize and hand off to the system. */
    OPEN_INTENT,
    /** Everything else, {@code http:}, {@code file:} and {@code javascript:} included. */
    BLOCK
  }

  static final String WECHAT_H5_HOST = "wx.tenpay.com";

  private final HttpsUrl successPrefix;
  private final HttpsUrl returnPrefix;

  /**
   * Creates a policy.
   *
   * @param successUrlPrefix validated https prefix, or null
   * @param returnUrlPrefix validated https prefix, or null
   */
  UrlPolicy(String successUrlPrefix, String returnUrlPrefix) {
    this.successPrefix = successUrlPrefix == null ? null : HttpsUrl.parse(successUrlPrefix);
    this.returnPrefix = returnUrlPrefix == null ? null : HttpsUrl.parse(returnUrlPrefix);
  }

  Action decide(String url) {
    String scheme = scheme(url);
    if (scheme == null) {
      return Action.BLOCK;
    }
    switch (scheme) {
      case "https":
        HttpsUrl parsed = HttpsUrl.parse(url);
        if (parsed == null) {
          return Action.BLOCK;
        }
        // Success first: a success URL may well sit under the return URL prefix.
        if (parsed.startsWith(successPrefix)) {
          return Action.SUCCESS_URL;
        }
        if (parsed.startsWith(returnPrefix)) {
          return Action.RETURN_URL;
        }
        return WECHAT_H5_HOST.equals(parsed.host) ? Action.LOAD_WECHAT_H5 : Action.LOAD;
      case "weixin":
      case "alipays":
      case "alipay":
        return Action.OPEN_WALLET;
      case "intent":
        return Action.OPEN_INTENT;
      default:
        return Action.BLOCK;
    }
  }

  /**
   * Returns the lower-cased scheme of {@code url}, or null when it has no valid one (RFC 3986: a
   * letter, then letters, digits, {@code + - .}).
   */
  static String scheme(String url) {
    if (url == null) {
      return null;
    }
    int colon = url.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    for (int i = 0; i < colon; i++) {
      char c = url.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
      if (!(letter || (i > 0 && other))) {
        return null;
      }
    }
    return url.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  /** Returns whether {@code s} holds whitespace or control characters, which no URL we accept has. */
  static boolean hasSpaceOrControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The parts of an https URL that matter for matching: lower-cased host, port and path.
   *
   * <p>Hand-parsed rather than through {@link java.net.URI}, which rejects characters that browsers
   * accept; the parse follows the browser where it matters for security (the host is what follows
   * the last {@code @} of the authority, and a backslash ends the authority).
   */
  static final class HttpsUrl {
    final String host;
    final int port;
    final String path;

    private HttpsUrl(String host, int port, String path) {
      this.host = host;
      this.port = port;
      this.path = path;
    }

    /** Returns the parsed URL, or null when {@code url} is not an https URL with a host. */
    static HttpsUrl parse(String url) {
      if (url == null || !"https".equals(scheme(url)) || !url.startsWith("//", 6)) {
        return null;
      }
      String rest = url.substring(8);
      int authorityEnd = indexOfAny(rest, "/\\?#");
      String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
      String afterAuthority = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        authority = authority.substring(at + 1);
      }
      String host;
      String portText;
      if (authority.startsWith("[")) {
        int close = authority.indexOf(']');
        if (close < 0) {
          return null;
        }
        host = authority.substring(0, close + 1);
        portText = authority.substring(close + 1);
      } else {
        int colon = authority.indexOf(':');
        host = colon < 0 ? authority : authority.substring(0, colon);
        portText = colon < 0 ? "" : authority.substring(colon);
      }
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      if (host.isEmpty() || hasSpaceOrControl(host)) {
        return null;
      }
      int port = 443;
      if (!portText.isEmpty()) {
        if (portText.charAt(0) != ':' || portText.length() > 6) {
          return null;
        }
        String digits = portText.substring(1);
        if (!digits.isEmpty()) {
          for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
              return null;
            }
          }
          port = Integer.parseInt(digits);
        }
      }
      int pathEnd = indexOfAny(afterAuthority, "?#");
      String path = pathEnd < 0 ? afterAuthority : afterAuthority.substring(0, pathEnd);
      if (path.isEmpty()) {
        path = "/";
      }
      return new HttpsUrl(host.toLowerCase(Locale.ROOT), port, path.replace('\\', '/'));
    }

    /** Returns {@code scheme://host[:port]/}, the origin as a base URL. */
    String origin() {
      return "https://" + host + (port == 443 ? "" : ":" + port) + "/";
    }

    boolean startsWith(HttpsUrl prefix) {
      return prefix != null
          && host.equals(prefix.host)
          && port == prefix.port
          && path.startsWith(prefix.path);
    }

    private static int indexOfAny(String s, String chars) {
      for (int i = 0; i < s.length(); i++) {
        if (chars.indexOf(s.charAt(i)) >= 0) {
          return i;
        }
      }
      return -1;
    }
  }
}
