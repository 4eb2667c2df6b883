package android.webkit;

/**
 * Compile-only shape of the API 26 type passed to {@code WebViewClient.onRenderProcessGone}.
 *
 * <p>The device's framework provides the real class; this one is never packaged.
 */
public abstract class RenderProcessGoneDetail {
  /** Creates a detail; only the framework does so. */
  public RenderProcessGoneDetail() {}

  /**
   * Returns whether the renderer crashed rather than being killed by the system.
   *
   * @return {@code true} if the renderer crashed
   */
  public abstract boolean didCrash();

  /**
   * Returns the renderer priority that was set when the renderer exited.
   *
   * @return one of the {@code WebView.RENDERER_PRIORITY_*} values
   */
  public abstract int rendererPriorityAtExit();
}
