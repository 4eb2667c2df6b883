package io.paykit.android;

import android.annotation.SuppressLint;
import android.app.Activity;
import android.content.ActivityNotFoundException;
import android.content.Context;
import android.content.Intent;
import android.graphics.Bitmap;
import android.os.Bundle;
import android.util.Log;
import android.view.Gravity;
import android.view.View;
import android.view.ViewGroup;
import android.view.ViewParent;
import android.webkit.RenderProcessGoneDetail;
import android.webkit.WebChromeClient;
import android.webkit.WebSettings;
import android.webkit.WebView;
import android.webkit.WebViewClient;
import android.widget.FrameLayout;
import android.widget.ProgressBar;
import io.paykit.android.PaymentResult.Status;
import java.util.Collections;
import org.codehaus.mojo.animal_sniffer.IgnoreJRERequirement;

/**
 * Shows a {@link PaymentRequest} in a WebView, hands off to Alipay or WeChat when the page asks,
 * and finishes with a {@link PaymentResult}.
 *
 * <pre>{@code
 * startActivityForResult(PaymentActivity.createIntent(this, request), REQUEST_PAY);
 * // in onActivityResult:
 * PaymentResult result = PaymentResult.fromActivityResult(resultCode, data);
 * }</pre>
 *
 * <p>Declare it in the app manifest (the .aar's manifest does this for you; see the README for
 * the jar). The screen never restarts a payment: after rotation, recreation or process death it
 * keeps the page it had, or reports {@link Status#PENDING}. Only https pages load; {@code
 * weixin:}, {@code alipays:}, {@code alipay:} and sanitized {@code intent:} links go to other
 * apps; everything else is blocked.
 *
 * <p>Like every activity, it runs on the main thread only.
 */
public final class PaymentActivity extends Activity {
  static final String EXTRA_REQUEST = "io.paykit.android.extra.REQUEST";

  private static final String TAG = "PayKit";
  private static final String STATE_HANDED_OFF = "io.paykit.android.state.HANDED_OFF";
  private static final String STATE_PAGE_SHOWN = "io.paykit.android.state.PAGE_SHOWN";
  private static final String STATE_WEBVIEW = "io.paykit.android.state.WEBVIEW";
  /** {@code WebSettings.MIXED_CONTENT_NEVER_ALLOW} (API 21). */
  private static final int MIXED_CONTENT_NEVER_ALLOW = 1;
  private static final int PROGRESS_HEIGHT_DP = 3;

  private PaymentRequest request;
  private UrlPolicy policy;
  private WebView webView;
  private ProgressBar progress;
  /** Set once a wallet app was started: the payer's return means "ask the server". */
  private boolean handedOff;
  /** Whether an https page finished loading, i.e. the payer has something to continue on. */
  private boolean pageShown;
  private boolean delivered;
  /** The WeChat H5 URL we re-issued with a Referer, so that its own navigation is let through. */
  private String refererReloadUrl;
  /** The API 33+ back callback, or null; kept for tests. */
  Object backCallback;

  /**
   * Creates the intent that starts the payment screen; start it for a result.
   *
   * @param context any context of the app
   * @param request the validated request
   * @return an explicit intent for this activity
   * @throws NullPointerException if {@code context} or {@code request} is null
   */
  public static Intent createIntent(Context context, PaymentRequest request) {
    if (context == null) {
      throw new NullPointerException("context == null");
    }
    if (request == null) {
      throw new NullPointerException("request == null");
    }
    return new Intent(context, PaymentActivity.class).putExtra(EXTRA_REQUEST, request.toBundle());
  }

