package io.paykit.juyifu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link JuyifuClient#addChannel} sends. Experimental: the gateway documents only the heading
 * (渠道路由 / 添加渠道); the fields are PayKit's proposal.
 *
 * <pre>{@code
 * ChannelParams params = ChannelParams.builder()
 *     .sourceId(9001).payType(1).name("支付宝主通道").weight(10)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@code weight} (0–{@value #MAX_WEIGHT}) and {@code enabled} are sent
 * only when set; the gateway's default weight is 1. {@code enabled} travels as {@code true} or {@code
 * false}.
 */
public final class ChannelParams {
  /** Longest accepted {@code name}. */
  public static final int MAX_NAME = 64;
  /** Largest accepted {@code weight}. */
  public static final int MAX_WEIGHT = 10_000;

  private final long sourceId;
  private final int payType;
  private final String name;
  private final Integer weight;
  private final Boolean enabled;

  ChannelParams(Builder b) {
    this.sourceId = b.sourceId;
    this.payType = b.payType;
    this.name = b.name;
    this.weight = b.weight;
    this.enabled = b.enabled;
  }

  /**
   * Returns a new builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these params.
   *
   * @return a new builder initialised from these params
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.sourceId = sourceId;
    b.payType = payType;
    b.name = name;
    b.weight = weight;
    b.enabled = enabled;
    return b;
  }

  /**
   * Returns the channel code {@code source_id}.
   *
   * @return the channel code
   */
  public long getSourceId() {
    return sourceId;
  }

  /**
   * Returns the {@code pay_type} the channel serves.
   *
   * @return the pay type
   */
  public int getPayType() {
    return payType;
  }

  /**
   * Returns the channel's name.
   *
   * @return the channel's name
   */
  public String getName() {
    return name;
  }

  /**
   * Returns the routing weight, or null when not set.
   *
   * @return the routing weight, or null
   */
  public Integer getWeight() {
    return weight;
  }

  /**
   * Returns whether the channel is enabled, or null when not set.
   *
   * @return whether the channel is enabled, or null
   */
  public Boolean getEnabled() {
    return enabled;
  }

  Map<String, Object> toParams() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("source_id", sourceId);
    p.put("pay_type", payType);
    p.put("name", name);
    p.put("weight", weight);
    p.put("enabled", enabled);
    return p;
  }

  @Override
  public String toString() {
    return "ChannelParams{sourceId=" + sourceId + ", payType=" + payType + ", name=" + name
        + ", weight=" + weight + ", enabled=" + enabled + "}";
  }

  /** Builds {@link ChannelParams}. Not thread-safe. */
  public static final class Builder {
    Long sourceId;
    Integer payType;
    String name;
    Integer weight;
    Boolean enabled;

    Builder() {}

    /**
     * Sets the channel code {@code source_id} (required, {@code >= 0}).
     *
     * @param sourceId the channel code
     * @return this builder
     */
    public Builder sourceId(long sourceId) {
      this.sourceId = sourceId;
      return this;
    }

    /**
     * Sets the {@code pay_type} the channel serves (required, {@code >= 0}).
     *
     * @param payType the pay type
     * @return this builder
     */
    public Builder payType(int payType) {
      this.payType = payType;
      return this;
    }

    /**
     * Sets the channel's name (required).
     *
     * @param name the channel's name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the routing weight, 0–10000; unset leaves the gateway's default (1).
     *
     * @param weight the routing weight
     * @return this builder
     */
    public Builder weight(int weight) {
      this.weight = weight;
      return this;
    }

    /**
     * Sets whether the channel takes traffic; unset leaves the gateway's default.
     *
     * @param enabled whether the channel takes traffic
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Returns the params.
     *
     * @return the params
     * @throws IllegalArgumentException naming the field, if sourceId, payType or name is missing or
     *     negative/empty, name is too long, or weight is out of range
     */
    public ChannelParams build() {
      Checks.nonNegative("sourceId", Checks.notNull("sourceId", sourceId));
      Checks.nonNegative("payType", Checks.notNull("payType", payType));
      Checks.required("name", name, MAX_NAME);
      if (weight != null && (weight < 0 || weight > MAX_WEIGHT)) {
        throw new IllegalArgumentException("weight must be in 0.." + MAX_WEIGHT + ": " + weight);
      }
      return new ChannelParams(this);
    }
  }
}
