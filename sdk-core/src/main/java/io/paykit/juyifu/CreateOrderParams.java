package io.paykit.juyifu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link JuyifuClient#createOrder} sends: seed 001's {@code POST /orders} fields.
 *
 * <pre>{@code
 * CreateOrderParams params = CreateOrderParams.builder()
 *     .payType(1).amount(100)                 // 1.00 CNY, in fen
 *     .productId("coin-100").productName("金币")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Optional fields that are not set are not sent (and not signed); a
 * field set to the empty string is sent and signed as {@code k=}. Limits (characters): productId
 * {@value #MAX_PRODUCT_ID}, productName {@value #MAX_PRODUCT_NAME}, extData {@value #MAX_EXT_DATA},
 * memo {@value #MAX_MEMO}, os and osVersion {@value #MAX_OS}.
 */
public final class CreateOrderParams {
  /** Longest accepted {@code product_id}. */
  public static final int MAX_PRODUCT_ID = 64;
  /** Longest accepted {@code product_name}. */
  public static final int MAX_PRODUCT_NAME = 128;
  /** Longest accepted {@code ext_data}. */
  public static final int MAX_EXT_DATA = 1024;
  /** Longest accepted {@code memo}. */
  public static final int MAX_MEMO = 256;
  /** Longest accepted {@code os} and {@code os_version}. */
  public static final int MAX_OS = 32;

  private final int payType;
  private final long amount;
  private final String productId;
  private final String productName;
  private final String extData;
  private final String memo;
  private final String os;
  private final String osVersion;
  private final Long sourceId;

  CreateOrderParams(Builder b) {
    this.payType = b.payType;
    this.amount = b.amount;
    this.productId = b.productId;
    this.productName = b.productName;
    this.extData = b.extData;
    this.memo = b.memo;
    this.os = b.os;
    this.osVersion = b.osVersion;
    this.sourceId = b.sourceId;
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
    b.payType = payType;
    b.payTypeSet = true;
    b.amount = amount;
    b.amountSet = true;
    b.productId = productId;
    b.productName = productName;
    b.extData = extData;
    b.memo = memo;
    b.os = os;
    b.osVersion = osVersion;
    b.sourceId = sourceId;
    return b;
  }

  /**
   * Returns {@code pay_type}, passed through as given (the gateway documents no values).
   *
   * @return the pay type
   */
  public int getPayType() {
    return payType;
  }

  /**
   * Returns {@code amount} in fen.
   *
   * @return the amount in fen
   */
  public long getAmount() {
    return amount;
  }

  /**
   * Returns {@code product_id}, or null when not set.
   *
   * @return the product id, or null
   */
  public String getProductId() {
    return productId;
  }

  /**
   * Returns {@code product_name}, or null when not set.
   *
   * @return the product name, or null
   */
  public String getProductName() {
    return productName;
  }

  /**
   * Returns {@code ext_data}, or null when not set.
   *
   * @return the extra data, or null
   */
  public String getExtData() {
    return extData;
  }

  /**
   * Returns {@code memo}, or null when not set.
   *
   * @return the memo, or null
   */
  public String getMemo() {
    return memo;
  }

  /**
   * Returns {@code os}, or null when not set.
   *
   * @return the operating system, or null
   */
  public String getOs() {
    return os;
  }

  /**
   * Returns {@code os_version}, or null when not set.
   *
   * @return the operating system version, or null
   */
  public String getOsVersion() {
    return osVersion;
  }

  /**
   * Returns {@code source_id} (channel code), or null when not set.
   *
   * @return the channel code, or null
   */
  public Long getSourceId() {
    return sourceId;
  }

  /** The wire parameters after {@code app_id}, in the draft's order; unset fields are null. */
  Map<String, Object> toParams() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("pay_type", payType);
    p.put("amount", amount);
    p.put("product_id", productId);
    p.put("product_name", productName);
    p.put("ext_data", extData);
    p.put("memo", memo);
    p.put("os", os);
    p.put("os_version", osVersion);
    p.put("source_id", sourceId);
    return p;
  }

  @Override
  public String toString() {
    return "CreateOrderParams{payType=" + payType + ", amount=" + amount + ", productId=" + productId
        + ", productName=" + productName + ", extData=" + extData + ", memo=" + memo + ", os=" + os
        + ", osVersion=" + osVersion + ", sourceId=" + sourceId + "}";
  }

  /** Builds {@link CreateOrderParams}. Not thread-safe. */
  public static final class Builder {
    int payType;
    boolean payTypeSet;
    long amount;
    boolean amountSet;
    String productId;
    String productName;
    String extData;
    String memo;
    String os;
    String osVersion;
    Long sourceId;

    Builder() {}

    /**
     * Sets {@code pay_type} (required, {@code >= 0}), passed through unchanged.
     *
     * @param payType the pay type
     * @return this builder
     */
    public Builder payType(int payType) {
      this.payType = payType;
      this.payTypeSet = true;
      return this;
    }

    /**
     * Sets {@code amount} in fen (required, {@code > 0}); 100 is 1.00 CNY.
     *
     * @param amount the amount in fen
     * @return this builder
     */
    public Builder amount(long amount) {
      this.amount = amount;
      this.amountSet = true;
      return this;
    }

    /**
     * Sets {@code product_id}; null unsets it.
     *
     * @param productId the product id, or null
     * @return this builder
     */
    public Builder productId(String productId) {
      this.productId = productId;
      return this;
    }

    /**
     * Sets {@code product_name}; null unsets it.
     *
     * @param productName the product name, or null
     * @return this builder
     */
    public Builder productName(String productName) {
      this.productName = productName;
      return this;
    }

    /**
     * Sets {@code ext_data}, free text returned with the order; null unsets it.
     *
     * @param extData the extra data, or null
     * @return this builder
     */
    public Builder extData(String extData) {
      this.extData = extData;
      return this;
    }

    /**
     * Sets {@code memo}; null unsets it.
     *
     * @param memo the memo, or null
     * @return this builder
     */
    public Builder memo(String memo) {
      this.memo = memo;
      return this;
    }

    /**
     * Sets {@code os}, the payer's operating system; null unsets it.
     *
     * @param os the operating system, or null
     * @return this builder
     */
    public Builder os(String os) {
      this.os = os;
      return this;
    }

    /**
     * Sets {@code os_version}; null unsets it.
     *
     * @param osVersion the operating system version, or null
     * @return this builder
     */
    public Builder osVersion(String osVersion) {
      this.osVersion = osVersion;
      return this;
    }

    /**
     * Sets {@code source_id}, the channel code ({@code >= 0}).
     *
     * @param sourceId the channel code
     * @return this builder
     */
    public Builder sourceId(long sourceId) {
      this.sourceId = sourceId;
      return this;
    }

    /**
     * Returns the params.
     *
     * @return the params
     * @throws IllegalArgumentException naming the field, if payType or amount is missing, payType is
     *     negative, amount is not positive, sourceId is negative, or a text field is too long
     */
    public CreateOrderParams build() {
      if (!payTypeSet) throw new IllegalArgumentException("payType is required");
      Checks.nonNegative("payType", payType);
      if (!amountSet) throw new IllegalArgumentException("amount is required");
      Checks.positive("amount", amount);
      Checks.maxLength("productId", productId, MAX_PRODUCT_ID);
      Checks.maxLength("productName", productName, MAX_PRODUCT_NAME);
      Checks.maxLength("extData", extData, MAX_EXT_DATA);
      Checks.maxLength("memo", memo, MAX_MEMO);
      Checks.maxLength("os", os, MAX_OS);
      Checks.maxLength("osVersion", osVersion, MAX_OS);
      if (sourceId != null) Checks.nonNegative("sourceId", sourceId);
      return new CreateOrderParams(this);
    }
  }
}