  @Override
  protected void onCreate(Bundle savedInstanceState) {
    super.onCreate(savedInstanceState);
    // Whatever ends this screen without us (task removal, a system back we never see) reads CANCELED.
    setCanceledDefault(null);
    try {
      request = PaymentRequest.fromBundle(getIntent().getBundleExtra(EXTRA_REQUEST));
    } catch (RuntimeException e) {
      // Also covers extras that fail to unparcel. Validation messages name fields, never values.
      deliver(Status.FAILED, PaymentResult.REASON_INVALID_REQUEST, e.getMessage(), null);
      return;
    }
    policy = request.policy();
    setCanceledDefault(request.orderId());
    if (savedInstanceState != null) {
      handedOff = savedInstanceState.getBoolean(STATE_HANDED_OFF);
      pageShown = savedInstanceState.getBoolean(STATE_PAGE_SHOWN);
    }
    try {
      webView = new WebView(this);
    } catch (RuntimeException e) {
      // MissingWebViewPackageException and friends: the WebView package is absent or updating.
      deliver(Status.FAILED, PaymentResult.REASON_WEBVIEW_UNAVAILABLE, "No usable WebView", null);
      return;
    }
    configure(webView);
    setContentView(layout(webView));
    backCallback =
        BackCallbacks.register(
            this,
            new Runnable() {
              @Override
              public void run() {
                onBack();
              }
            });
    if (handedOff) {
      return; // onResume reports PENDING; the page is no longer needed.
    }
    if (savedInstanceState == null) {
      startFlow();
      return;
    }
    Bundle webState = savedInstanceState.getBundle(STATE_WEBVIEW);
    if (webState == null || webView.restoreState(webState) == null) {
      // Reloading could show the payer a second payment for an order they may have just paid.
      deliver(
          Status.PENDING,
          PaymentResult.REASON_STATE_LOST,
          "The payment page could not be restored; ask your server for the order status",
          null);
    }
  }

  @Override
  protected void onResume() {
    super.onResume();
    if (webView != null) {
      webView.onResume();
    }
    if (handedOff) {
      deliver(
          Status.PENDING,
          PaymentResult.REASON_WALLET_HANDOFF,
          "Returned from the wallet app; ask your server for the order status",
          null);
    }
  }

  @Override
  protected void onPause() {
    if (webView != null) {
      webView.onPause();
    }
    super.onPause();
  }

  @Override
  protected void onSaveInstanceState(Bundle outState) {
    super.onSaveInstanceState(outState);
    outState.putBoolean(STATE_HANDED_OFF, handedOff);
    outState.putBoolean(STATE_PAGE_SHOWN, pageShown);
    if (webView != null) {
      Bundle webState = new Bundle();
      if (webView.saveState(webState) != null) {
        outState.putBundle(STATE_WEBVIEW, webState);
      }
    }
  }

  @Override
  protected void onDestroy() {
    destroyWebView();
    super.onDestroy();
  }

  /** Back walks the page's history first, then cancels. */
  @Override
  public void onBackPressed() {
    onBack();
  }

  WebView webView() {
    return webView;
  }

  void onBack() {
    if (delivered) {
      return;
    }
    if (canGoBackInPage()) {
      webView.goBack();
      return;
    }
    deliver(Status.CANCELED, PaymentResult.REASON_USER_CANCELED, "The payer left the payment screen",
        null);
  }

  private boolean canGoBackInPage() {
    if (webView == null || !webView.canGoBack()) {
      return false;
    }
    // Entry 0 of a pay_body form is the auto-submitting form: going back there would submit it again.
    return !request.isForm() || webView.copyBackForwardList().getCurrentIndex() > 1;
  }

  private void startFlow() {
    if (request.isForm()) {
      // Loaded under the action's origin, so the form posts same-origin, as from the gateway's site.
      webView.loadDataWithBaseURL(
          request.baseUrl, request.html, "text/html", "utf-8", request.baseUrl);
    } else {
      // The only load with the bearer token: the page must turn it into its own session.
      webView.loadUrl(request.firstLoadUrl(), request.firstLoadHeaders());
    }
  }

