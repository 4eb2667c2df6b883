/**
 * In-app payment UI for Android (API 21+): {@link io.paykit.android.PaymentActivity} shows a
 * {@link io.paykit.android.PaymentRequest} in a WebView, hands off to Alipay or WeChat, and returns
 * a {@link io.paykit.android.PaymentResult}.
 *
 * <p>This module holds no merchant secret: the app's server creates the order with sdk-core and
 * passes the page URL, access token or {@code pay_body} to the app. The result is what the screen
 * saw; the server decides whether the order is paid, from the gateway's verified notification.
 */
package io.paykit.android;
