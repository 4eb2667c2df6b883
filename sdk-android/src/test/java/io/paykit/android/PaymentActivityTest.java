package io.paykit.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import android.app.Activity;
import android.content.Intent;
import android.net.Uri;
import android.os.Bundle;
import android.webkit.RenderProcessGoneDetail;
import android.webkit.WebSettings;
import android.webkit.WebView;
import android.webkit.WebViewClient;
import android.window.OnBackInvokedCallback;
import io.paykit.android.PaymentResult.Status;
import java.lang.reflect.InvocationTargetException;
import java.util.Collections;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.shadow.api.Shadow;
import org.robolectric.shadows.ShadowActivity;
import org.robolectric.shadows.ShadowApplication;
import org.robolectric.shadows.ShadowLog;
import org.robolectric.shadows.ShadowWebView;

/**
 * The activity under Robolectric (SDK 35): one class, because each sandbox start costs seconds.
 * WebView is Robolectric's recording fake, so "the page navigates" means calling the client the way
 * the framework would.
 */
@RunWith(RobolectricTestRunner.class)
public class PaymentActivityTest {
  private static final String PAGE = "https://pay.qbitnetwork.com/checkout?id=ch_1";
  private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtIn0.c2ln";
  private static final String RETURN = "https://shop.example.com/pay/return";
  private static final String SUCCESS = "https://shop.example.com/pay/done";
  private static final String FORM =
      "<form id='alipaysubmit' action='https://openapi.alipay.com/gateway.do?charset=UTF-8'"
          + " method='POST'><input type='hidden' name='biz_content' value='x'/></form>"
          + "<script>document.forms['alipaysubmit'].submit();</script>";
  private static final String TENPAY =
      "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1&package=1037687096";
  private static final String REFERER = "https://shop.example.com";

  private static PaymentRequest.Builder page() {
    return PaymentRequest.forPaymentPage(PAGE)
        .accessToken(TOKEN)
        .returnUrlPrefix(RETURN)
        .successUrlPrefix(SUCCESS)
        .wechatH5Referer(REFERER)
        .orderId("ch_1");
  }

  private static ActivityController<PaymentActivity> launch(PaymentRequest request) {
    Intent intent = PaymentActivity.createIntent(RuntimeEnvironment.getApplication(), request);
    return Robolectric.buildActivity(PaymentActivity.class, intent).setup();
  }

  private static ShadowWebView web(PaymentActivity activity) {
    return Shadow.extract(activity.webView());
  }

  private static WebViewClient client(PaymentActivity activity) {
    return web(activity).getWebViewClient();
  }

  private static boolean navigate(PaymentActivity activity, String url) {
    return client(activity).shouldOverrideUrlLoading(activity.webView(), url);
  }

  private static PaymentResult result(Activity activity) {
    ShadowActivity shadow = Shadow.extract(activity);
    return PaymentResult.fromActivityResult(shadow.getResultCode(), shadow.getResultIntent());
  }

  private static int resultCode(Activity activity) {
    ShadowActivity shadow = Shadow.extract(activity);
    return shadow.getResultCode();
  }

  private static Intent nextStarted(Activity activity) {
    ShadowActivity shadow = Shadow.extract(activity);
    return shadow.getNextStartedActivity();
  }

  private static void noWalletsInstalled() {
    ShadowApplication app = Shadow.extract(RuntimeEnvironment.getApplication());
    app.checkActivities(true);
  }