  /** Returns true when the WebView must not load {@code url} itself. */
  boolean handleNavigation(String url) {
    if (delivered) {
      return true;
    }
    UrlPolicy.Action action = policy.decide(url);
    switch (action) {
      case LOAD:
        return false;
      case LOAD_WECHAT_H5:
        if (request.wechatH5Referer == null) {
          Log.w(TAG, "WeChat H5 page without wechatH5Referer: WeChat will reject it");
          return false;
        }
        if (url.equals(refererReloadUrl)) {
          return false;
        }
        refererReloadUrl = url;
        // WebView sends no Referer on a top-level load, and WeChat checks it against the merchant.
        webView.loadUrl(url, Collections.singletonMap("Referer", request.wechatH5Referer));
        return true;
      case SUCCESS_URL:
      case RETURN_URL:
        finishAtUrl(action, url);
        return true;
      case OPEN_WALLET:
        openWallet(url);
        return true;
      case OPEN_INTENT:
        openIntentUrl(url);
        return true;
      case BLOCK:
      default:
        String scheme = UrlPolicy.scheme(url);
        Log.w(TAG, "Blocked navigation to " + (scheme == null ? "a malformed" : "a " + scheme + ":")
            + " URL");
        return true;
    }
  }

  private void finishAtUrl(UrlPolicy.Action action, String url) {
    if (action == UrlPolicy.Action.SUCCESS_URL) {
      deliver(Status.SUCCEEDED, PaymentResult.REASON_SUCCESS_URL,
          "The page reached the success URL; confirm with your server", url);
    } else {
      deliver(Status.PENDING, PaymentResult.REASON_RETURN_URL,
          "The page reached the return URL; ask your server for the order status", url);
    }
  }

  private void openWallet(String url) {
    String scheme = UrlPolicy.scheme(url);
    if (launch(ExternalIntents.forWalletUrl(url))) {
      return;
    }
    // Alipay's H5 cashier tries its app and falls back to paying on the page; WeChat H5 cannot.
    if ("weixin".equals(scheme) || !pageShown) {
      deliver(Status.FAILED, PaymentResult.REASON_WALLET_NOT_INSTALLED,
          "No app handles " + scheme + ": links and the page cannot continue without one", null);
    } else {
      Log.i(TAG, "No app handles " + scheme + ": links; staying on the page");
    }
  }

  private void openIntentUrl(String url) {
    Intent safe = ExternalIntents.sanitizeIntentUrl(url);
    if (safe == null) {
      Log.w(TAG, "Blocked an intent: URL that is not a browsable VIEW");
      return;
    }
    if (launch(safe)) {
      return;
    }
    String fallback = ExternalIntents.fallbackUrl(url);
    if (fallback != null && "https".equals(UrlPolicy.scheme(fallback))) {
      if (!handleNavigation(fallback) && webView != null) {
        webView.loadUrl(fallback);
      }
      return;
    }
    if (!pageShown) {
      deliver(Status.FAILED, PaymentResult.REASON_WALLET_NOT_INSTALLED,
          "No app handles the page's intent: link and the page cannot continue without one", null);
    } else {
      Log.i(TAG, "No app handles an intent: link; staying on the page");
    }
  }

  private boolean launch(Intent intent) {
    try {
      // No resolveActivity() first: on Android 11+ that needs <queries>; starting and catching does not.
      startActivity(intent);
    } catch (ActivityNotFoundException | SecurityException e) {
      return false;
    }
    handedOff = true;
    return true;
  }

  void onRendererGone(boolean crashed) {
    destroyWebView();
    if (handedOff) {
      // The payer is in the wallet: the payment may well go through without the page.
      deliver(Status.PENDING, PaymentResult.REASON_WALLET_HANDOFF,
          "Handed off to the wallet app; ask your server for the order status", null);
    } else if (crashed) {
      deliver(Status.FAILED, PaymentResult.REASON_RENDERER_CRASHED, "The WebView renderer crashed",
          null);
    } else {
      deliver(Status.FAILED, PaymentResult.REASON_RENDERER_KILLED,
          "The system killed the WebView renderer", null);
    }
  }

  private void deliver(Status status, String reason, String message, String url) {
    if (delivered) {
      return;
    }
    delivered = true;
    PaymentResult result =
        PaymentResult.of(status, reason, message, request == null ? null : request.orderId(), url);
    setResult(result.resultCode(), result.toIntent());
    finish();
  }

  private void setCanceledDefault(String orderId) {
    PaymentResult canceled =
        PaymentResult.of(Status.CANCELED, PaymentResult.REASON_CLOSED,
            "The payment screen was closed", orderId, null);
    setResult(canceled.resultCode(), canceled.toIntent());
  }

