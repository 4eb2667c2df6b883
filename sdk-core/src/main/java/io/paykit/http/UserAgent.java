package io.paykit.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} every request carries: {@code paykit-java/<version> (<gateway>)}. */
final class UserAgent {
  static final String VERSION = readVersion();

  private UserAgent() {}

  static String of(String gateway) {
    return "paykit-java/" + VERSION + " (" + gateway + ")";
  }

  private static String readVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("/io/paykit/paykit.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
