package io.paykit.android;

import android.app.Activity;
import android.os.Build;
import android.window.OnBackInvokedCallback;
import android.window.OnBackInvokedDispatcher;
import org.codehaus.mojo.animal_sniffer.IgnoreJRERequirement;

/**
 * Registers an API 33+ back callback. Apps with predictive back (opted in, or targetSdk 36) never
 * call {@code Activity.onBackPressed()}; without this, back would finish the screen (still
 * CANCELED) but skip the page's own history.
 */
final class BackCallbacks {
  private static final int TIRAMISU = 33;

  private BackCallbacks() {}

  /**
   * Registers {@code onBack} with the activity's dispatcher on API 33+.
   *
   * @return the registered callback (an {@code OnBackInvokedCallback}), or null below API 33 or if
   *     the platform refused it
   */
  static Object register(Activity activity, Runnable onBack) {
    if (Build.VERSION.SDK_INT < TIRAMISU) {
      return null;
    }
    return registerApi33(activity, onBack);
  }

  // Only reached on API 33+: the method and the class are the guard animal-sniffer is told about.
  @IgnoreJRERequirement
  private static Object registerApi33(Activity activity, Runnable onBack) {
    try {
      // A new method on an old class: API 16 stubs cannot name it, so look it up.
      Object dispatcher = Activity.class.getMethod("getOnBackInvokedDispatcher").invoke(activity);
      Callback callback = new Callback(onBack);
      ((OnBackInvokedDispatcher) dispatcher)
          .registerOnBackInvokedCallback(OnBackInvokedDispatcher.PRIORITY_DEFAULT, callback);
      return callback;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  @IgnoreJRERequirement
  private static final class Callback implements OnBackInvokedCallback {
    private final Runnable onBack;

    Callback(Runnable onBack) {
      this.onBack = onBack;
    }

    @Override
    public void onBackInvoked() {
      onBack.run();
    }
  }
}
