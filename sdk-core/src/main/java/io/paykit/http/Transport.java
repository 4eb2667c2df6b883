package io.paykit.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import io.paykit.ApiException;
import io.paykit.AuthenticationException;
import io.paykit.InvalidResponseException;
import io.paykit.NetworkException;
import io.paykit.PayKitException;
import io.paykit.RateLimitException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okio.Buffer;
import okio.ByteString;

/**
 * Sends {@link ApiRequest}s to one gateway over one OkHttp client, through an ordered chain: the gateway
 * client's own steps (authentication, then signing), then retry, then logging, then the call itself.
 *
 * <p>Gateway clients build one transport each and share it across threads: immutable and thread-safe.
 * Defaults: connect 10 s, read 30 s, write 30 s, whole attempt 60 s, 2 retries. Only HTTPS base URLs are
 * accepted unless the host is loopback or {@link Builder#allowInsecureHttp()} is called; redirects are
 * never followed, so a redirect cannot downgrade a call to HTTP.
 */
public final class Transport {
  /** The largest response body read into memory; larger ones fail with an exception. */
  public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
  /** Default number of retries. */
  public static final int DEFAULT_MAX_RETRIES = 2;
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  /** The SDK version from {@code paykit.properties}, for the {@code User-Agent}. */
  private static final String VERSION = readVersion();

  private final String gateway;
  private final HttpUrl baseUrl;
  private final OkHttpClient okHttpClient;
  final List<Interceptor> interceptors;
  private final Redactor redactor;
  private final Clock clock;

  Transport(Builder b) {
    this.clock = b.clock;
    this.gateway = b.gateway;
    this.baseUrl = b.baseUrl;
    this.redactor = new Redactor(b.secrets);
    this.okHttpClient = configure(b);
    OkHttpCaller caller =
        new OkHttpCaller(
            baseUrl,
            okHttpClient,
            userAgent(gateway),
            (b.callTimeout != null ? b.callTimeout : b.defaultCallTimeout).toMillis(),
            redactor,
            b.deadlines);
    List<Interceptor> chain = new ArrayList<>(b.interceptors);
    chain.add(new RetryInterceptor(b.maxRetries, b.sleeper, b.clock, b.random));
    chain.add(new LoggingInterceptor(gateway, redactor, caller));
    chain.add(caller);
    this.interceptors = Collections.unmodifiableList(chain);
  }

  /** The {@code User-Agent} every request carries: {@code paykit-java/<version> (<gateway>)}. */
  private static String userAgent(String gateway) {
    return "paykit-java/" + VERSION + " (" + gateway + ")";
  }