  @Test
  public void firstLoadCarriesTheBearerHeader_defaultResultIsCanceled_settingsAreLockedDown()
      throws Exception {
    PaymentActivity activity = launch(page().build()).get();

    assertEquals(PAGE, web(activity).getLastLoadedUrl());
    assertEquals(
        Collections.singletonMap("Authorization", "Bearer " + TOKEN),
        web(activity).getLastAdditionalHttpHeaders());
    assertFalse(activity.isFinishing());
    assertEquals(Activity.RESULT_CANCELED, resultCode(activity));
    PaymentResult pending = result(activity);
    assertEquals(Status.CANCELED, pending.status());
    assertEquals(PaymentResult.REASON_CLOSED, pending.reason());
    assertEquals("ch_1", pending.orderId());

    WebSettings settings = activity.webView().getSettings();
    assertTrue(settings.getJavaScriptEnabled());
    assertFalse(settings.getAllowFileAccess());
    assertFalse(settings.getAllowContentAccess());
    assertFalse(settings.getAllowFileAccessFromFileURLs());
    assertFalse(settings.getAllowUniversalAccessFromFileURLs());
    assertEquals(1, settings.getClass().getMethod("getMixedContentMode").invoke(settings));

    // A later page is loaded by the WebView itself: no header of ours rides along.
    assertFalse(navigate(activity, "https://pay.qbitnetwork.com/checkout/step2"));
    for (ShadowLog.LogItem item : ShadowLog.getLogs()) {
      assertFalse(item.msg, item.msg.contains(TOKEN) || item.msg.contains("qbitnetwork"));
    }
  }

  @Test
  public void queryTokenModeLoadsTheTokenInTheUrlAndNoHeader() {
    PaymentActivity activity =
        launch(page().tokenDelivery(PaymentRequest.TokenDelivery.QUERY_PARAMETER).build()).get();
    assertEquals(PAGE + "&accessToken=" + TOKEN, web(activity).getLastLoadedUrl());
    assertTrue(web(activity).getLastAdditionalHttpHeaders().isEmpty());
  }

  @Test
  public void recreationKeepsThePageWithoutLoadingItAgain() {
    ActivityController<PaymentActivity> controller = launch(page().build());
    // Robolectric 4.17's WebView records no history on loadUrl; record what a real one would.
    web(controller.get()).pushEntryToHistory(PAGE);
    web(controller.get()).pushEntryToHistory("https://pay.qbitnetwork.com/checkout/step2");

    controller.recreate();

    PaymentActivity recreated = controller.get();
    assertFalse(recreated.isFinishing());
    // Restored from state: the new WebView shows step 2 and never saw the token header.
    assertEquals("https://pay.qbitnetwork.com/checkout/step2", recreated.webView().getUrl());
    assertNull(web(recreated).getLastAdditionalHttpHeaders());
    assertTrue(recreated.webView().canGoBack());
  }

  @Test
  public void payBodyFormIsLoadedAsDataUnderTheActionOrigin_andNeverResubmitted() {
    ActivityController<PaymentActivity> controller =
        launch(PaymentRequest.forPayBody(FORM).orderId("o1").build());
    PaymentActivity activity = controller.get();

    ShadowWebView.LoadDataWithBaseURL load = web(activity).getLastLoadDataWithBaseURL();
    assertEquals("https://openapi.alipay.com/", load.baseUrl);
    assertEquals(FORM, load.data);
    assertEquals("text/html", load.mimeType);
    assertEquals("utf-8", load.encoding);
    assertNull(web(activity).getLastLoadedUrl());

    // The form posted; the cashier is entry 1. Back must not return to the form (entry 0).
    web(activity).pushEntryToHistory("https://openapi.alipay.com/");
    web(activity).pushEntryToHistory("https://mclient.alipay.com/cashier/mobilepay.htm");
    controller.recreate();
    PaymentActivity recreated = controller.get();
    assertNull(web(recreated).getLastLoadDataWithBaseURL());
    recreated.onBackPressed();
    assertEquals(0, web(recreated).getGoBackInvocations());
    assertTrue(recreated.isFinishing());
    assertEquals(Status.CANCELED, result(recreated).status());
    assertEquals(PaymentResult.REASON_USER_CANCELED, result(recreated).reason());
  }

