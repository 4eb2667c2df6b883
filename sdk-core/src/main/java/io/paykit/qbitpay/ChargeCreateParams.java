package io.paykit.qbitpay;

import java.math.BigDecimal;

/**
 * What {@link QbitPayClient#createCharge(ChargeCreateParams)} sends to {@code POST /api/v1/charges}.
 *
 * <pre>{@code
 * ChargeCreateParams params = ChargeCreateParams.builder()
 *     .amount(new BigDecimal("10.50")).currency("USD").externalOrderId("order-1001")
 *     .cbUrl("https://shop.example/qbit/webhook").redirectUrl("https://shop.example/paid")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@code externalOrderId} is the key that keeps a create safe to
 * reconcile after a network failure: use a new one for every order.
 */
public final class ChargeCreateParams {
  private final BigDecimal amount;
  private final String currency;
  private final String externalOrderId;
  private final String cbUrl;
  private final String redirectUrl;
  private final String baseCurrency;
  private final String quoteCurrency;
  private final String paymentType;
  private final String payerName;

  ChargeCreateParams(Builder b) {
    this.amount = b.amount;
    this.currency = b.currency;
    this.externalOrderId = b.externalOrderId;
    this.cbUrl = b.cbUrl;
    this.redirectUrl = b.redirectUrl;
    this.baseCurrency = b.baseCurrency;
    this.quoteCurrency = b.quoteCurrency;
    this.paymentType = b.paymentType;
    this.payerName = b.payerName;
  }

  /**
   * Returns a new, empty builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these params, to change one field.
   *
   * @return a new builder initialised from these params
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.amount = amount;
    b.currency = currency;
    b.externalOrderId = externalOrderId;
    b.cbUrl = cbUrl;
    b.redirectUrl = redirectUrl;
    b.baseCurrency = baseCurrency;
    b.quoteCurrency = quoteCurrency;
    b.paymentType = paymentType;
    b.payerName = payerName;
    return b;
  }

  /**
   * Returns the amount in major units of {@link #getCurrency()}, exactly as given.
   *
   * @return the amount
   */
  public BigDecimal getAmount() {
    return amount;
  }

  /**
   * Returns the settlement currency, such as {@code USD} or {@code USDT}.
   *
   * @return the settlement currency
   */
  public String getCurrency() {
    return currency;
  }

  /**
   * Returns the merchant's order id, the key a create is reconciled by.
   *
   * @return the merchant's order id
   */
  public String getExternalOrderId() {
    return externalOrderId;
  }

  /**
   * Returns the URL the gateway sends this charge's webhook events to.
   *
   * @return the webhook URL
   */
  public String getCbUrl() {
    return cbUrl;
  }

  /**
   * Returns the URL the payer's browser returns to.
   *
   * @return the redirect URL
   */
  public String getRedirectUrl() {
    return redirectUrl;
  }

  /**
   * Returns the crypto currency bought ({@code BTC}, {@code USDT}), or null for the gateway default.
   *
   * @return the crypto currency, or null
   */
  public String getBaseCurrency() {
    return baseCurrency;
  }

  /**
   * Returns the currency the payer pays in ({@code CNY}, {@code USD}, {@code PHP}), or null.
   *
   * @return the payer's currency, or null
   */
  public String getQuoteCurrency() {
    return quoteCurrency;
  }

  /**
   * Returns the payment type ({@code Alipay}, {@code PayPal}, {@code bankAccount}, ...), or null.
   *
   * @return the payment type, or null
   */
  public String getPaymentType() {
    return paymentType;
  }

  /**
   * Returns the payer's name, or null.
   *
   * @return the payer's name, or null
   */
  public String getPayerName() {
    return payerName;
  }

  @Override
  public String toString() {
    // The payer's name is personal data: shape only.
    return "ChargeCreateParams{amount=" + amount.toPlainString() + ", currency=" + currency
        + ", externalOrderId=" + externalOrderId
        + (baseCurrency != null ? ", baseCurrency=" + baseCurrency : "")
        + (quoteCurrency != null ? ", quoteCurrency=" + quoteCurrency : "")
        + (paymentType != null ? ", paymentType=" + paymentType : "")
        + (payerName != null ? ", payerName=****" : "") + "}";
  }

