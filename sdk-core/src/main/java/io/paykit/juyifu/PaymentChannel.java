package io.paykit.juyifu;

import java.util.Map;

/**
 * A payment channel used for routing ({@code {id, source_id, pay_type, name, weight, enabled}}).
 * Experimental: the gateway documents only the heading (渠道路由); the fields are PayKit's proposal.
 *
 * <p>Immutable and thread-safe.
 */
public final class PaymentChannel {
  private final String id;
  private final Long sourceId;
  private final Integer payType;
  private final String name;
  private final Integer weight;
  private final Boolean enabled;

  private PaymentChannel(Map<String, Object> m, String path) throws Wire.WireException {
    this.id = Wire.string(m, "id");
    this.sourceId = Wire.longValue(m, "source_id", path);
    this.payType = Wire.intValue(m, "pay_type", path);
    this.name = Wire.string(m, "name");
    this.weight = Wire.intValue(m, "weight", path);
    this.enabled = Wire.bool(m, "enabled");
  }

  static PaymentChannel from(Map<String, Object> m, String path) throws Wire.WireException {
    return new PaymentChannel(m, path);
  }

  /**
   * Returns the channel id as text, or null.
   *
   * @return the channel id, or null
   */
  public String getId() {
    return id;
  }

  /**
   * Returns the channel code {@code source_id}, or null.
   *
   * @return the channel code, or null
   */
  public Long getSourceId() {
    return sourceId;
  }

  /**
   * Returns the {@code pay_type} it serves, or null.
   *
   * @return the pay type, or null
   */
  public Integer getPayType() {
    return payType;
  }

  /**
   * Returns the name, or null.
   *
   * @return the name, or null
   */
  public String getName() {
    return name;
  }

  /**
   * Returns the routing weight, or null.
   *
   * @return the routing weight, or null
   */
  public Integer getWeight() {
    return weight;
  }

  /**
   * Returns whether it takes traffic ({@code true}/{@code false} or {@code 1}/{@code 0}), or null.
   *
   * @return whether the channel is enabled, or null
   */
  public Boolean getEnabled() {
    return enabled;
  }

  @Override
  public String toString() {
    return "PaymentChannel{id=" + id + ", sourceId=" + sourceId + ", payType=" + payType + ", name="
        + name + ", weight=" + weight + ", enabled=" + enabled + "}";
  }
}
