package io.paykit.yinqiantong;

/**
 * What an order's {@code pay_body} holds, and so what the caller does with it. Detected from the
 * content itself, not only from the channel and platform.
 */
public enum PayBodyKind {
  /**
   * An auto-submitting HTML form (Alipay PC and H5): serve it as the page, or hand it to a WebView.
   */
  HTML_FORM,
  /** An absolute http(s) URL (WeChat H5's {@code mweb_url}): send the payer's browser there. */
  REDIRECT_URL,
  /**
   * A JSON object of WeChat JSAPI parameters (official account, mini-program): pass it to {@code
   * WeixinJSBridge getBrandWCPayRequest} or {@code wx.requestPayment}.
   */
  WECHAT_JSAPI,
  /**
   * Anything else (app and scan payments, undocumented upstream): pass it through unchanged, for
   * example to the channel's app SDK or into a QR code.
   */
  OPAQUE
}
