package io.paykit;

import java.time.Instant;

/**
 * An access token issued by a gateway, with the instant it stops being valid.
 *
 * <p>Immutable. {@link #toString()} never shows the token itself.
 */
public final class AccessToken {
  private final String value;
  private final Instant expiresAt;

  private AccessToken(String value, Instant expiresAt) {
    this.value = value;
    this.expiresAt = expiresAt;
  }

  /**
   * Creates a token.
   *
   * @param value the token text
   * @param expiresAt when it expires, or null when unknown
   * @return the new token
   * @throws IllegalArgumentException if the value is null or empty
   */
  public static AccessToken of(String value, Instant expiresAt) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("access token value must not be empty");
    }
    return new AccessToken(value, expiresAt);
  }

  /**
   * Returns the token text. Treat it as a secret: never log it.
   *
   * @return the token text
   */
  public String getValue() {
    return value;
  }

  /**
   * Returns when the token expires, or null when the gateway did not say.
   *
   * @return the expiry instant, or null when unknown
   */
  public Instant getExpiresAt() {
    return expiresAt;
  }

  /**
   * Returns whether the token is expired at {@code now}, or will be within {@code marginSeconds}.
   * A token without a known expiry is never considered expired.
   *
   * @param now the current instant
   * @param marginSeconds how many seconds before the actual expiry to already treat the token as expired
   * @return true if the token expires at or before {@code now + marginSeconds}; false if not or if the
   *     expiry is unknown
   */
  public boolean isExpired(Instant now, long marginSeconds) {
    return expiresAt != null && !now.plusSeconds(marginSeconds).isBefore(expiresAt);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AccessToken)) return false;
    AccessToken that = (AccessToken) o;
    return value.equals(that.value)
        && (expiresAt == null ? that.expiresAt == null : expiresAt.equals(that.expiresAt));
  }

  @Override
  public int hashCode() {
    return value.hashCode() * 31 + (expiresAt == null ? 0 : expiresAt.hashCode());
  }

  @Override
  public String toString() {
    return "AccessToken{value=****, expiresAt=" + expiresAt + "}";
  }
}
