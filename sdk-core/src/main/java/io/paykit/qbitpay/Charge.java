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

  /** Returns the charge id. */
  public String getId() {
    return id;
  }

  /** Returns the object type, {@code charge}. */
  public String getObject() {
    return object;
  }

  /** Returns when the charge was created. */
  public Instant getCreatedAt() {
    return createdAt;
  }

  /** Returns whether the charge is paid; false when the gateway did not say. */
  public boolean isPaid() {
    return Boolean.TRUE.equals(paid);
  }

  /** Returns the status; {@link ChargeStatus#UNKNOWN} for a value this version does not know. */
  public ChargeStatus getStatus() {
    return status == null ? ChargeStatus.UNKNOWN : status;
  }

  /** Returns the amount in major units of {@link #getCurrency()}, exactly as sent. */
  public BigDecimal getAmount() {
    return amount;
  }

  /** Returns the settlement currency, such as {@code USD}. */
  public String getCurrency() {
    return currency;
  }

  /** Returns the merchant's order id. */
  public String getExternalOrderId() {
    return externalOrderId;
  }

  /**
   * Returns the hosted payment page. Open it with an access token appended: see {@link
   * QbitPayClient#paymentPageUrl(Charge)}.
   */
  public String getPaymentPageUrl() {
    return paymentPageUrl;
  }

  /** Returns the URL this charge's webhook events go to. */
  public String getCbUrl() {
    return cbUrl;
  }

  /** Returns the URL the payer returns to. */
  public String getRedirectUrl() {
    return redirectUrl;
  }

  /** Returns what the payer actually pays, in {@link #getQuoteCurrency()}. */
  public BigDecimal getTotalCost() {
    return totalCost;
  }

  /** Returns the crypto price in {@link #getQuoteCurrency()}. */
  public BigDecimal getPrice() {
    return price;
  }

  /** Returns the quantity of crypto bought, in {@link #getBaseCurrency()}. */
  public BigDecimal getBaseAmount() {
    return baseAmount;
  }

  /** Returns the crypto currency bought, such as {@code BTC} or {@code USDT}. */
  public String getBaseCurrency() {
    return baseCurrency;
  }

  /** Returns the currency the payer pays in, such as {@code CNY}, {@code USD} or {@code PHP}. */
  public String getQuoteCurrency() {
    return quoteCurrency;
  }

  /** Returns the fee. */
  public BigDecimal getFee() {
    return fee;
  }

  /** Returns how the charge is paid, or null; see {@link PaymentMethod}. */
  public PaymentMethod getPaymentMethod() {
    return paymentMethod;
  }

  /** Returns the payer's name. Personal data: do not log it. */
  public String getPayerName() {
    return payerName;
  }

  /** Returns when an unpaid charge expires. */
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
