package android.window;

/**
 * Compile-only shape of the API 33 dispatcher returned by {@code Activity.getOnBackInvokedDispatcher()}.
 *
 * <p>The device's framework provides the real interface; this one is never packaged.
 */
public interface OnBackInvokedDispatcher {
  /** Priority of callbacks registered by app code, as in the framework. */
  int PRIORITY_DEFAULT = 0;

  /**
   * Registers a callback at the given priority.
   *
   * @param priority {@link #PRIORITY_DEFAULT} or higher
   * @param callback the callback to invoke on back
   */
  void registerOnBackInvokedCallback(int priority, OnBackInvokedCallback callback);

  /**
   * Unregisters a callback registered before.
   *
   * @param callback the callback to remove
   */
  void unregisterOnBackInvokedCallback(OnBackInvokedCallback callback);
}
