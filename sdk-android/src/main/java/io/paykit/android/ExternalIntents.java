package io.paykit.android;

import android.content.Intent;
import android.net.Uri;
import java.net.URISyntaxException;
import java.util.Locale;

/** Builds the intents the payment page may hand to other apps. Stateless. */
final class ExternalIntents {
  /** The {@code intent:} extra Chrome also honours: where to go when no app handles the intent. */
  static final String EXTRA_BROWSER_FALLBACK_URL = "browser_fallback_url";

  private ExternalIntents() {}

  /** A browsable VIEW intent for a wallet URL ({@code weixin:}, {@code alipays:}, {@code alipay:}). */
  static Intent forWalletUrl(String url) {
    Intent intent = new Intent(Intent.ACTION_VIEW, Uri.parse(url));
    intent.addCategory(Intent.CATEGORY_BROWSABLE);
    return intent;
  }

  /**
   * Parses an {@code intent:} URL into what a web page may legitimately ask for: a browsable VIEW of
   * its data, optionally limited to a package, with its string/primitive extras.
   *
   * <p>The result is built afresh rather than cleaned, so nothing the page set slips through: no
   * component or selector (the page must not pick a non-browsable, non-exported-to-web activity),
   * no flags (URI grant flags would hand our content to the target), no clip data.
   *
   * @return the safe intent, or null when the URL does not parse, asks for another action than
   *     VIEW, or points at local content ({@code file:}, {@code content:})
   */
  static Intent sanitizeIntentUrl(String url) {
    Intent parsed;
    try {
      parsed = Intent.parseUri(url, Intent.URI_INTENT_SCHEME);
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
    String action = parsed.getAction();
    if (action != null && !Intent.ACTION_VIEW.equals(action)) {
      return null;
    }
    Uri data = parsed.getData();
    String dataScheme = data == null ? null : data.getScheme();
    if (dataScheme != null) {
      String s = dataScheme.toLowerCase(Locale.ROOT);
      if (s.equals("file") || s.equals("content") || s.equals("javascript")) {
        return null;
      }
    }
    Intent safe = new Intent(Intent.ACTION_VIEW);
    if (data != null || parsed.getType() != null) {
      safe.setDataAndType(data, parsed.getType());
    }
    safe.setPackage(parsed.getPackage());
    if (parsed.getExtras() != null) {
      safe.putExtras(parsed.getExtras());
      safe.removeExtra(EXTRA_BROWSER_FALLBACK_URL);
    }
    safe.addCategory(Intent.CATEGORY_BROWSABLE);
    return safe;
  }

  /** Returns the {@code S.browser_fallback_url} of an {@code intent:} URL, or null. */
  static String fallbackUrl(String url) {
    try {
      return Intent.parseUri(url, Intent.URI_INTENT_SCHEME).getStringExtra(EXTRA_BROWSER_FALLBACK_URL);
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
