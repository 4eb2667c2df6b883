package io.paykit;

/**
 * Root of every exception PayKit throws for a call that did not succeed.
 *
 * <p>Unchecked, so auto-paging iterators and callbacks need no wrapping. Every instance answers the two
 * questions a payment integration must ask before acting on a failure: {@link #mayHaveReachedServer()}
 * (could the gateway have acted on the request?) and {@link #isRetrySafe()} (can the very same request be
 * sent again without risking a duplicate?). Messages never contain a secret, token or signature.
 */
public abstract class PayKitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Whether the gateway may have received and acted on the request. */
  private final boolean mayHaveReachedServer;
  /** Whether sending the same request again cannot create a duplicate. */
  private final boolean retrySafe;

  /**
   * Creates an exception.
   *
   * @param message what happened, free of secrets
   * @param cause the underlying cause, or null
   * @param mayHaveReachedServer whether the gateway may have received and acted on the request
   * @param retrySafe whether sending the same request again cannot create a duplicate
   */
  protected PayKitException(
      String message, Throwable cause, boolean mayHaveReachedServer, boolean retrySafe) {
    super(message, cause);
    this.mayHaveReachedServer = mayHaveReachedServer;
    this.retrySafe = retrySafe;
  }

  /**
   * Returns whether the gateway may have received, and acted on, the request. False only when PayKit
   * can prove the request never left this process (for example the connection could not be opened).
   *
   * @return false only if the request provably never reached the gateway
   */
  public boolean mayHaveReachedServer() {
    return mayHaveReachedServer;
  }

  /**
   * Returns whether sending the same request again is safe: it cannot create a second order, charge or
   * refund. True for reads, for requests that provably never reached the gateway, and for requests the
   * gateway rejected before acting on them.
   *
   * @return true if the same request may be sent again without risking a duplicate
   */
  public boolean isRetrySafe() {
    return retrySafe;
  }
}