  @Test
  public void weChatH5GetsTheMerchantReferer_onFirstLoadAndOnRedirect() {
    PaymentActivity direct =
        launch(PaymentRequest.forPayBody(TENPAY).wechatH5Referer(REFERER).build()).get();
    assertEquals(TENPAY, web(direct).getLastLoadedUrl());
    assertEquals(
        Collections.singletonMap("Referer", REFERER), web(direct).getLastAdditionalHttpHeaders());

    PaymentActivity viaPage = launch(page().build()).get();
    assertTrue(navigate(viaPage, TENPAY));
    assertEquals(TENPAY, web(viaPage).getLastLoadedUrl());
    Map<String, String> headers = web(viaPage).getLastAdditionalHttpHeaders();
    assertEquals(Collections.singletonMap("Referer", REFERER), headers);
    // Our own re-issued load comes back through the client once: it must pass, not loop.
    assertFalse(navigate(viaPage, TENPAY));
  }

  @Test
  public void successUrlFinishesSucceeded() {
    PaymentActivity activity = launch(page().build()).get();
    assertTrue(navigate(activity, SUCCESS + "?order=ch_1"));
    assertTrue(activity.isFinishing());
    assertEquals(Activity.RESULT_OK, resultCode(activity));
    PaymentResult r = result(activity);
    assertEquals(Status.SUCCEEDED, r.status());
    assertEquals(PaymentResult.REASON_SUCCESS_URL, r.reason());
    assertEquals(SUCCESS + "?order=ch_1", r.url());
    assertEquals("ch_1", r.orderId());
  }

  @Test
  public void returnUrlFinishesPending_alsoWhenReachedByPost() {
    PaymentActivity activity = launch(page().build()).get();
    assertTrue(navigate(activity, RETURN + "?out_trade_no=1"));
    assertEquals(Status.PENDING, result(activity).status());
    assertEquals(PaymentResult.REASON_RETURN_URL, result(activity).reason());
    assertEquals(RETURN + "?out_trade_no=1", result(activity).url());

    // A POST navigation never reaches shouldOverrideUrlLoading, only onPageStarted.
    PaymentActivity posted = launch(page().build()).get();
    client(posted).onPageStarted(posted.webView(), RETURN, null);
    assertTrue(posted.isFinishing());
    assertEquals(PaymentResult.REASON_RETURN_URL, result(posted).reason());
  }

  @Test
  public void backWalksHistoryThenCancels() {
    PaymentActivity activity = launch(page().build()).get();
    web(activity).pushEntryToHistory(PAGE);
    web(activity).pushEntryToHistory("https://pay.qbitnetwork.com/checkout/step2");

    activity.onBackPressed();
    assertEquals(1, web(activity).getGoBackInvocations());
    assertFalse(activity.isFinishing());

    activity.onBackPressed();
    assertEquals(1, web(activity).getGoBackInvocations());
    assertTrue(activity.isFinishing());
    assertEquals(Activity.RESULT_CANCELED, resultCode(activity));
    assertEquals(PaymentResult.REASON_USER_CANCELED, result(activity).reason());
  }

  @Test
  public void predictiveBackCallbackIsRegisteredOnApi33AndCancels() {
    PaymentActivity activity = launch(page().build()).get();
    assertTrue(activity.backCallback instanceof OnBackInvokedCallback);
    ((OnBackInvokedCallback) activity.backCallback).onBackInvoked();
    assertTrue(activity.isFinishing());
    assertEquals(PaymentResult.REASON_USER_CANCELED, result(activity).reason());
  }

  @Test
  public void walletHandoffThenResumeIsPending() {
    ActivityController<PaymentActivity> controller = launch(page().build());
    PaymentActivity activity = controller.get();
    String wechat = "weixin://wap/pay?prepayid%3Dwx1&package=1037687096&noncestr=1&sign=2";

    assertTrue(navigate(activity, wechat));
    Intent started = nextStarted(activity);
    assertEquals(Intent.ACTION_VIEW, started.getAction());
    assertEquals(Uri.parse(wechat), started.getData());
    assertTrue(started.hasCategory(Intent.CATEGORY_BROWSABLE));
    assertNull(started.getComponent());
    assertFalse(activity.isFinishing());

    controller.pause().stop().resume();
    assertTrue(activity.isFinishing());
    PaymentResult r = result(activity);
    assertEquals(Status.PENDING, r.status());
    assertEquals(PaymentResult.REASON_WALLET_HANDOFF, r.reason());
    assertEquals("ch_1", r.orderId());
  }