  /** Builds {@link ChargeCreateParams}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    BigDecimal amount;
    String currency;
    String externalOrderId;
    String cbUrl;
    String redirectUrl;
    String baseCurrency;
    String quoteCurrency;
    String paymentType;
    String payerName;

    Builder() {}

    /**
     * Sets the amount in major units (dollars, not cents); sent as a JSON number exactly as given.
     *
     * @param amount the amount in major units
     * @return this builder
     */
    public Builder amount(BigDecimal amount) {
      this.amount = amount;
      return this;
    }

    /**
     * Sets the settlement currency: uppercase letters such as {@code USD} or {@code USDT}.
     *
     * @param currency the settlement currency
     * @return this builder
     */
    public Builder currency(String currency) {
      this.currency = currency;
      return this;
    }

    /**
     * Sets the merchant's order id; it must be unique per order (see the class Javadoc).
     *
     * @param externalOrderId the merchant's order id
     * @return this builder
     */
    public Builder externalOrderId(String externalOrderId) {
      this.externalOrderId = externalOrderId;
      return this;
    }

    /**
     * Sets the absolute http(s) URL this charge's webhook events go to.
     *
     * @param cbUrl the webhook URL
     * @return this builder
     */
    public Builder cbUrl(String cbUrl) {
      this.cbUrl = cbUrl;
      return this;
    }

    /**
     * Sets the absolute http(s) URL the payer returns to.
     *
     * @param redirectUrl the redirect URL
     * @return this builder
     */
    public Builder redirectUrl(String redirectUrl) {
      this.redirectUrl = redirectUrl;
      return this;
    }

    /**
     * Sets the crypto currency bought (optional; the gateway defaults to {@code BTC}).
     *
     * @param baseCurrency the crypto currency
     * @return this builder
     */
    public Builder baseCurrency(String baseCurrency) {
      this.baseCurrency = baseCurrency;
      return this;
    }

    /**
     * Sets the currency the payer pays in (optional; the gateway defaults to {@code CNY}).
     *
     * @param quoteCurrency the payer's currency
     * @return this builder
     */
    public Builder quoteCurrency(String quoteCurrency) {
      this.quoteCurrency = quoteCurrency;
      return this;
    }

    /**
     * Sets the payment type, passed through as given (optional).
     *
     * @param paymentType the payment type
     * @return this builder
     */
    public Builder paymentType(String paymentType) {
      this.paymentType = paymentType;
      return this;
    }

    /**
     * Sets the payer's name (optional).
     *
     * @param payerName the payer's name
     * @return this builder
     */
    public Builder payerName(String payerName) {
      this.payerName = payerName;
      return this;
    }

    /**
     * Validates and returns the params.
     *
     * @return the params
     * @throws IllegalArgumentException naming the field: amount missing, not above 0, more than 8
     *     decimals or above 10^15; a currency that is not uppercase letters; externalOrderId empty,
     *     longer than 128 characters or with control characters; cbUrl or redirectUrl not an
     *     absolute http(s) URL; paymentType or payerName empty, too long or with control characters
     */
    public ChargeCreateParams build() {
      Checks.amount("amount", amount);
      Checks.currency("currency", currency, true);
      Checks.text("externalOrderId", externalOrderId, Checks.MAX_ID_LENGTH, true);
      Checks.url("cbUrl", cbUrl, true);
      Checks.url("redirectUrl", redirectUrl, true);
      Checks.currency("baseCurrency", baseCurrency, false);
      Checks.currency("quoteCurrency", quoteCurrency, false);
      Checks.text("paymentType", paymentType, Checks.MAX_ID_LENGTH, false);
      Checks.text("payerName", payerName, Checks.MAX_TEXT_LENGTH, false);
      return new ChargeCreateParams(this);
    }
  }
}
