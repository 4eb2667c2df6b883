package io.paykit.juyifu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link JuyifuClient#createRefund} sends. Experimental: the gateway documents only the heading
 * (退款); the fields are PayKit's proposal.
 *
 * <pre>{@code
 * RefundParams params = RefundParams.builder()
 *     .amount(100).reason("缺货").outRefundNo("R-20240105-1")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Limits (characters): reason {@value #MAX_REASON}; outRefundNo is an id
 * of at most 64 characters of {@code [A-Za-z0-9_.:-]}.
 */
public final class RefundParams {
  /** Longest accepted {@code reason}. */
  public static final int MAX_REASON = 256;
  /** Longest accepted {@code out_refund_no}. */
  public static final int MAX_OUT_REFUND_NO = 64;

  private final long amount;
  private final String reason;
  private final String outRefundNo;

  RefundParams(Builder b) {
    this.amount = b.amount;
    this.reason = b.reason;
    this.outRefundNo = b.outRefundNo;
  }

  /**
   * Returns a new builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these params.
   *
   * @return a new builder initialised from these params
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.amount = amount;
    b.amountSet = true;
    b.reason = reason;
    b.outRefundNo = outRefundNo;
    return b;
  }

  /**
   * Returns the amount to refund, in fen.
   *
   * @return the amount to refund in fen
   */
  public long getAmount() {
    return amount;
  }

  /**
   * Returns {@code reason}, or null when not set.
   *
   * @return the reason, or null
   */
  public String getReason() {
    return reason;
  }

  /**
   * Returns the merchant's refund number {@code out_refund_no}, or null when not set.
   *
   * @return the merchant's refund number, or null
   */
  public String getOutRefundNo() {
    return outRefundNo;
  }

  Map<String, Object> toParams() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("amount", amount);
    p.put("reason", reason);
    p.put("out_refund_no", outRefundNo);
    return p;
  }

  @Override
  public String toString() {
    return "RefundParams{amount=" + amount + ", reason=" + reason + ", outRefundNo=" + outRefundNo + "}";
  }

  /** Builds {@link RefundParams}. Not thread-safe. */
  public static final class Builder {
    long amount;
    boolean amountSet;
    String reason;
    String outRefundNo;

    Builder() {}

    /**
     * Sets the amount to refund in fen (required, {@code > 0}).
     *
     * @param amount the amount to refund in fen
     * @return this builder
     */
    public Builder amount(long amount) {
      this.amount = amount;
      this.amountSet = true;
      return this;
    }

    /**
     * Sets {@code reason}; null unsets it.
     *
     * @param reason the reason, or null
     * @return this builder
     */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /**
     * Sets the merchant's refund number {@code out_refund_no}; null unsets it.
     *
     * @param outRefundNo the merchant's refund number, or null
     * @return this builder
     */
    public Builder outRefundNo(String outRefundNo) {
      this.outRefundNo = outRefundNo;
      return this;
    }

    /**
     * Returns the params.
     *
     * @return the params
     * @throws IllegalArgumentException naming the field, if amount is missing or not positive, reason
     *     is too long, or outRefundNo is not a safe id
     */
    public RefundParams build() {
      if (!amountSet) throw new IllegalArgumentException("amount is required");
      Checks.positive("amount", amount);
      Checks.maxLength("reason", reason, MAX_REASON);
      if (outRefundNo != null) {
        Checks.id("outRefundNo", outRefundNo);
        Checks.maxLength("outRefundNo", outRefundNo, MAX_OUT_REFUND_NO);
      }
      return new RefundParams(this);
    }
  }
}