  @Test
  public void handoffSurvivesProcessDeath() {
    Intent intent = PaymentActivity.createIntent(RuntimeEnvironment.getApplication(), page().build());
    ActivityController<PaymentActivity> first =
        Robolectric.buildActivity(PaymentActivity.class, intent).setup();
    assertTrue(navigate(first.get(), "alipays://platformapi/startapp?appId=20000067"));
    Bundle saved = new Bundle();
    first.pause().stop().saveInstanceState(saved);

    // A new process: a fresh activity from the saved state only.
    ActivityController<PaymentActivity> second =
        Robolectric.buildActivity(PaymentActivity.class, intent)
            .create(saved).start().restoreInstanceState(saved).postCreate(saved);
    assertNull("the page must not load again", web(second.get()).getLastLoadedUrl());
    second.resume();
    assertTrue(second.get().isFinishing());
    assertEquals(PaymentResult.REASON_WALLET_HANDOFF, result(second.get()).reason());
  }

  @Test
  public void missingWeChatFails_missingAlipayStaysOnAShownPage() {
    noWalletsInstalled();

    PaymentActivity wechat = launch(page().build()).get();
    client(wechat).onPageFinished(wechat.webView(), TENPAY);
    assertTrue(navigate(wechat, "weixin://wap/pay?prepayid%3Dwx1"));
    assertTrue(wechat.isFinishing());
    assertEquals(Status.FAILED, result(wechat).status());
    assertEquals(PaymentResult.REASON_WALLET_NOT_INSTALLED, result(wechat).reason());

    ActivityController<PaymentActivity> alipayController = launch(page().build());
    PaymentActivity alipay = alipayController.get();
    client(alipay).onPageFinished(alipay.webView(), "https://mclient.alipay.com/cashier");
    assertTrue(navigate(alipay, "alipays://platformapi/startapp?appId=20000067"));
    assertFalse("Alipay's H5 cashier carries on by itself", alipay.isFinishing());
    assertEquals(Status.CANCELED, result(alipay).status());
    alipayController.pause().resume();
    assertFalse("not handed off, so no PENDING on resume", alipay.isFinishing());

    PaymentActivity nothingShown = launch(page().build()).get();
    assertTrue(navigate(nothingShown, "alipays://platformapi/startapp?appId=20000067"));
    assertTrue(nothingShown.isFinishing());
    assertEquals(PaymentResult.REASON_WALLET_NOT_INSTALLED, result(nothingShown).reason());
  }

  @Test
  public void intentUrlIsSanitizedBeforeItLeaves() {
    PaymentActivity activity = launch(page().build()).get();
    // The selector case is in AndroidValuesTest: Intent refuses a selector next to a package.
    Intent hostile = new Intent(Intent.ACTION_VIEW, Uri.parse("alipays://platformapi/startapp?x=1"));
    hostile.setClassName("com.victim", "com.victim.InternalActivity");
    hostile.addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION | Intent.FLAG_GRANT_WRITE_URI_PERMISSION);
    hostile.setPackage("com.eg.android.AlipayGphone");

