package io.paykit.qbitpay;

/**
 * What {@link QbitPayClient#listCharges(ChargeListParams)} asks {@code GET /api/v1/charges} for: a
 * page size and at most one cursor, optionally filtered by {@code externalOrderId}. The gateway lists
 * newest first.
 *
 * <pre>{@code
 * ChargeListParams params = ChargeListParams.builder().limit(100).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ChargeListParams {
  /** The gateway's default page size, sent when none is set. */
  public static final int DEFAULT_LIMIT = 10;
  /** The largest page the gateway serves. */
  public static final int MAX_LIMIT = 100;

  private final int limit;
  private final String startingAfter;
  private final String endingBefore;
  private final String externalOrderId;

  ChargeListParams(Builder b) {
    this.limit = b.limit;
    this.startingAfter = b.startingAfter;
    this.endingBefore = b.endingBefore;
    this.externalOrderId = b.externalOrderId;
  }

  /**
   * Returns a new builder: limit 10, no cursor, no filter.
   *
   * @return a new builder with the defaults
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
    b.limit = limit;
    b.startingAfter = startingAfter;
    b.endingBefore = endingBefore;
    b.externalOrderId = externalOrderId;
    return b;
  }

  /**
   * Returns the page size, 1 to 100.
   *
   * @return the page size
   */
  public int getLimit() {
    return limit;
  }

  /**
   * Returns the id after which the page starts (the next, older page), or null.
   *
   * @return the starting-after cursor, or null
   */
  public String getStartingAfter() {
    return startingAfter;
  }

  /**
   * Returns the id before which the page ends (the previous, newer page), or null.
   *
   * @return the ending-before cursor, or null
   */
  public String getEndingBefore() {
    return endingBefore;
  }

  /**
   * Returns the merchant order id the list is filtered by, or null.
   *
   * @return the merchant order id filter, or null
   */
  public String getExternalOrderId() {
    return externalOrderId;
  }

  @Override
  public String toString() {
    return "ChargeListParams{limit=" + limit
        + (startingAfter != null ? ", startingAfter=" + startingAfter : "")
        + (endingBefore != null ? ", endingBefore=" + endingBefore : "")
        + (externalOrderId != null ? ", externalOrderId=" + externalOrderId : "") + "}";
  }

  /** Builds {@link ChargeListParams}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    int limit = DEFAULT_LIMIT;
    String startingAfter;
    String endingBefore;
    String externalOrderId;

    Builder() {}

    /**
     * Sets the page size, 1 to 100 (default 10).
     *
     * @param limit the page size
     * @return this builder
     */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /**
     * Starts the page after this charge id (wire name {@code starting_after}); null clears it.
     *
     * @param startingAfter the charge id to start after, or null
     * @return this builder
     */
    public Builder startingAfter(String startingAfter) {
      this.startingAfter = startingAfter;
      return this;
    }

    /**
     * Ends the page before this charge id (wire name {@code ending_before}); null clears it. A list
     * started this way auto-pages backward, toward the newest charge.
     *
     * @param endingBefore the charge id to end before, or null
     * @return this builder
     */
    public Builder endingBefore(String endingBefore) {
      this.endingBefore = endingBefore;
      return this;
    }

    /**
     * Lists only charges with this merchant order id; null clears the filter.
     *
     * @param externalOrderId the merchant order id, or null
     * @return this builder
     */
    public Builder externalOrderId(String externalOrderId) {
      this.externalOrderId = externalOrderId;
      return this;
    }

    /**
     * Validates and returns the params.
     *
     * @return the params
     * @throws IllegalArgumentException naming the field: limit outside 1..100, both startingAfter
     *     and endingBefore set, or a cursor or externalOrderId that is empty, longer than 128
     *     characters or holds control characters
     */
    public ChargeListParams build() {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
      }
      if (startingAfter != null && endingBefore != null) {
        throw new IllegalArgumentException(
            "startingAfter and endingBefore cannot both be set: the gateway pages one way at a time");
      }
      Checks.text("startingAfter", startingAfter, Checks.MAX_ID_LENGTH, false);
      Checks.text("endingBefore", endingBefore, Checks.MAX_ID_LENGTH, false);
      Checks.text("externalOrderId", externalOrderId, Checks.MAX_ID_LENGTH, false);
      return new ChargeListParams(this);
    }
  }
}
