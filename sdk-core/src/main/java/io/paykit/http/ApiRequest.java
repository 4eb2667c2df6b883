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

  final Method method;
  final String path;
  final Map<String, Object> query;
  final Map<String, Object> body;
  final BodyEncoding bodyEncoding;
  final Map<String, String> headers;
  final boolean idempotent;
  final String operation;
  final RequestOptions options;
  final int attempt;

  ApiRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.query = b.query;
    this.body = b.body;
    this.bodyEncoding = b.bodyEncoding;
    this.headers = b.headers;
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
    // The builder shares this request's maps and copies one only when it changes it: an interceptor
    // that adds a header copies the headers, not the body.
    return new Builder(this);
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
   * Tells whether a caller's value is an absolute {@code http} or {@code https} URL that can be sent
   * exactly as given: visible ASCII only and no backslash, the scheme in any case, optional user info, a host (dot-
   * separated labels of letters, digits, {@code -} and {@code _}, or a bracketed IPv6 address), an
   * optional port from 1 to 65535, then anything starting with {@code /}, {@code ?} or {@code #}.
   * Written out rather than parsed with {@code HttpUrl}, which is lenient about what it accepts and costs
   * more than the rest of a create call's validation.
   *
   * @param value the value to check; null gives false
   * @return true if the value is such a URL
   */
  public static boolean isAbsoluteHttpUrl(String value) {
    if (value == null) return false;
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      // Browsers and OkHttp read a backslash as a slash; a URL we send must not depend on that.
      if (c <= ' ' || c >= 0x7f || c == '\\') return false;
    }
    int start;
    if (value.regionMatches(true, 0, "https://", 0, 8)) {
      start = 8;
    } else if (value.regionMatches(true, 0, "http://", 0, 7)) {
      start = 7;
    } else {
      return false;
    }
    int end = start;
    while (end < n && "/?#".indexOf(value.charAt(end)) < 0) end++;
    int at = value.lastIndexOf('@', end - 1);
    if (at >= start) start = at + 1;
    if (start < end && value.charAt(start) == '[') {
      // IPv6 literals are rare in callback URLs; OkHttp's parser knows their grammar.
      return okhttp3.HttpUrl.parse(value) != null;
    }
    int portColon = start;
    char previous = '.';
    while (portColon < end && value.charAt(portColon) != ':') {
      char c = value.charAt(portColon);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || (c == '.' && previous != '.');
      if (!ok) return false;
      previous = c;
      portColon++;
    }
    if (portColon == start || previous == '.') return false;
    if (portColon + 1 < end) {
      if (end - portColon - 1 > 5) return false;
      int port = 0;
      for (int i = portColon + 1; i < end; i++) {
        char c = value.charAt(i);
        if (c < '0' || c > '9') return false;
        port = port * 10 + (c - '0');
      }
      if (port < 1 || port > 65535) return false;
    }
    return true;
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
    // Each map is either shared (an unmodifiable view that a built request may hold) or owned (a
    // LinkedHashMap only this builder sees); mutators copy a shared map before changing it.
    Map<String, Object> query = Collections.emptyMap();
    Map<String, Object> body = Collections.emptyMap();
    Map<String, String> headers = Collections.emptyMap();
    boolean queryOwned;
    boolean bodyOwned;
    boolean headersOwned;
    BodyEncoding bodyEncoding = BodyEncoding.NONE;
    boolean idempotent;
    RequestOptions options = RequestOptions.defaults();
    int attempt = 1;

    Builder(ApiRequest request) {
      this.method = request.method;
      this.path = request.path;
      this.operation = request.operation;
      this.query = request.query;
      this.body = request.body;
      this.headers = request.headers;
      this.bodyEncoding = request.bodyEncoding;
      this.idempotent = request.idempotent;
      this.options = request.options;
      this.attempt = request.attempt;
    }

    Builder(Method method, String path, String operation) {
      if (method == null) throw new IllegalArgumentException("method == null");
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/': " + path);
      }
      // Every request builds one: walk the segments in place rather than split into new strings.
      for (int start = 1, end; start <= path.length(); start = end + 1) {
        end = path.indexOf('/', start);
        if (end < 0) end = path.length();
        int dots = end - start;
        boolean relative =
            (dots == 1 || dots == 2) && path.charAt(start) == '.' && path.charAt(end - 1) == '.';
        if (relative || (dots == 0 && path.length() > 1)) {
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
      if (value != null) ownedQuery().put(requireName(name), checkValue(name, value));
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
      if (query.containsKey(name)) ownedQuery().remove(name);
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
      if (value != null) ownedBody().put(requireName(name), checkValue(name, value));
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
      if (body.containsKey(name)) ownedBody().remove(name);
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
      ownedHeaders().put(name, value);
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
      // Hand the maps to the request as read-only views; a later change to this builder copies them.
      if (queryOwned) query = Collections.unmodifiableMap(query);
      if (bodyOwned) body = Collections.unmodifiableMap(body);
      if (headersOwned) headers = Collections.unmodifiableMap(headers);
      queryOwned = bodyOwned = headersOwned = false;
      return new ApiRequest(this);
    }

    private Map<String, Object> ownedQuery() {
      if (!queryOwned) {
        query = copy(query, 0);
        queryOwned = true;
      }
      return query;
    }

    private Map<String, Object> ownedBody() {
      if (!bodyOwned) {
        body = copy(body, 16);
        bodyOwned = true;
      }
      return body;
    }

    private Map<String, String> ownedHeaders() {
      if (!headersOwned) {
        headers = copy(headers, 0);
        headersOwned = true;
      }
      return headers;
    }

    /**
     * Copies a map to be changed, with at least {@code slots} table slots (¾ of them usable before it
     * grows): a body built up from empty (a 银钱通 create sends 10 to 13 parameters) would otherwise
     * grow its table from 2 to 16 slots, allocating it four times.
     */
    private static <V> Map<String, V> copy(Map<String, V> shared, int slots) {
      Map<String, V> copy = new LinkedHashMap<>(Math.max(slots, (shared.size() + 1) * 4 / 3 + 1));
      // forEach reaches the map behind a read-only view; iterating the view's entries would wrap each.
      shared.forEach(copy::put);
      return copy;
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
