package io.paykit;

import io.paykit.http.ApiRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-request overrides of a client's defaults: timeouts, the number of retries and extra headers.
 *
 * <p>Immutable and thread-safe. Unset values fall back to the client's configuration.
 *
 * <pre>{@code
 * RequestOptions slow = RequestOptions.builder().readTimeout(Duration.ofSeconds(90)).maxRetries(0).build();
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions DEFAULTS = builder().build();

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Duration callTimeout;
  private final Integer maxRetries;
  private final Map<String, String> headers;

  RequestOptions(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    this.callTimeout = b.callTimeout;
    this.maxRetries = b.maxRetries;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
  }

  /**
   * Returns options that change nothing.
   *
   * @return the shared default options, with every value unset
   */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these options.
   *
   * @return a new builder initialised with a copy of these options
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.writeTimeout = writeTimeout;
    b.callTimeout = callTimeout;
    b.maxRetries = maxRetries;
    b.headers.putAll(headers);
    return b;
  }

  /**
   * Returns the connect timeout, or null to use the client's.
   *
   * @return the connect timeout, or null
   */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Returns the read timeout, or null to use the client's.
   *
   * @return the read timeout, or null
   */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /**
   * Returns the write timeout, or null to use the client's.
   *
   * @return the write timeout, or null
   */
  public Duration getWriteTimeout() {
    return writeTimeout;
  }

  /**
   * Returns the timeout of one whole attempt, or null to use the client's.
   *
   * @return the call timeout, or null
   */
  public Duration getCallTimeout() {
    return callTimeout;
  }

  /**
   * Returns the maximum number of retries, or null to use the client's.
   *
   * @return the maximum number of retries, or null
   */
  public Integer getMaxRetries() {
    return maxRetries;
  }

  /**
   * Returns the extra headers, in insertion order; never null.
   *
   * @return an unmodifiable map of header names to values
   */
  public Map<String, String> getHeaders() {
    return headers;
  }

  @Override
  public String toString() {
    // Header values may carry credentials: names only.
    return "RequestOptions{connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", writeTimeout=" + writeTimeout + ", callTimeout=" + callTimeout
        + ", maxRetries=" + maxRetries + ", headers=" + headers.keySet() + "}";
  }

  /** Builds {@link RequestOptions}. Not thread-safe. */
  public static final class Builder {
    Duration connectTimeout;
    Duration readTimeout;
    Duration writeTimeout;
    Duration callTimeout;
    Integer maxRetries;
    final Map<String, String> headers = new LinkedHashMap<>();

    Builder() {}

    /**
     * Sets the connect timeout.
     *
     * @param timeout the connect timeout; must be positive
     * @return this builder
     * @throws IllegalArgumentException if null or not positive
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets the read timeout.
     *
     * @param timeout the read timeout; must be positive
     * @return this builder
     * @throws IllegalArgumentException if null or not positive
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive("readTimeout", timeout);
      return this;
    }

    /**
     * Sets the write timeout.
     *
     * @param timeout the write timeout; must be positive
     * @return this builder
     * @throws IllegalArgumentException if null or not positive
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = positive("writeTimeout", timeout);
      return this;
    }

    /**
     * Sets the timeout of one whole attempt (connect, write, server time and read).
     *
     * @param timeout the call timeout; must be positive
     * @return this builder
     * @throws IllegalArgumentException if null or not positive
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive("callTimeout", timeout);
      return this;
    }

    /**
     * Sets the maximum number of retries; 0 disables retries completely.
     *
     * @param maxRetries the maximum number of retries, from 0 to 10
     * @return this builder
     * @throws IllegalArgumentException if negative or above 10
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be in 0..10: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Adds a header sent with the request.
     *
     * @param name the header name
     * @param value the header value
     * @return this builder
     * @throws IllegalArgumentException if the name or value holds CR, LF or other characters HTTP
     *     headers cannot carry
     */
    public Builder header(String name, String value) {
      ApiRequest.checkHeader(name, value);
      headers.put(name, value);
      return this;
    }

    /**
     * Returns the options.
     *
     * @return new immutable options holding this builder's values
     */
    public RequestOptions build() {
      return new RequestOptions(this);
    }

    private static Duration positive(String field, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(field + " must be positive: " + d);
      }
      return d;
    }
  }
}
