package io.paykit;

import java.io.IOException;

/**
 * The call failed on the network: the connection could not be opened, was reset, or timed out.
 *
 * <p>{@link #mayHaveReachedServer()} is false only when the request provably never left (the
 * connection could not be opened); after that point the gateway may have acted on it, and a create must
 * be reconciled through the gateway's own uniqueness key before it is sent again.
 */
public final class NetworkException extends PayKitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened, free of secrets
   * @param cause the I/O failure
   * @param mayHaveReachedServer whether the request may have reached the gateway
   * @param retrySafe whether the same request may be sent again without risking a duplicate
   */
  public NetworkException(
      String message, IOException cause, boolean mayHaveReachedServer, boolean retrySafe) {
    super(message, cause, mayHaveReachedServer, retrySafe);
  }
}
