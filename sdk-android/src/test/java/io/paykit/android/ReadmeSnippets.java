package io.paykit.android;

import android.app.Activity;
import android.content.Intent;

/**
 * The root README's Android snippet, compiled against the Android stubs; the README check in
 * sdk-examples reads the region between the {@code README:} markers.
 */
abstract class ReadmeSnippets extends Activity {
  static final int PAY = 1;

  void startPayment(String paymentPageUrl, String accessToken, String orderId) {
    // README:android
    // The page URL and token come from your server (QbitPayClient.paymentPageUrl / accessToken).
    PaymentRequest request = PaymentRequest.forPaymentPage(paymentPageUrl)
        .accessToken(accessToken)
        .returnUrlPrefix("https://merchant.example/paid")
        .orderId(orderId)
        .build();
    startActivityForResult(PaymentActivity.createIntent(this, request), PAY);
    // README:end
  }

  @Override
  protected void onActivityResult(int requestCode, int resultCode, Intent data) {
    PaymentResult result = PaymentResult.fromActivityResult(resultCode, data);
    // PENDING or SUCCEEDED: ask your server, which trusts only the verified notification.
    askServerForOrderState(result.orderId(), result.status());
  }

  abstract void askServerForOrderState(String orderId, PaymentResult.Status status);
}
