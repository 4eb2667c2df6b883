package io.paykit.qbitpay;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A Qbit Pay charge: one payment the payer makes on the hosted page ({@code object: "charge"}).
 *
 * <p>Immutable and thread-safe. Fields the gateway did not send are null ({@link #isPaid()} is then
 * false, {@link #getStatus()} {@link ChargeStatus#UNKNOWN}); amounts are exact {@link BigDecimal}s in
 * major units, as sent. Fields added after the 2019-02 docs (cbUrl, redirectUrl, totalCost, price,
 * baseAmount, baseCurrency, quoteCurrency, fee, paymentMethod, payerName, expiresAt) are null on
 * older deployments.
 */
public final class Charge {
  private String id;
  private String object;
  private Instant createdAt;
  private Boolean paid;
  private ChargeStatus status;
  private BigDecimal amount;
  private String currency;
  private String externalOrderId;
  private String paymentPageUrl;
  private String cbUrl;
  private String redirectUrl;
  private BigDecimal totalCost;
  private BigDecimal price;
  private BigDecimal baseAmount;
  private String baseCurrency;
  private String quoteCurrency;
  private BigDecimal fee;
  private PaymentMethod paymentMethod;
  private String payerName;
  private Instant expiresAt;

  private Charge() {}

  /**
   * Returns the charge id.
   *
   * @return the charge id
   */
  public String getId() {
    return id;
  }

  /**
   * Returns the object type, {@code charge}.
   *
   * @return the object type as sent
   */
  public String getObject() {
    return object;
  }

  /**
   * Returns when the charge was created.
   *
   * @return the creation time
   */
  public Instant getCreatedAt() {
    return createdAt;
  }

  /**
   * Returns whether the charge is paid; false when the gateway did not say.
   *
   * @return true if the gateway said the charge is paid
   */
  public boolean isPaid() {
    return Boolean.TRUE.equals(paid);
  }

  /**
   * Returns the status; {@link ChargeStatus#UNKNOWN} for a value this version does not know.
   *
   * @return the status, never null
   */
  public ChargeStatus getStatus() {
    return status == null ? ChargeStatus.UNKNOWN : status;
  }

  /**
   * Returns the amount in major units of {@link #getCurrency()}, exactly as sent.
   *
   * @return the amount
   */
  public BigDecimal getAmount() {
    return amount;
  }

  /**
   * Returns the settlement currency, such as {@code USD}.
   *
   * @return the settlement currency
   */
  public String getCurrency() {
    return currency;
  }

  /**
   * Returns the merchant's order id.
   *
   * @return the merchant's order id
   */
  public String getExternalOrderId() {
    return externalOrderId;
  }

  /**
   * Returns the hosted payment page. Open it with an access token appended: see {@link
   * QbitPayClient#paymentPageUrl(Charge)}.
   *
   * @return the payment page URL, without an access token
   */
  public String getPaymentPageUrl() {
    return paymentPageUrl;
  }

  /**
   * Returns the URL this charge's webhook events go to.
   *
   * @return the webhook URL
   */
  public String getCbUrl() {
    return cbUrl;
  }

  /**
   * Returns the URL the payer returns to.
   *
   * @return the redirect URL
   */
  public String getRedirectUrl() {
    return redirectUrl;
  }

  /**
   * Returns what the payer actually pays, in {@link #getQuoteCurrency()}.
   *
   * @return the total cost
   */
  public BigDecimal getTotalCost() {
    return totalCost;
  }

  /**
   * Returns the crypto price in {@link #getQuoteCurrency()}.
   *
   * @return the crypto price
   */
  public BigDecimal getPrice() {
    return price;
  }

  /**
   * Returns the quantity of crypto bought, in {@link #getBaseCurrency()}.
   *
   * @return the quantity of crypto bought
   */
  public BigDecimal getBaseAmount() {
    return baseAmount;
  }

  /**
   * Returns the crypto currency bought, such as {@code BTC} or {@code USDT}.
   *
   * @return the crypto currency
   */
  public String getBaseCurrency() {
    return baseCurrency;
  }

  /**
   * Returns the currency the payer pays in, such as {@code CNY}, {@code USD} or {@code PHP}.
   *
   * @return the payer's currency
   */
  public String getQuoteCurrency() {
    return quoteCurrency;
  }

  /**
   * Returns the fee.
   *
   * @return the fee
   */
  public BigDecimal getFee() {
    return fee;
  }

  /**
   * Returns how the charge is paid, or null; see {@link PaymentMethod}.
   *
   * @return the payment method, or null
   */
  public PaymentMethod getPaymentMethod() {
    return paymentMethod;
  }

  /**
   * Returns the payer's name. Personal data: do not log it.
   *
   * @return the payer's name
   */
  public String getPayerName() {
    return payerName;
  }

  /**
   * Returns when an unpaid charge expires.
   *
   * @return the expiry time
   */
  public Instant getExpiresAt() {
    return expiresAt;
  }

  @Override
  public String toString() {
    return "Charge{id=" + id + ", status=" + getStatus()
        + ", amount=" + (amount == null ? null : amount.toPlainString()) + " " + currency
        + ", externalOrderId=" + externalOrderId + ", createdAt=" + createdAt + "}";
  }
}