    assertTrue(navigate(activity, hostile.toUri(Intent.URI_INTENT_SCHEME)));
    Intent started = nextStarted(activity);
    assertNotNull(started);
    assertNull(started.getComponent());
    assertEquals(0, started.getFlags());
    assertEquals(Collections.singleton(Intent.CATEGORY_BROWSABLE), started.getCategories());
    assertEquals("com.eg.android.AlipayGphone", started.getPackage());
    assertEquals(Uri.parse("alipays://platformapi/startapp?x=1"), started.getData());
  }

  @Test
  public void missingIntentTargetFallsBackToItsHttpsUrl() {
    noWalletsInstalled();
    PaymentActivity activity = launch(page().build()).get();
    String url =
        "intent://platformapi/startapp#Intent;scheme=alipays;package=com.eg.android.AlipayGphone;"
            + "S.browser_fallback_url=https%3A%2F%2Fmclient.alipay.com%2Fh5pay;end";
    assertTrue(navigate(activity, url));
    assertEquals("https://mclient.alipay.com/h5pay", web(activity).getLastLoadedUrl());
    assertFalse(activity.isFinishing());
  }

  @Test
  public void blockedSchemesNeitherLoadNorLeave() {
    PaymentActivity activity = launch(page().build()).get();
    String[] blocked = {
      "http://pay.qbitnetwork.com/checkout",
      "file:///data/data/io.paykit.app/shared_prefs/token.xml",
      "javascript:alert(document.cookie)",
      "content://io.paykit.app.provider/secret",
      "data:text/html,<b>x</b>",
      "market://details?id=com.tencent.mm",
      "intent:#Intent;action=android.intent.action.CALL;S.x=1;end"
    };
    for (String url : blocked) {
      assertTrue(url, navigate(activity, url));
    }
    assertNull(nextStarted(activity));
    assertEquals(PAGE, web(activity).getLastLoadedUrl());
    assertFalse(activity.isFinishing());
  }

  @Test
  public void rendererCrashFailsWithoutCrashingTheApp() throws Exception {
    PaymentActivity activity = launch(page().build()).get();
    ShadowWebView shadow = web(activity);

    assertTrue(renderProcessGone(activity, true));

    assertTrue(shadow.wasDestroyCalled());
    assertNull(activity.webView());
    assertTrue(activity.isFinishing());
    assertEquals(Status.FAILED, result(activity).status());
    assertEquals(PaymentResult.REASON_RENDERER_CRASHED, result(activity).reason());
    activity.onBackPressed(); // the screen keeps working without its WebView
    assertEquals(PaymentResult.REASON_RENDERER_CRASHED, result(activity).reason());

    PaymentActivity killed = launch(page().build()).get();
    assertTrue(renderProcessGone(killed, false));
    assertEquals(PaymentResult.REASON_RENDERER_KILLED, result(killed).reason());

    PaymentActivity inWallet = launch(page().build()).get();
    assertTrue(navigate(inWallet, "weixin://wap/pay?prepayid%3Dwx1"));
    assertTrue(renderProcessGone(inWallet, false));
    assertEquals(Status.PENDING, result(inWallet).status());
  }

  /** Calls the API 26 callback through WebViewClient, as the framework does, so the override is proven. */
  private static boolean renderProcessGone(PaymentActivity activity, final boolean crashed)
      throws Exception {
    RenderProcessGoneDetail detail =
        new RenderProcessGoneDetail() {
          @Override
          public boolean didCrash() {
            return crashed;
          }

          @Override
          public int rendererPriorityAtExit() {
            return 0;
          }
        };
    WebView view = activity.webView();
    WebViewClient client = client(activity);
    try {
      return (Boolean)
          WebViewClient.class
              .getMethod("onRenderProcessGone", WebView.class, RenderProcessGoneDetail.class)
              .invoke(client, view, detail);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  @Test
  public void missingOrTamperedExtrasFail() {
    Intent bare = new Intent(RuntimeEnvironment.getApplication(), PaymentActivity.class);
    PaymentActivity activity = Robolectric.buildActivity(PaymentActivity.class, bare).setup().get();
    assertTrue(activity.isFinishing());
    assertNull(activity.webView());
    assertEquals(Activity.RESULT_OK, resultCode(activity));
    assertEquals(Status.FAILED, result(activity).status());
    assertEquals(PaymentResult.REASON_INVALID_REQUEST, result(activity).reason());

    Intent tampered = PaymentActivity.createIntent(RuntimeEnvironment.getApplication(), page().build());
    Bundle extras = tampered.getBundleExtra(PaymentActivity.EXTRA_REQUEST);
    extras.putString("input", "http://pay.qbitnetwork.com/checkout");
    tampered.putExtra(PaymentActivity.EXTRA_REQUEST, extras);
    PaymentActivity rejected =
        Robolectric.buildActivity(PaymentActivity.class, tampered).setup().get();
    assertSame(Status.FAILED, result(rejected).status());
    assertTrue(result(rejected).message(), result(rejected).message().startsWith("paymentPageUrl"));
  }
}
