package io.paykit.yinqiantong;

import java.util.Locale;

/**
 * The payment channel: who moves the money. Each constant knows its V2 code (sent as a numeric
 * string) and, where the seed's V1 generation had one, its V1 string.
 *
 * <p>Codes follow the corrected 2019-01 table (1 Alipay, 2 WeChat), which the JS SDK and the seed's own
 * example response confirm; an earlier 2018-10-30 table had 1 and 2 swapped.
 */
public enum Channel {
  /** 支付宝, V2 code 1, V1 {@code alipay}. */
  ALIPAY(1, "alipay"),
  /** 微信支付, V2 code 2, V1 {@code wx}. */
  WECHAT(2, "wx"),
  /** QQ 钱包, V2 code 3; not available in V1. */
  QQ(3, null),
  /** 京东支付, V2 code 4; not available in V1. */
  JD(4, null),
  /** A value this SDK does not know, read from a response or notification; never sent. */
  UNKNOWN(0, null);

  private final int code;
  /** The code as sent in V2, made once: every create call sends it. */
  final String wireCode;
  private final String v1Value;

  Channel(int code, String v1Value) {
    this.code = code;
    this.wireCode = Integer.toString(code);
    this.v1Value = v1Value;
  }

  /**
   * Returns the V2 code ({@code 1} for Alipay), or 0 for {@link #UNKNOWN}.
   *
   * @return the V2 code
   */
  public int getCode() {
    return code;
  }

  /**
   * Returns the V1 string ({@code wx}, {@code alipay}), or null when V1 has none.
   *
   * @return the V1 string, or null
   */
  public String getV1Value() {
    return v1Value;
  }

  /** Reads a V2 code (number or numeric string) or a V1 string; anything else is {@link #UNKNOWN}. */
  static Channel parse(String wire) {
    if (wire == null) return UNKNOWN;
    Long n = Wire.integer(wire);
    String lower = wire.trim().toLowerCase(Locale.ROOT);
    for (Channel c : values()) {
      if (c == UNKNOWN) continue;
      if (n != null ? n == c.code : lower.equals(c.v1Value)) return c;
    }
    return UNKNOWN;
  }
}
