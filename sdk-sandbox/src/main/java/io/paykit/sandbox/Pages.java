package io.paykit.sandbox;

/** The sandbox's tiny HTML pages: checkout pages a browser or WebView can open. */
final class Pages {
  private Pages() {}

  static String page(String title, String bodyHtml) {
    return "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        + "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        + "<title>"
        + Urls.html(title)
        + "</title><style>body{font-family:sans-serif;margin:2em}button{font-size:1.2em}</style>"
        + "</head><body><h1>"
        + Urls.html(title)
        + "</h1><p><i>PayKit sandbox: no real money moves.</i></p>"
        + bodyHtml
        + "</body></html>";
  }

  /** A button that simulates the payer (POST /sandbox/pay), then follows the return URL if any. */
  static String payButton(String gateway, String id, String returnUrl) {
    return "<button id='pay' type='button'>Pay</button> <span id='result'></span><script>\n"
        + "document.getElementById('pay').onclick = function () {\n"
        + "  fetch('/sandbox/pay?gateway="
        + gateway
        + "&id=' + encodeURIComponent("
        + jsString(id)
        + "), {method: 'POST'})\n"
        + "    .then(function (r) { return r.json(); })\n"
        + "    .then(function (j) { document.getElementById('result').textContent = j.ok ? 'paid' : j.error;"
        + " var back = "
        + (returnUrl == null ? "null" : jsString(returnUrl))
        + "; if (j.ok && back) location.href = back; });\n"
        + "};\n</script>";
  }

  /** A JavaScript string literal safe inside an HTML script element. */
  static String jsString(String s) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '\\' || c == '<' || c == '>' || c == '&' || c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }
}
