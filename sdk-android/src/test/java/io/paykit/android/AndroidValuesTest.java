package io.paykit.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import android.app.Activity;
import android.content.ComponentName;
import android.content.Intent;
import android.net.Uri;
import android.os.Bundle;
import io.paykit.android.PaymentResult.Status;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;

/** Result mapping, request extras and intent sanitizing: the parts that need real Android classes. */
@RunWith(RobolectricTestRunner.class)
public class AndroidValuesTest {
  private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtIn0.c2ln";

  @Test
  public void everyStatusSurvivesTheActivityResult() {
    for (Status status : Status.values()) {
      PaymentResult sent =
          PaymentResult.of(status, "reason_" + status, "message", "o1", "https://s.example.com/r?x=1");
      PaymentResult read = PaymentResult.fromActivityResult(sent.resultCode(), sent.toIntent());
      assertEquals(sent, read);
      assertEquals(sent.hashCode(), read.hashCode());
      assertEquals(
          status == Status.CANCELED ? Activity.RESULT_CANCELED : Activity.RESULT_OK,
          sent.resultCode());
    }
  }

  @Test
  public void resultsWithoutOurExtrasAreMappedNotThrown() {
    PaymentResult closed = PaymentResult.fromActivityResult(Activity.RESULT_CANCELED, null);
    assertEquals(Status.CANCELED, closed.status());
    assertEquals(PaymentResult.REASON_CLOSED, closed.reason());

    assertEquals(
        PaymentResult.REASON_MALFORMED_RESULT,
        PaymentResult.fromActivityResult(Activity.RESULT_OK, null).reason());
    assertEquals(
        Status.FAILED, PaymentResult.fromActivityResult(Activity.RESULT_OK, new Intent()).status());
    Intent unknown = new Intent().putExtra("io.paykit.android.result.STATUS", "REFUNDED");
    PaymentResult r = PaymentResult.fromActivityResult(Activity.RESULT_OK, unknown);
    assertEquals(Status.FAILED, r.status());
    assertEquals(PaymentResult.REASON_MALFORMED_RESULT, r.reason());
    assertFalse(r.toString().contains("https://"));
  }

  @Test
  public void requestTravelsAsPlainExtrasAndIsValidatedAgain() {
    PaymentRequest request =
        PaymentRequest.forPaymentPage("https://pay.qbitnetwork.com/checkout?id=ch_1")
            .accessToken(TOKEN)
            .returnUrlPrefix("https://shop.example.com/r")
            .orderId("ch_1")
            .build();
    Intent intent = PaymentActivity.createIntent(RuntimeEnvironment.getApplication(), request);
    assertEquals(
        new ComponentName(RuntimeEnvironment.getApplication(), PaymentActivity.class),
        intent.getComponent());
    Bundle extras = intent.getBundleExtra(PaymentActivity.EXTRA_REQUEST);
    for (String key : extras.keySet()) {
      Object value = extras.get(key);
      assertTrue(key, value == null || value instanceof String);
    }

    PaymentRequest back = PaymentRequest.fromBundle(extras);
    assertEquals(request.toString(), back.toString());
    assertEquals(request.firstLoadUrl(), back.firstLoadUrl());
    assertEquals(request.firstLoadHeaders(), back.firstLoadHeaders());

    extras.putString("tokenDelivery", "SMOKE_SIGNAL");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PaymentRequest.fromBundle(extras));
    assertEquals("PaymentRequest extras are malformed", e.getMessage());
    assertThrows(NullPointerException.class, () -> PaymentActivity.createIntent(null, request));
  }

  @Test
  public void intentUrlsKeepOnlyWhatAWebPageMayAskFor() {
    Intent asked = new Intent(Intent.ACTION_VIEW, Uri.parse("alipays://platformapi/startapp?a=1"));
    asked.setComponent(new ComponentName("com.victim", "com.victim.Internal"));
    asked.setSelector(new Intent(Intent.ACTION_MAIN).setPackage("com.victim"));
    asked.addCategory("android.intent.category.LAUNCHER");
    asked.addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION | Intent.FLAG_ACTIVITY_CLEAR_TASK);
    asked.putExtra("browser_fallback_url", "https://mclient.alipay.com/h5");
    asked.putExtra("appId", "20000067");

    String url = asked.toUri(Intent.URI_INTENT_SCHEME);
    Intent safe = ExternalIntents.sanitizeIntentUrl(url);

    assertNotNull(safe);
    assertEquals(Intent.ACTION_VIEW, safe.getAction());
    assertEquals(Uri.parse("alipays://platformapi/startapp?a=1"), safe.getData());
    assertNull(safe.getComponent());
    assertNull(safe.getSelector());
    assertEquals(0, safe.getFlags());
    assertEquals(1, safe.getCategories().size());
    assertTrue(safe.hasCategory(Intent.CATEGORY_BROWSABLE));
    assertEquals("20000067", safe.getStringExtra("appId"));
    assertNull(safe.getStringExtra("browser_fallback_url"));
    assertEquals("https://mclient.alipay.com/h5", ExternalIntents.fallbackUrl(url));
  }

  @Test
  public void intentUrlsForOtherActionsOrLocalDataAreRefused() {
    assertNull(ExternalIntents.sanitizeIntentUrl(
        new Intent(Intent.ACTION_CALL, Uri.parse("tel:10086")).toUri(Intent.URI_INTENT_SCHEME)));
    assertNull(ExternalIntents.sanitizeIntentUrl(
        new Intent(Intent.ACTION_VIEW, Uri.parse("content://io.paykit.app/secret"))
            .toUri(Intent.URI_INTENT_SCHEME)));
    assertNull(ExternalIntents.sanitizeIntentUrl(
        new Intent(Intent.ACTION_VIEW, Uri.parse("file:///sdcard/x")).toUri(Intent.URI_INTENT_SCHEME)));
    assertNull(ExternalIntents.sanitizeIntentUrl("intent://x#Intent;i.bad=notanumber;end"));
    assertNull(ExternalIntents.fallbackUrl("intent://x#Intent;end"));
  }

  @Test
  public void walletIntentIsABrowsableView() {
    Intent i = ExternalIntents.forWalletUrl("weixin://wap/pay?prepayid%3Dwx1");
    assertEquals(Intent.ACTION_VIEW, i.getAction());
    assertEquals("weixin", i.getData().getScheme());
    assertTrue(i.hasCategory(Intent.CATEGORY_BROWSABLE));
    assertNull(i.getComponent());
  }
}
