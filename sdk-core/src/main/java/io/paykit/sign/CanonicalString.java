package io.paykit.sign;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the string the gateways sign: parameters sorted by key ({@link String#compareTo}, which is
 * ASCII order for ASCII keys), joined as {@code k=v&k=v} with raw values (no URL encoding, no
 * quoting), then a suffix appended verbatim.
 *
 * <pre>{@code
 * CanonicalString yinqiantong = CanonicalString.builder().exclude("sign").build();
 * String content = yinqiantong.of(params, "&app_secret=" + secret);   // then Signer.md5()
 *
 * CanonicalString juyifu = CanonicalString.builder()
 *     .exclude("sign", "sign_type").emptyValues(CanonicalString.EmptyValues.KEEP).build();
 * String content = juyifu.of(params, secret);                         // secret appended directly
 * }</pre>
 *
 * <p>Values render as: {@code String} as is; integers ({@code Integer}, {@code Long}, {@code Short},
 * {@code Byte}, {@code BigInteger}) in decimal; {@code BigDecimal} by {@code toPlainString()};
 * {@code Double} and {@code Float} without a decimal point when integral ({@code 1.0} gives
 * {@code 1}) and otherwise in plain decimal ({@code 1.0E-5} gives {@code 0.00001}); {@code Boolean}
 * as {@code true}/{@code false}; an enum by {@code name()}; a {@code Collection} or array as its
 * elements joined by the array separator; anything else by {@code toString()}. A {@code Map} value
 * is refused: pass nested JSON as an already-rendered string.
 *
 * <p>Immutable and thread-safe: build once, reuse.
 */
public final class CanonicalString {

  /** What to do with a parameter whose value is null or renders as the empty string. */
  public enum EmptyValues {
    /** Leave the parameter out (银钱通, Qbit Pay). */
    DROP,
    /** Keep it as {@code k=} (聚易付, which signs every parameter it sends). */
    KEEP
  }

  private final Set<String> excluded;
  private final EmptyValues emptyValues;
  private final String arraySeparator;

  CanonicalString(Builder builder) {
    this.excluded = Collections.unmodifiableSet(new LinkedHashSet<>(builder.excluded));
    this.emptyValues = builder.emptyValues;
    this.arraySeparator = builder.arraySeparator;
  }

  /**
   * Returns a builder with no exclusions, {@link EmptyValues#DROP} and separator {@code ","}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the sorted {@code k=v&k=v} string of {@code params}, without suffix.
   *
   * @param params the parameters to sign, by key
   * @return the canonical string
   * @throws IllegalArgumentException if {@code params} is null, holds a null key, a {@code Map}
   *     value, a null element or nested collection in a collection, or a non-finite floating-point
   *     number
   */
  public String of(Map<String, ?> params) {
    return of(params, "");
  }

  /**
   * Returns the sorted {@code k=v&k=v} string of {@code params} followed by {@code suffix} verbatim:
   * e.g. {@code "&app_secret=" + secret}, {@code "&key=" + apiKey}, the secret itself, or
   * {@code "&ts=" + ts + "&app_secret=" + secret}.
   *
   * @param params the parameters to sign, by key
   * @param suffix the text appended verbatim after the parameters; may be empty
   * @return the canonical string followed by the suffix
   * @throws IllegalArgumentException if {@code params} or {@code suffix} is null, or {@code params}
   *     holds a null key, a {@code Map} value, a null element or nested collection in a collection,
   *     or a non-finite floating-point number
   */
  public String of(Map<String, ?> params, String suffix) {
    String[] pieces = pieces(params, suffix);
    int length = 0;
    for (String piece : pieces) {
      if (piece != null) length += piece.length() + 1;
    }
    // Sized exactly: a 2 KB value would otherwise regrow the builder many times.
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i + 1 < pieces.length; i += 2) {
      if (pieces[i] == null) continue;
      if (out.length() > 0) out.append('&');
      out.append(pieces[i]).append('=').append(pieces[i + 1]);
    }
    return out.append(pieces[pieces.length - 1]).toString();
  }

  /**
   * Returns {@link #of(Map, String)} encoded as UTF-8, the bytes a digest or signature is taken over,
   * without building the string first: a 2 KB value holding CJK text is then encoded once instead of
   * being copied into a string builder, then a string, and only then encoded.
   *
   * @param params the parameters to sign, by key
   * @param suffix the text appended verbatim after the parameters; may be empty
   * @return the UTF-8 bytes of the canonical string followed by the suffix
   * @throws IllegalArgumentException as {@link #of(Map, String)}
   */
  public byte[] utf8(Map<String, ?> params, String suffix) {
    String[] pieces = pieces(params, suffix);
    byte[][] encoded = new byte[pieces.length][];
    int length = 0;
    int pairs = 0;
    for (int i = 0; i < pieces.length; i++) {
      if (pieces[i] == null) continue;
      encoded[i] = pieces[i].getBytes(StandardCharsets.UTF_8);
      length += encoded[i].length;
      if (i % 2 == 0 && i + 1 < pieces.length) pairs++;
    }
    // Each pair brings its '=', and every pair but the first an '&' before it.
    byte[] out = new byte[length + (pairs == 0 ? 0 : 2 * pairs - 1)];
    int at = 0;
    for (int i = 0; i + 1 < encoded.length; i += 2) {
      if (encoded[i] == null) continue;
      if (at > 0) out[at++] = '&';
      at = copy(encoded[i], out, at);
      out[at++] = '=';
      at = copy(encoded[i + 1], out, at);
    }
    copy(encoded[encoded.length - 1], out, at);
    return out;
  }

  private static int copy(byte[] from, byte[] to, int at) {
    System.arraycopy(from, 0, to, at, from.length);
    return at + from.length;
  }

  /**
   * The kept keys and their rendered values in key order, as {@code key0, value0, key1, value1, ...,
   * suffix}; a dropped entry leaves its two slots null.
   */
  private String[] pieces(Map<String, ?> params, String suffix) {
    if (params == null) {
      throw new IllegalArgumentException("params == null");
    }
    if (suffix == null) {
      throw new IllegalArgumentException("suffix == null");
    }
    List<Map.Entry<String, ?>> entries = new ArrayList<>(params.size());
    for (Map.Entry<String, ?> entry : params.entrySet()) {
      String key = entry.getKey();
      if (key == null) {
        throw new IllegalArgumentException("params holds a null key");
      }
      if (!excluded.contains(key)) {
        entries.add(entry);
      }
    }
    entries.sort((a, b) -> a.getKey().compareTo(b.getKey()));
    String[] pieces = new String[entries.size() * 2 + 1];
    for (int i = 0; i < entries.size(); i++) {
      Map.Entry<String, ?> entry = entries.get(i);
      Object value = entry.getValue();
      String text = value == null ? "" : render(entry.getKey(), value);
      if (text.isEmpty() && emptyValues == EmptyValues.DROP) {
        continue;
      }
      pieces[2 * i] = entry.getKey();
      pieces[2 * i + 1] = text;
    }
    pieces[pieces.length - 1] = suffix;
    return pieces;
  }

  @Override
  public String toString() {
    return "CanonicalString{exclude=" + excluded + ", emptyValues=" + emptyValues
        + ", arraySeparator='" + arraySeparator + "'}";
  }

  private String render(String key, Object value) {
    if (value instanceof String) {
      return (String) value;
    }
    if (value instanceof Collection) {
      return join(key, ((Collection<?>) value).toArray());
    }
    if (value.getClass().isArray()) {
      Object[] elements = new Object[Array.getLength(value)];
      for (int i = 0; i < elements.length; i++) {
        elements[i] = Array.get(value, i);
      }
      return join(key, elements);
    }
    return scalar(key, value);
  }

  private String join(String key, Object[] elements) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < elements.length; i++) {
      Object element = elements[i];
      if (element == null) {
        throw new IllegalArgumentException("parameter '" + key + "' holds a null element");
      }
      if (element instanceof Collection || element.getClass().isArray()) {
        throw new IllegalArgumentException("parameter '" + key + "' holds a nested collection");
      }
      if (i > 0) {
        out.append(arraySeparator);
      }
      out.append(scalar(key, element));
    }
    return out.toString();
  }

  private static String scalar(String key, Object value) {
    if (value instanceof String) {
      return (String) value;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger
        || value instanceof AtomicInteger || value instanceof AtomicLong) {
      return value.toString();
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof Double) {
      double d = (Double) value;
      requireFinite(key, Double.isNaN(d) || Double.isInfinite(d));
      return plain(BigDecimal.valueOf(d));
    }
    if (value instanceof Float) {
      float f = (Float) value;
      requireFinite(key, Float.isNaN(f) || Float.isInfinite(f));
      // Float.toString gives the shortest text for the float; widening to double first would not.
      return plain(new BigDecimal(Float.toString(f)));
    }
    if (value instanceof Enum) {
      return ((Enum<?>) value).name();
    }
    if (value instanceof Map) {
      throw new IllegalArgumentException("parameter '" + key
          + "' is a Map; pass nested JSON as an already-rendered String");
    }
    return value.toString();
  }

  /** 1.0 as "1", 1.0E20 as "100000000000000000000", 1.0E-5 as "0.00001". */
  private static String plain(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    return value.stripTrailingZeros().toPlainString();
  }

  private static void requireFinite(String key, boolean notFinite) {
    if (notFinite) {
      throw new IllegalArgumentException("parameter '" + key + "' is not a finite number");
    }
  }

  /** Configures a {@link CanonicalString}. Not thread-safe; the built string is. */
  public static final class Builder {
    final Set<String> excluded = new LinkedHashSet<>();
    EmptyValues emptyValues = EmptyValues.DROP;
    String arraySeparator = ",";

    Builder() {}

    /**
     * Leaves these keys out of the string (case-sensitive), e.g. {@code "sign", "sign_type"}; adds
     * to any keys excluded before.
     *
     * @param keys the keys to leave out
     * @return this builder
     * @throws IllegalArgumentException if {@code keys} or one of them is null
     */
    public Builder exclude(String... keys) {
      if (keys == null) {
        throw new IllegalArgumentException("keys == null");
      }
      for (String key : keys) {
        if (key == null) {
          throw new IllegalArgumentException("excluded key is null in " + Arrays.toString(keys));
        }
        excluded.add(key);
      }
      return this;
    }

    /**
     * Chooses whether null and empty values are dropped (the default) or kept as {@code k=}.
     *
     * @param policy what to do with null and empty values
     * @return this builder
     * @throws IllegalArgumentException if {@code policy} is null
     */
    public Builder emptyValues(EmptyValues policy) {
      if (policy == null) {
        throw new IllegalArgumentException("policy == null");
      }
      this.emptyValues = policy;
      return this;
    }

    /**
     * Sets the text between the elements of a collection or array value; {@code ","} by default.
     *
     * @param separator the text between elements
     * @return this builder
     * @throws IllegalArgumentException if {@code separator} is null
     */
    public Builder arraySeparator(String separator) {
      if (separator == null) {
        throw new IllegalArgumentException("separator == null");
      }
      this.arraySeparator = separator;
      return this;
    }

    /**
     * Returns the immutable canonical-string builder configured so far.
     *
     * @return a new {@link CanonicalString} with this builder's settings
     */
    public CanonicalString build() {
      return new CanonicalString(this);
    }
  }
}
