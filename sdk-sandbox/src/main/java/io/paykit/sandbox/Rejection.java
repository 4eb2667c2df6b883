package io.paykit.sandbox;

/**
 * A request the gateway refuses: the HTTP status, the gateway's business code (聚易付 1000…, 银钱通
 * 4403…) or error type (Qbit Pay), and a message for the merchant. Never carries a secret.
 */
final class Rejection extends Exception {
  private static final long serialVersionUID = 1L;

  final int httpStatus;
  final int code;
  final String type;

  Rejection(int httpStatus, int code, String message) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.code = code;
    this.type = null;
  }

  Rejection(int httpStatus, String type, String message) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.code = 0;
    this.type = type;
  }
}
