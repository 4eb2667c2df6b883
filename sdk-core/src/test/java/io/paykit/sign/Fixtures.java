package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test resources under {@code sign/}, and checks shared by the key tests. */
final class Fixtures {
  /** The 聚易付 order signing string from the published vectors, also {@code openssl/message.txt}. */
  static final String MIXPAY_ORDER_STRING = "amount=2&app_key=6018561003558745&ext_data=&merchant_order_id=order001"
      + "&merchant_user_id=U0001&notify_url=&order_desc=2014-6-5下单，一红一黑&order_title=飞行扫帚两个"
      + "&product_desc=光速2000最新型号，速度超快&product_id=Product001&product_name=飞行扫帚";

  private Fixtures() {}

  static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/sign/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource sign/" + path);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  static String openssl(String name) {
    return text("openssl/" + name);
  }

  /**
   * Asserts that no 12-character run of the key's encoded body appears in the exception's message,
   * nor in any cause's message.
   */
  static void assertNoKeyMaterial(Throwable thrown, String keyText) {
    String body = keyText.replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", "");
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()) + " " + t;
      for (int i = 0; i + 12 <= body.length(); i++) {
        String run = body.substring(i, i + 12);
        assertFalse(message.contains(run), () -> "message leaks key text: " + message);
      }
    }
  }
}
