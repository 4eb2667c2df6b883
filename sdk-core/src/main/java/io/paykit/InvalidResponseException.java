package io.paykit;

/**
 * The gateway's response could not be understood: malformed or truncated JSON, an HTML error page, an
 * empty body, a wrong content type, or JSON of the wrong shape.
 *
 * <p>Carries the HTTP status and the first 512 characters of the body with secrets masked, for
 * diagnosis. Whether the gateway acted on the request is unknown, so a create is not retry-safe.
 */
public final class InvalidResponseException extends PayKitException {
  private static final long serialVersionUID = 1L;

  /** How much of a body is kept for diagnosis. */
  public static final int MAX_SNIPPET_LENGTH = 512;

  /** The HTTP status of the response. */
  private final int httpStatus;
  /** The start of the body with secrets masked, or null. */
  private final String bodySnippet;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, free of secrets
   * @param httpStatus the HTTP status of the response
   * @param bodySnippet the start of the body, already masked, at most {@link #MAX_SNIPPET_LENGTH}
   *     characters
   * @param cause the parse failure, or null
   * @param retrySafe whether the same request may be sent again without risking a duplicate
   */
  public InvalidResponseException(
      String message, int httpStatus, String bodySnippet, Throwable cause, boolean retrySafe) {
    super(message + " (HTTP " + httpStatus + ")", cause, true, retrySafe);
    this.httpStatus = httpStatus;
    this.bodySnippet =
        bodySnippet == null || bodySnippet.length() <= MAX_SNIPPET_LENGTH
            ? bodySnippet
            : bodySnippet.substring(0, MAX_SNIPPET_LENGTH);
  }

  /**
   * Returns the HTTP status of the response.
   *
   * @return the HTTP status code
   */
  public int getHttpStatus() {
    return httpStatus;
  }

  /**
   * Returns the first characters of the body with secrets masked, or null when there was none.
   *
   * @return the masked body snippet, or null
   */
  public String getBodySnippet() {
    return bodySnippet;
  }
}
