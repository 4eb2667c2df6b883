package io.paykit.http;

import io.paykit.RequestOptions;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to a gateway, described by what it is rather than how it travels: method, path, query and
 * body parameters, headers, and whether it is safe to send twice.
 *
 * <p>Immutable and thread-safe. Interceptors derive changed copies with {@link #newBuilder()}. Parameter
 * values are strings, numbers, booleans or collections of those; a collection travels as a repeated
 * parameter in a query or form, and as a JSON array in a JSON body.
 */
public final class ApiRequest {
  /** HTTP methods the gateways use. */
  public enum Method {
    /** Reads. */
    GET,
    /** Creates. */
    POST,
    /** Updates. */
    PUT,
    /** Deletes. */
    DELETE
  }

  /** How body parameters travel. */
  public enum BodyEncoding {
    /** No body. */
    NONE,
    /** {@code application/x-www-form-urlencoded}. */
    FORM,
    /** {@code application/json}, the parameters as one object in insertion order. */
    JSON
  }

  private final Method method;
  private final String path;
  private final Map<String, Object> query;
  private final Map<String, Object> body;
  private final BodyEncoding bodyEncoding;
  private final Map<String, String> headers;
  private final boolean idempotent;
  private final String operation;
  private final RequestOptions options;
  private final int attempt;

  ApiRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
    this.body = Collections.unmodifiableMap(new LinkedHashMap<>(b.body));
    this.bodyEncoding = b.bodyEncoding;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.idempotent = b.idempotent;
    this.operation = b.operation;
    this.options = b.options;
    this.attempt = b.attempt;
  }

  /**
   * Starts a request.
   *
   * @param method the HTTP method
   * @param path the path below the client's base URL, starting with {@code /}
   * @param operation a short name for logs, such as {@code "createCharge"}
   * @return a new builder for the request
   * @throws IllegalArgumentException if the method is null, or the path does not start with {@code /}
   *     or has an empty or relative segment
   */
  public static Builder builder(Method method, String path, String operation) {
    return new Builder(method, path, operation);
  }

  /**
   * Returns a builder holding this request.
   *
   * @return a new builder initialised with a copy of this request
   */
  public Builder newBuilder() {
    Builder b = new Builder(method, path, operation);
    b.query.putAll(query);
    b.body.putAll(body);
    b.bodyEncoding = bodyEncoding;
    b.headers.putAll(headers);
    b.idempotent = idempotent;
    b.options = options;
    b.attempt = attempt;
    return b;
  }

  /**
   * Returns the HTTP method.
   *
   * @return the HTTP method
   */
  public Method method() {
    return method;
  }

  /**
   * Returns the path below the base URL.
   *
   * @return the path, starting with {@code /}
   */
  public String path() {
    return path;
  }

  /**
   * Returns the query parameters in insertion order.
   *
   * @return an unmodifiable map of query parameter names to values
   */
  public Map<String, Object> query() {
    return query;
  }

  /**
   * Returns the body parameters in insertion order.
   *
   * @return an unmodifiable map of body parameter names to values
   */
  public Map<String, Object> body() {
    return body;
  }

  /**
   * Returns how the body travels.
   *
   * @return the body encoding; {@link BodyEncoding#NONE} when there is no body
   */
  public BodyEncoding bodyEncoding() {
    return bodyEncoding;
  }

  /**
   * Returns the headers this request adds.
   *
   * @return an unmodifiable map of header names to values
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Returns whether sending this request twice has the same effect as sending it once. Only such
   * requests are retried after they may have reached the gateway.
   *
   * @return true if the request is idempotent
   */
  public boolean idempotent() {
    return idempotent;
  }

  /**
   * Returns the operation name used in logs.
   *
   * @return the operation name
   */
  public String operation() {
    return operation;
  }

  /**
   * Returns the per-request options.
   *
   * @return the options; never null
   */
  public RequestOptions options() {
    return options;
  }

  /**
   * Returns the attempt number, 1 for the first.
   *
   * @return the attempt number
   */
  public int attempt() {
    return attempt;
  }

  @Override
  public String toString() {
    // Parameters may include secrets and signatures; the shape only.
    return "ApiRequest{" + method + " " + path + ", operation=" + operation
        + ", query=" + query.keySet() + ", body=" + body.keySet() + "}";
  }

  /**
   * Checks a caller's value (an order id, a charge id) before it becomes one path segment: non-empty,
   * at most 128 characters of {@code [A-Za-z0-9_.:-]}, and not {@code .} or {@code ..}, so it can
   * neither escape its place in the path nor smuggle in a query.
   *
   * @param field the parameter name, for the error message
   * @param value the value to check
   * @return the value, unchanged
   * @throws IllegalArgumentException naming the field when the value is unsafe
   */
  public static String pathSegment(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    if (value.length() > 128 || value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(field + " is not a valid id");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-' || c == '.' || c == ':';
      if (!ok) throw new IllegalArgumentException(field + " has an invalid character at " + i);
    }
    return value;
  }

  /**
   * Checks that a header can travel safely: a non-empty token name and a value of visible ASCII
   * characters, spaces and tabs. CR and LF would let a caller's value inject headers.
   *
   * @param name the header name
   * @param value the header value
   * @throws IllegalArgumentException naming the header when it cannot
   */
  public static void checkHeader(String name, String value) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("header name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        throw new IllegalArgumentException("header name has an invalid character at " + i);
      }
    }
    if (value == null) {
      throw new IllegalArgumentException("header " + name + " must not be null");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < ' ' && c != '\t') || c >= 0x7f) {
        throw new IllegalArgumentException(
            "header " + name + " has an invalid character at " + i + " (CR, LF, control or non-ASCII)");
      }
    }
  }

  /** Builds an {@link ApiRequest}. Not thread-safe. */
  public static final class Builder {
    final Method method;
    final String path;
    final String operation;
    final Map<String, Object> query = new LinkedHashMap<>();
    final Map<String, Object> body = new LinkedHashMap<>();
    BodyEncoding bodyEncoding = BodyEncoding.NONE;
    final Map<String, String> headers = new LinkedHashMap<>();
    boolean idempotent;
    RequestOptions options = RequestOptions.defaults();
    int attempt = 1;

    Builder(Method method, String path, String operation) {
      if (method == null) throw new IllegalArgumentException("method == null");
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/': " + path);
      }
      for (String segment : path.substring(1).split("/", -1)) {
        if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && path.length() > 1)) {
          throw new IllegalArgumentException("path has an empty or relative segment: " + path);
        }
      }
      this.method = method;
      this.path = path;
      this.operation = operation == null ? method + " " + path : operation;
      // Reads are idempotent by nature; anything else must say so explicitly.
      this.idempotent = method == Method.GET;
    }

    /**
     * Adds a query parameter; a null value is skipped, a collection repeats the name.
     *
     * @param name the parameter name
     * @param value the value (a string, number, boolean or collection of those), or null to skip
     * @return this builder
     * @throws IllegalArgumentException if the value is non-null and the name is empty, or the value is a
     *     map
     */
    public Builder query(String name, Object value) {
      if (value != null) query.put(requireName(name), checkValue(name, value));
      return this;
    }

    /**
     * Adds all query parameters, skipping null values.
     *
     * @param params the parameters to add, by name
     * @return this builder
     */
    public Builder query(Map<String, ?> params) {
      for (Map.Entry<String, ?> e : params.entrySet()) query(e.getKey(), e.getValue());
      return this;
    }

    /**
     * Removes a query parameter.
     *
     * @param name the parameter name
     * @return this builder
     */
    public Builder removeQuery(String name) {
      query.remove(name);
      return this;
    }

    /**
     * Adds a body parameter; a null value is skipped.
     *
     * @param name the parameter name
     * @param value the value (a string, number, boolean or collection of those), or null to skip
     * @return this builder
     * @throws IllegalArgumentException if the value is non-null and the name is empty, or the value is a
     *     map
     */
    public Builder body(String name, Object value) {
      if (value != null) body.put(requireName(name), checkValue(name, value));
      return this;
    }

    /**
     * Adds all body parameters, skipping null values.
     *
     * @param params the parameters to add, by name
     * @return this builder
     */
    public Builder body(Map<String, ?> params) {
      for (Map.Entry<String, ?> e : params.entrySet()) body(e.getKey(), e.getValue());
      return this;
    }

    /**
     * Removes a body parameter.
     *
     * @param name the parameter name
     * @return this builder
     */
    public Builder removeBody(String name) {
      body.remove(name);
      return this;
    }

    /**
     * Sets how the body travels.
     *
     * @param encoding the body encoding
     * @return this builder
     * @throws IllegalArgumentException if the encoding is null
     */
    public Builder bodyEncoding(BodyEncoding encoding) {
      if (encoding == null) throw new IllegalArgumentException("bodyEncoding == null");
      this.bodyEncoding = encoding;
      return this;
    }

    /**
     * Sets a header.
     *
     * @param name the header name
     * @param value the header value
     * @return this builder
     * @throws IllegalArgumentException if the name is empty or invalid, or the value is null or holds CR,
     *     LF, control or non-ASCII characters
     */
    public Builder header(String name, String value) {
      checkHeader(name, value);
      headers.put(name, value);
      return this;
    }

    /**
     * Declares whether sending the request twice has the same effect as once.
     *
     * @param idempotent true if the request is idempotent
     * @return this builder
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /**
     * Sets per-request options.
     *
     * @param options the options, or null for {@link RequestOptions#defaults()}
     * @return this builder
     */
    public Builder options(RequestOptions options) {
      this.options = options == null ? RequestOptions.defaults() : options;
      return this;
    }

    Builder attempt(int attempt) {
      this.attempt = attempt;
      return this;
    }

    /**
     * Returns the request.
     *
     * @return a new immutable request holding this builder's values
     * @throws IllegalArgumentException if there are body parameters but no body encoding
     */
    public ApiRequest build() {
      if (bodyEncoding == BodyEncoding.NONE && !body.isEmpty()) {
        throw new IllegalArgumentException("body parameters need a body encoding");
      }
      return new ApiRequest(this);
    }

    private static String requireName(String name) {
      if (name == null || name.isEmpty()) throw new IllegalArgumentException("parameter name is empty");
      return name;
    }

    private static Object checkValue(String name, Object value) {
      if (value instanceof Map) {
        throw new IllegalArgumentException("parameter " + name + " must not be a map");
      }
      if (value instanceof Collection) {
        return Collections.unmodifiableList(new java.util.ArrayList<>((Collection<?>) value));
      }
      return value;
    }
  }
}
