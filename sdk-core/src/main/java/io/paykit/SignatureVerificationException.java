package io.paykit;

/**
 * An inbound message (notification, webhook or signed response) failed verification: a missing or
 * malformed signature, a signature that does not match, a foreign app id, or a timestamp outside the
 * window. The message names the reason, never the expected signature.
 *
 * <p>Treat the message as forged: do not act on it.
 */
public final class SignatureVerificationException extends PayKitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param reason why verification failed, free of secrets and signatures
   */
  public SignatureVerificationException(String reason) {
    super(reason, null, false, true);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param reason why verification failed, free of secrets and signatures
   * @param cause the parse failure behind it
   */
  public SignatureVerificationException(String reason, Throwable cause) {
    super(reason, cause, false, true);
  }
}
