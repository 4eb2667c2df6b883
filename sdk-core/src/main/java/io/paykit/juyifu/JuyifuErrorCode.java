package io.paykit.juyifu;

/**
 * 聚易付's business error codes (the 2014 Android SDK's {@code ErrorCode}), carried by {@link
 * JuyifuApiException}.
 *
 * <p>Immutable and thread-safe. A code the gateway adds later reads as {@link #UNKNOWN}.
 */
public enum JuyifuErrorCode {
  /** {@code -1}, or a code this SDK does not know. */
  UNKNOWN(-1, false),
  /** {@code 1000}: a parameter is missing or invalid. The gateway acted on nothing. */
  PARAMETERS(1000, true),
  /** {@code 1001}: the data is invalid. The gateway acted on nothing. */
  DATA(1001, true),
  /** {@code 1002}: the signature did not verify (wrong secret or key). The gateway acted on nothing. */
  SIGNATURE(1002, true),
  /** {@code 1003}: the order already exists. Nothing new was created. */
  DUPLICATE_ORDER(1003, true),
  /** {@code 1004}: a limit was reached. The gateway acted on nothing. */
  LIMIT(1004, true),
  /** {@code 2000}: the gateway failed; it may or may not have acted. */
  SERVER(2000, false),
  /** {@code 3000}: the third-party payment platform failed; the gateway may or may not have acted. */
  THIRD_PARTY(3000, false);

  private final int code;
  private final boolean refusal;

  JuyifuErrorCode(int code, boolean refusal) {
    this.code = code;
    this.refusal = refusal;
  }

  /**
   * Returns the numeric code the gateway sends.
   *
   * @return the numeric code
   */
  public int code() {
    return code;
  }

  /**
   * Returns whether the gateway refused the request before acting on it, so that sending it again
   * cannot create a duplicate.
   *
   * @return true if the request was refused before the gateway acted on it
   */
  public boolean isRefusal() {
    return refusal;
  }

  /**
   * Returns the constant for a code as the gateway sent it ({@code 1002} or {@code "1002"});
   * {@link #UNKNOWN} for null, unreadable or unknown codes. Never throws.
   *
   * @param code the code as sent, or null
   * @return the matching constant, never null
   */
  public static JuyifuErrorCode fromCode(String code) {
    if (code == null) return UNKNOWN;
    Long n = Wire.parseLong(code);
    if (n == null) return UNKNOWN;
    for (JuyifuErrorCode c : values()) {
      if (c.code == n) return c;
    }
    return UNKNOWN;
  }
}