  private static String readVersion() {
    try (InputStream in = Transport.class.getResourceAsStream("/io/paykit/paykit.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static OkHttpClient configure(Builder b) {
    OkHttpClient.Builder ok;
    if (b.okHttpClient != null) {
      ok = b.okHttpClient.newBuilder();
    } else {
      ok =
          new OkHttpClient.Builder()
              .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
              .readTimeout(DEFAULT_READ_TIMEOUT)
              .writeTimeout(DEFAULT_WRITE_TIMEOUT);
      // No OkHttp call timeout by default: CallDeadlines enforces DEFAULT_CALL_TIMEOUT more cheaply.
    }
    if (b.connectTimeout != null) ok.connectTimeout(b.connectTimeout);
    if (b.readTimeout != null) ok.readTimeout(b.readTimeout);
    if (b.writeTimeout != null) ok.writeTimeout(b.writeTimeout);
    if (b.callTimeout != null) ok.callTimeout(b.callTimeout);
    // Gateways answer API calls directly; a redirect is an error, and following one could carry
    // credentials to another host or downgrade HTTPS to HTTP.
    ok.followRedirects(false).followSslRedirects(false);
    ok.addNetworkInterceptor(CallTrace.NETWORK_INTERCEPTOR);
    return ok.build();
  }

  /**
   * Starts a transport for one gateway.
   *
   * @param gateway the gateway's name, used in the {@code User-Agent} and in logs
   * @return a new builder
   * @throws IllegalArgumentException if the gateway name is null or empty
   */
  public static Builder builder(String gateway) {
    return new Builder(gateway);
  }

  /**
   * Returns the base URL every request path is resolved against.
   *
   * @return the base URL, without a trailing slash
   */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the OkHttp client this transport calls through (shared pool, PayKit's settings). Its call
   * timeout is 0 unless one was set with {@link Builder#callTimeout(Duration)} or came with the caller's
   * client: PayKit then enforces the default 60 s itself, to within a quarter of a second.
   *
   * @return the OkHttp client
   */
  public OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  /**
   * Sends a request through the chain and returns the gateway's response, whatever its status.
   *
   * @param request the request to send
   * @return the gateway's response
   * @throws NetworkException if no response arrived; it says whether the request may have reached
   *     the gateway
   * @throws InvalidResponseException if the body is larger than {@link #MAX_BODY_BYTES}
   * @throws PayKitException from the gateway client's own steps (authentication, signing)
   */
  public ApiResponse execute(ApiRequest request) {
    return new RealChain(0, request).proceed(request);
  }

  private final class RealChain implements Interceptor.Chain {
    private final int index;
    private final ApiRequest request;

    RealChain(int index, ApiRequest request) {
      this.index = index;
      this.request = request;
    }

    @Override
    public ApiRequest request() {
      return request;
    }

    @Override
    public ApiResponse proceed(ApiRequest next) {
      if (index >= interceptors.size()) throw new IllegalStateException("no interceptor left");
      return interceptors.get(index).intercept(new RealChain(index + 1, next));
    }
  }

  /**
   * Parses a JSON body, turning every way it can be unreadable (empty, HTML, truncated, malformed, the
   * wrong shape) into an {@link InvalidResponseException}.
   *
   * @param <T> the type to parse into
   * @param response the response whose body to parse
   * @param adapter the adapter that reads {@code T}
   * @return the parsed value; never null
   * @throws InvalidResponseException if the body cannot be read as {@code T}
   */
  public <T> T parseJson(ApiResponse response, JsonAdapter<T> adapter) {
    ByteString bytes = response.utf8Bytes();
    int first = bytes != null ? firstNonBlank(bytes) : firstNonBlank(response.body());
    if (first < 0) throw invalidResponse(response, "empty response body", null);
    if (first == '<') throw invalidResponse(response, "HTML instead of JSON", null);
    if (first != '{' && first != '[') throw invalidResponse(response, "response is not JSON", null);
    try {
      // Parse the bytes as received when they are UTF-8: no String decoded and encoded again.
      Buffer source = bytes != null ? new Buffer().write(bytes) : new Buffer().writeUtf8(response.body());
      JsonReader reader = JsonReader.of(source);
      T value = adapter.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("JSON document was not fully consumed.");
      }
      if (value == null) throw invalidResponse(response, "JSON null instead of an object", null);
      return value;
    } catch (EOFException e) {
      throw invalidResponse(response, "truncated JSON", e);
    } catch (JsonEncodingException e) {
      throw invalidResponse(response, "malformed JSON", e);
    } catch (JsonDataException e) {
      throw invalidResponse(response, "unexpected JSON: " + e.getMessage(), e);
    } catch (IOException e) {
      throw invalidResponse(response, "unreadable JSON", e);
    } catch (ArithmeticException | NumberFormatException | StackOverflowError e) {
      // Extreme numbers or nesting: a hostile body must not escape as an Error.
      throw invalidResponse(response, "unreadable JSON: " + e.getClass().getSimpleName(), null);
    }
  }

  /** The first character that String.trim() would keep, or -1 when there is none. */
  private static int firstNonBlank(ByteString bytes) {
    for (int i = 0, n = bytes.size(); i < n; i++) {
      int b = bytes.getByte(i) & 0xff;
      if (b > ' ') return b;
    }
    return -1;
  }

  private static int firstNonBlank(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c > ' ') return c;
    }
    return -1;
  }

  /**
   * Returns the exception for a response that could not be understood, with the body's start masked.
   *
   * @param response the response that could not be understood
   * @param what what was wrong, for the message
   * @param cause the parse failure, or null
   * @return the exception, not thrown; retry-safe only if the request is idempotent
   */
  public InvalidResponseException invalidResponse(ApiResponse response, String what, Throwable cause) {
    String snippet = response.body();
    if (snippet.length() > InvalidResponseException.MAX_SNIPPET_LENGTH) {
      snippet = snippet.substring(0, InvalidResponseException.MAX_SNIPPET_LENGTH);
    }
    return new InvalidResponseException(
        redactor.text(response.request().operation() + ": " + what),
        response.status(),
        redactor.text(snippet),
        cause,
        response.request().idempotent());
  }

  /**
   * Returns the typed exception for a gateway error: 401 → {@link AuthenticationException}, 429 →
   * {@link RateLimitException} (with {@code Retry-After}), anything else → {@link ApiException}. A
   * non-idempotent request is retry-safe only when the status shows the gateway refused it (4xx other
   * than 408 and 409).
   *
   * @param response the error response
   * @param code the gateway's error code, or null
   * @param type the gateway's error type, or null
   * @param message the gateway's message, or null; secrets in it are masked
   * @param detail the gateway's detail text, or null; secrets in it are masked
   * @return the exception, not thrown
   */
  public ApiException apiError(
      ApiResponse response, String code, String type, String message, String detail) {
    int status = response.status();
    String requestId = response.requestId();
    String safeMessage = message == null ? null : redactor.text(message);
    String safeDetail = detail == null ? null : redactor.text(detail);
    if (status == 401) {
      return new AuthenticationException(status, code, type, safeMessage, requestId);
    }
    if (status == 429) {
      return new RateLimitException(
          status, code, type, safeMessage, requestId, retryAfter(response));
    }
    boolean refused = status >= 400 && status < 500 && status != 408 && status != 409;
    return new ApiException(
        status,
        code,
        type,
        safeMessage,
        safeDetail,
        requestId,
        response.request().idempotent() || refused);
  }

  /**
   * Reads the response's {@code Retry-After}, capped; null when absent or unreadable.
   *
   * @param response the response to read
   * @return how long to wait, or null
   */
  public Duration retryAfter(ApiResponse response) {
    return RetryInterceptor.retryAfter(response, clock);
  }

  /**
   * Masks credentials and signatures in text meant for a log or an exception message.
   *
   * @param text the text to mask
   * @return the text with secrets masked
   */
  public String redact(String text) {
    return redactor.text(text);
  }

  @Override
  public String toString() {
    return "Transport{" + gateway + " " + baseUrl + "}";
  }

  /** Builds a {@link Transport}. Not thread-safe. */
  public static final class Builder {
    final String gateway;
    HttpUrl baseUrl;
    private String baseUrlText;
    private boolean allowInsecureHttp;
    OkHttpClient okHttpClient;
    Duration connectTimeout;
    Duration readTimeout;
    Duration writeTimeout;
    Duration callTimeout;
    int maxRetries = DEFAULT_MAX_RETRIES;
    final List<Interceptor> interceptors = new ArrayList<>();
    final List<String> secrets = new ArrayList<>();
    Sleeper sleeper = Sleeper.SYSTEM;
    Clock clock = Clock.systemUTC();
    Random random = new SecureRandom();
    CallDeadlines deadlines = CallDeadlines.SHARED;
    Duration defaultCallTimeout = DEFAULT_CALL_TIMEOUT;

    Builder(String gateway) {
      if (gateway == null || gateway.isEmpty()) throw new IllegalArgumentException("gateway is empty");
      this.gateway = gateway;
    }

    /**
     * Sets the base URL, such as {@code https://api.qbitnetwork.com}.
     *
     * @param baseUrl the base URL; a trailing slash is dropped
     * @return this builder
     * @throws IllegalArgumentException if it is not an http(s) URL, or has a query or fragment
     */
    public Builder baseUrl(String baseUrl) {
      HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl);
      if (url == null) throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
      if (url.querySize() > 0 || url.fragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + baseUrl);
      }
      // Drop a trailing slash so that paths resolve below it, not beside it.
      List<String> segments = url.pathSegments();
      if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
        url = url.newBuilder().removePathSegment(segments.size() - 1).build();
      }
      this.baseUrl = url;
      this.baseUrlText = baseUrl;
      return this;
    }

    /**
     * Allows a plain-HTTP base URL on a non-loopback host. Meant for test environments only.
     *
     * @return this builder
     */
    public Builder allowInsecureHttp() {
      this.allowInsecureHttp = true;
      return this;
    }

    /**
     * Uses the caller's OkHttp client (proxy, pool, certificate pinning, interceptors). PayKit derives
     * its own client from it with {@code newBuilder()}, sharing the pool, and turns redirects off.
     *
     * @param client the caller's OkHttp client
     * @return this builder
     * @throws IllegalArgumentException if the client is null
     */
    public Builder okHttpClient(OkHttpClient client) {
      if (client == null) throw new IllegalArgumentException("okHttpClient == null");
      this.okHttpClient = client;
      return this;
    }

    /**
     * Sets the connect timeout (default 10 s).
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
     * Sets the read timeout (default 30 s).
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
     * Sets the write timeout (default 30 s).
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
     * Sets the timeout of one whole attempt (default 60 s). A timeout set here is enforced exactly by
     * OkHttp's call timeout; the default is enforced by PayKit to within a quarter of a second.
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
     * Sets how many times a failed attempt is retried when that is safe (default 2; 0 disables).
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
     * Appends a step (authentication, then signing) that runs before retry and logging.
     *
     * @param interceptor the step to append
     * @return this builder
     * @throws IllegalArgumentException if the interceptor is null
     */
    public Builder addInterceptor(Interceptor interceptor) {
      if (interceptor == null) throw new IllegalArgumentException("interceptor == null");
      interceptors.add(interceptor);
      return this;
    }

    /**
     * Registers a secret value to mask wherever it might appear in a log line or exception.
     *
     * @param value the secret to mask; null is ignored
     * @return this builder
     */
    public Builder secret(String value) {
      if (value != null) secrets.add(value);
      return this;
    }

    /**
     * Sets how the transport waits between retries (default: {@link Sleeper#SYSTEM}).
     *
     * @param sleeper the sleeper to use
     * @return this builder
     * @throws IllegalArgumentException if the sleeper is null
     */
    public Builder sleeper(Sleeper sleeper) {
      if (sleeper == null) throw new IllegalArgumentException("sleeper == null");
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Sets the clock used to read {@code Retry-After} dates.
     *
     * @param clock the clock to use
     * @return this builder
     * @throws IllegalArgumentException if the clock is null
     */
    public Builder clock(Clock clock) {
      if (clock == null) throw new IllegalArgumentException("clock == null");
      this.clock = clock;
      return this;
    }

    Builder random(Random random) {
      this.random = random;
      return this;
    }

    Builder deadlines(CallDeadlines deadlines, Duration defaultCallTimeout) {
      this.deadlines = deadlines;
      this.defaultCallTimeout = defaultCallTimeout;
      return this;
    }

    /**
     * Builds the transport.
     *
     * @return a new transport
     * @throws IllegalArgumentException if the base URL is missing, or is plain HTTP on a non-loopback
     *     host without {@link #allowInsecureHttp()}
     */
    public Transport build() {
      if (baseUrl == null) throw new IllegalArgumentException("baseUrl is required");
      if (!baseUrl.isHttps() && !allowInsecureHttp && !isLoopback(baseUrl.host())) {
        throw new IllegalArgumentException(
            "baseUrl must use https (plain http is allowed only for loopback hosts or with"
                + " allowInsecureHttp()): " + baseUrlText);
      }
      return new Transport(this);
    }

    static boolean isLoopback(String host) {
      if (host.equals("localhost")) return true;
      // Literal addresses only: never resolve a name here, DNS could answer anything.
      if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":")) {
        try {
          return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
          return false;
        }
      }
      return false;
    }

    private static Duration positive(String field, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(field + " must be positive: " + d);
      }
      return d;
    }
  }
}
