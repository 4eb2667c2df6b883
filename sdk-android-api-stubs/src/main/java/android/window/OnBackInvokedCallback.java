package android.window;

/**
 * Compile-only shape of the API 33 back callback.
 *
 * <p>The device's framework provides the real interface; this one is never packaged.
 */
public interface OnBackInvokedCallback {
  /** Called when a back gesture or key completes. */
  void onBackInvoked();
}
