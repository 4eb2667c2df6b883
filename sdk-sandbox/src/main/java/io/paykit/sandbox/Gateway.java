package io.paykit.sandbox;

import java.util.Locale;

/** The three gateways the sandbox speaks, each under its own path prefix on the one port. */
public enum Gateway {
  /** 聚易付 (Juyifu / Mixpay), served under {@code /juyifu/v1}. */
  JUYIFU("/juyifu/v1"),
  /** 银钱通 (Yinqiantong), V2 and V1, served under {@code /yinqiantong}. */
  YINQIANTONG("/yinqiantong"),
  /** Qbit Pay, served under {@code /qbitpay} (its API paths then start {@code /api/v1}). */
  QBITPAY("/qbitpay");

  private final String pathPrefix;

  Gateway(String pathPrefix) {
    this.pathPrefix = pathPrefix;
  }

  /**
   * Returns the path prefix of this gateway's base URL, e.g. {@code /juyifu/v1}.
   *
   * @return the path prefix
   */
  public String pathPrefix() {
    return pathPrefix;
  }

  /**
   * Parses a gateway name as used by the HTTP control endpoints ({@code juyifu}, {@code yinqiantong},
   * {@code qbitpay}; case-insensitive).
   *
   * @throws IllegalArgumentException if the name is none of them
   */
  static Gateway parse(String name) {
    if (name != null) {
      for (Gateway g : values()) {
        if (g.name().equalsIgnoreCase(name.trim())) return g;
      }
    }
    throw new IllegalArgumentException(
        "gateway must be one of juyifu, yinqiantong, qbitpay (was " + name + ")");
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
