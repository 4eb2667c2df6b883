package io.paykit.qbitpay;

import com.squareup.moshi.Json;

/** The state of a {@link Charge}. Values the gateway adds later read as {@link #UNKNOWN}. */
public enum ChargeStatus {
  /** Created; the payer has not paid yet ({@code pending}). */
  @Json(name = "pending")
  PENDING("pending"),
  /** The payer says they paid ({@code buyerPaid}); see {@link QbitPayClient#markBuyerPaid(String)}. */
  @Json(name = "buyerPaid")
  BUYER_PAID("buyerPaid"),
  /** The seller confirmed receipt ({@code sellerConfirmed}). */
  @Json(name = "sellerConfirmed")
  SELLER_CONFIRMED("sellerConfirmed"),
  /** Finished ({@code closed}). */
  @Json(name = "closed")
  CLOSED("closed"),
  /** Cancelled ({@code cancelled}). */
  @Json(name = "cancelled")
  CANCELLED("cancelled"),
  /** Under dispute ({@code dispute}). */
  @Json(name = "dispute")
  DISPUTE("dispute"),
  /** A value this version of PayKit does not know, or none. */
  UNKNOWN(null);

  private final String value;

  ChargeStatus(String value) {
    this.value = value;
  }

  /**
   * Returns the wire value, such as {@code buyerPaid}; null for {@link #UNKNOWN}.
   *
   * @return the wire value, or null
   */
  public String getValue() {
    return value;
  }
}
