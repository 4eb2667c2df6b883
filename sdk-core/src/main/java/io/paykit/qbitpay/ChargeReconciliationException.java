package io.paykit.qbitpay;

import io.paykit.PayKitException;

/**
 * {@link QbitPayClient#createCharge(ChargeCreateParams)} cannot tell whether the charge exists: a
 * create attempt may have reached Qbit Pay, and looking the charge up by its {@code externalOrderId}
 * failed too, or found a charge with that id but a different amount or currency.
 *
 * <p>Do not create the charge again until {@code listCharges} with {@link #getExternalOrderId()}
 * shows whether it exists. {@link #mayHaveReachedServer()} is true and {@link #isRetrySafe()} false.
 * The cause is the failed lookup, when there was one.
 */
public final class ChargeReconciliationException extends PayKitException {
  private static final long serialVersionUID = 1L;

  /** The merchant order id to look the charge up by. */
  private final String externalOrderId;
  /** The failure of the create attempt that may have reached the gateway. */
  private final PayKitException createFailure;

  ChargeReconciliationException(
      String message, String externalOrderId, PayKitException createFailure, PayKitException cause) {
    super(message, cause, true, false);
    this.externalOrderId = externalOrderId;
    this.createFailure = createFailure;
  }

  /**
   * Returns the merchant order id to look the charge up by.
   *
   * @return the merchant order id
   */
  public String getExternalOrderId() {
    return externalOrderId;
  }

  /**
   * Returns the failure of the create attempt that may have reached the gateway.
   *
   * @return the create attempt's failure
   */
  public PayKitException getCreateFailure() {
    return createFailure;
  }
}
