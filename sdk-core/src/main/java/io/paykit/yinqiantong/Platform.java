package io.paykit.yinqiantong;

import java.util.Locale;

/**
 * Where the payer pays: PC web, app, mobile web, WeChat official account, mini-program or scan. Each
 * constant knows its V2 code (sent as a numeric string) and its V1 string.
 */
public enum Platform {
  /** PC web page, V2 code 1, V1 {@code pc}. */
  PC(1, "pc"),
  /** Mobile app, V2 code 2, V1 {@code app}. */
  APP(2, "app"),
  /** Mobile browser (H5), V2 code 3, V1 {@code h5}. */
  H5(3, "h5"),
  /** WeChat official account (公众号, JSAPI), V2 code 4, V1 {@code mp}. */
  MP(4, "mp"),
  /** Mini-program (小程序), V2 code 5, V1 {@code mini_app}. */
  MINI_APP(5, "mini_app"),
  /** QR code scanned by the payer, V2 code 6, V1 {@code scan}. */
  SCAN(6, "scan"),
  /** A value this SDK does not know, read from a response or notification; never sent. */
  UNKNOWN(0, null);

  private final int code;
  /** The code as sent in V2, made once: every create call sends it. */
  final String wireCode;
  private final String v1Value;

  Platform(int code, String v1Value) {
    this.code = code;
    this.wireCode = Integer.toString(code);
    this.v1Value = v1Value;
  }

  /**
   * Returns the V2 code ({@code 2} for app), or 0 for {@link #UNKNOWN}.
   *
   * @return the V2 code
   */
  public int getCode() {
    return code;
  }

  /**
   * Returns the V1 string ({@code app}, {@code mini_app}), or null for {@link #UNKNOWN}.
   *
   * @return the V1 string, or null
   */
  public String getV1Value() {
    return v1Value;
  }

  /** Reads a V2 code (number or numeric string) or a V1 string; anything else is {@link #UNKNOWN}. */
  static Platform parse(String wire) {
    if (wire == null) return UNKNOWN;
    Long n = Wire.integer(wire);
    String lower = wire.trim().toLowerCase(Locale.ROOT);
    for (Platform p : values()) {
      if (p == UNKNOWN) continue;
      if (n != null ? n == p.code : lower.equals(p.v1Value)) return p;
    }
    return UNKNOWN;
  }
}