  private void destroyWebView() {
    if (webView == null) {
      return;
    }
    ViewParent parent = webView.getParent();
    if (parent instanceof ViewGroup) {
      ((ViewGroup) parent).removeView(webView);
    }
    webView.destroy();
    webView = null;
  }

  // JavaScript is on because every gateway cashier is script-driven; no JS bridge is ever added.
  @SuppressLint("SetJavaScriptEnabled")
  private void configure(WebView view) {
    WebSettings settings = view.getSettings();
    settings.setJavaScriptEnabled(true);
    settings.setDomStorageEnabled(true);
    settings.setAllowFileAccess(false);
    settings.setAllowContentAccess(false);
    settings.setAllowFileAccessFromFileURLs(false);
    settings.setAllowUniversalAccessFromFileURLs(false);
    settings.setGeolocationEnabled(false);
    settings.setSupportMultipleWindows(false);
    settings.setJavaScriptCanOpenWindowsAutomatically(false);
    forbidMixedContent(settings);
    view.setWebViewClient(new Client());
    view.setWebChromeClient(new Chrome());
  }

  private static void forbidMixedContent(WebSettings settings) {
    try {
      // An API 21 method on an API 1 class, so the API 16 stubs cannot name it; minSdk 21 has it.
      WebSettings.class
          .getMethod("setMixedContentMode", int.class)
          .invoke(settings, MIXED_CONTENT_NEVER_ALLOW);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // NEVER_ALLOW is also the platform default for apps targeting API 21+.
      Log.w(TAG, "Could not set the mixed content mode");
    }
  }

  private View layout(WebView view) {
    FrameLayout root = new FrameLayout(this);
    root.addView(view, new FrameLayout.LayoutParams(
        ViewGroup.LayoutParams.MATCH_PARENT, ViewGroup.LayoutParams.MATCH_PARENT));
    progress = new ProgressBar(this, null, android.R.attr.progressBarStyleHorizontal);
    progress.setMax(100);
    int height = (int) Math.ceil(PROGRESS_HEIGHT_DP * getResources().getDisplayMetrics().density);
    root.addView(progress, new FrameLayout.LayoutParams(
        ViewGroup.LayoutParams.MATCH_PARENT, height, Gravity.TOP));
    return root;
  }

  private final class Client extends WebViewClient {
    // The String overload: on API 24+ the WebResourceRequest overload's default delegates here,
    // and it is also called for subframes navigating to non-http schemes (Alipay's app launch).
    @Override
    public boolean shouldOverrideUrlLoading(WebView view, String url) {
      return handleNavigation(url);
    }

    // Catches what shouldOverrideUrlLoading never sees, such as a POST to the return URL.
    @Override
    public void onPageStarted(WebView view, String url, Bitmap favicon) {
      if (delivered) {
        return;
      }
      UrlPolicy.Action action = policy.decide(url);
      if (action == UrlPolicy.Action.SUCCESS_URL || action == UrlPolicy.Action.RETURN_URL) {
        view.stopLoading();
        finishAtUrl(action, url);
        return;
      }
      String scheme = UrlPolicy.scheme(url);
      if ("http".equals(scheme) || "file".equals(scheme)) {
        view.stopLoading();
      }
    }

    @Override
    public void onPageFinished(WebView view, String url) {
      if ("https".equals(UrlPolicy.scheme(url))) {
        pageShown = true;
      }
    }

    /**
     * Called on API 26+ when the renderer died. Handling it keeps the app alive: the default
     * ({@code false}) lets the framework kill the whole app process.
     *
     * @return always {@code true}: this WebView is destroyed and never used again
     */
    @IgnoreJRERequirement
    public boolean onRenderProcessGone(WebView view, RenderProcessGoneDetail detail) {
      onRendererGone(detail.didCrash());
      return true;
    }
  }

  private final class Chrome extends WebChromeClient {
    @Override
    public void onProgressChanged(WebView view, int newProgress) {
      if (progress != null) {
        progress.setProgress(newProgress);
        progress.setVisibility(newProgress >= 100 ? View.GONE : View.VISIBLE);
      }
    }
  }
}
