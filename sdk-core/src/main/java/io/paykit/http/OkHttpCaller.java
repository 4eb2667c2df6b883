package io.paykit.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import io.paykit.InvalidResponseException;
import io.paykit.NetworkException;
import io.paykit.RequestOptions;
import io.paykit.json.PayKitJson;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.ByteString;

/** The last step of the chain: turns an {@link ApiRequest} into one OkHttp call and reads the answer. */
final class OkHttpCaller implements Interceptor {
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final JsonAdapter<Object> OBJECT_ADAPTER = PayKitJson.moshi().adapter(Object.class);
  /** Paths without a query are few per client (one per operation), but ids make some unbounded. */
  static final int MAX_CACHED_URLS = 64;

  private final HttpUrl baseUrl;
  private final OkHttpClient client;
  private final String userAgent;
  private final long defaultCallTimeoutMillis;
  private final Redactor redactor;
  private final CallDeadlines deadlines;
  private final Map<String, HttpUrl> urlsByPath = new ConcurrentHashMap<>();
  /** The last Content-Type answered and its charset: a gateway sends the same one every time. */
  private volatile Map.Entry<String, Charset> lastCharset =
      new AbstractMap.SimpleImmutableEntry<>("", StandardCharsets.UTF_8);

  OkHttpCaller(
      HttpUrl baseUrl,
      OkHttpClient client,
      String userAgent,
      long defaultCallTimeoutMillis,
      Redactor redactor,
      CallDeadlines deadlines) {
    this.baseUrl = baseUrl;
    this.client = client;
    this.userAgent = userAgent;
    this.defaultCallTimeoutMillis = defaultCallTimeoutMillis;
    this.redactor = redactor;
    this.deadlines = deadlines;
  }

  HttpUrl url(ApiRequest request) {
    if (request.query().isEmpty()) {
      HttpUrl cached = urlsByPath.get(request.path());
      if (cached != null) return cached;
    }
    HttpUrl.Builder url = baseUrl.newBuilder();
    String path = request.path().substring(1);
    if (!path.isEmpty()) url.addPathSegments(path);
    if (request.query().isEmpty()) {
      HttpUrl built = url.build();
      if (urlsByPath.size() < MAX_CACHED_URLS) urlsByPath.put(request.path(), built);
      return built;
    }
    for (Map.Entry<String, Object> e : request.query().entrySet()) {
      Object v = e.getValue();
      if (v instanceof Collection) {
        for (Object item : (Collection<?>) v) url.addQueryParameter(e.getKey(), render(item));
      } else {
        url.addQueryParameter(e.getKey(), render(v));
      }
    }
    return url.build();
  }

  @Override
  public ApiResponse intercept(Chain chain) {
    ApiRequest request = chain.request();
    CallTrace trace = new CallTrace();
    Request.Builder http = new Request.Builder().url(url(request)).header("User-Agent", userAgent);
    // forEach reaches the maps behind their read-only views without wrapping each entry.
    request.headers().forEach(http::header);
    request.options().getHeaders().forEach(http::header);
    RequestBody requestBody = body(request, trace);
    if (requestBody == null) http.tag(CallTrace.class, trace);
    http.method(request.method().name(), requestBody);

    Call call = clientFor(request.options()).newCall(http.build());
    Long callTimeout = millis(request.options().getCallTimeout());
    CallDeadlines.Slot watched = null;
    if (callTimeout != null) {
      call.timeout().timeout(callTimeout, TimeUnit.MILLISECONDS);
    } else if (client.callTimeoutMillis() == 0) {
      // No call timeout chosen (PayKit's own client, or a caller's without one): a payment call must
      // still never hang forever.
      watched = deadlines.watch(call, defaultCallTimeoutMillis);
    }

    long start = System.nanoTime();
    try (Response response = call.execute()) {
      ByteString body = readBody(request, response);
      String contentType = response.header("Content-Type");
      return new ApiResponse(
          request,
          response.code(),
          response.headers(),
          body,
          charsetOf(contentType),
          contentType,
          (System.nanoTime() - start) / 1_000_000);
    } catch (IOException e) {
      if (watched != null && deadlines.release(watched)) {
        InterruptedIOException timeout =
            new InterruptedIOException("timeout (no answer within " + defaultCallTimeoutMillis + " ms)");
        timeout.initCause(e);
        e = timeout;
      }
      boolean reached = trace.connected();
      boolean retrySafe = !reached || request.idempotent();
      throw new NetworkException(
          describe(request, e, reached), e, reached, retrySafe);
    } finally {
      if (watched != null) deadlines.release(watched);
    }
  }

  private ByteString readBody(ApiRequest request, Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null) return ByteString.EMPTY;
    BufferedSource source = body.source();
    // Refuse before buffering: a hostile or broken server must not exhaust memory.
    if (source.request(Transport.MAX_BODY_BYTES + 1L)) {
      throw new InvalidResponseException(
          "response body larger than " + Transport.MAX_BODY_BYTES + " bytes",
          response.code(),
          null,
          null,
          request.idempotent());
    }
    // Large bodies come back as a view of the buffer's segments, not a copy.
    return source.getBuffer().readByteString();
  }

  private Charset charsetOf(String contentType) {
    if (contentType == null) return StandardCharsets.UTF_8;
    Map.Entry<String, Charset> last = lastCharset;
    if (!last.getKey().equals(contentType)) {
      lastCharset = last = new AbstractMap.SimpleImmutableEntry<>(contentType, charset(contentType));
    }
    return last.getValue();
  }

  /**
   * The charset a Content-Type names, UTF-8 when it names none or cannot be read. Parsed only when
   * there is a charset parameter: OkHttp's MediaType parser costs more than reading a small answer.
   */
  static Charset charset(String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("charset")) {
      return StandardCharsets.UTF_8;
    }
    MediaType type = MediaType.parse(contentType);
    return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
  }

  private OkHttpClient clientFor(RequestOptions options) {
    if (options.getConnectTimeout() == null
        && options.getReadTimeout() == null
        && options.getWriteTimeout() == null) {
      return client;
    }
    // newBuilder shares the connection pool and dispatcher: cheap.
    OkHttpClient.Builder b = client.newBuilder();
    if (options.getConnectTimeout() != null) b.connectTimeout(options.getConnectTimeout());
    if (options.getReadTimeout() != null) b.readTimeout(options.getReadTimeout());
    if (options.getWriteTimeout() != null) b.writeTimeout(options.getWriteTimeout());
    return b.build();
  }

  /** The request's body, carrying {@code trace}; null for a GET or DELETE without one. */
  private RequestBody body(ApiRequest request, CallTrace trace) {
    RequestBody body;
    ApiRequest.BodyEncoding encoding = request.bodyEncoding();
    if (encoding == ApiRequest.BodyEncoding.FORM) {
      FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8);
      for (Map.Entry<String, Object> e : request.body().entrySet()) {
        Object v = e.getValue();
        if (v instanceof Collection) {
          for (Object item : (Collection<?>) v) form.add(e.getKey(), render(item));
        } else {
          form.add(e.getKey(), render(v));
        }
      }
      body = form.build();
    } else if (encoding == ApiRequest.BodyEncoding.JSON) {
      body = RequestBody.create(json(request.body()), JSON);
    } else if (request.method() == ApiRequest.Method.GET || request.method() == ApiRequest.Method.DELETE) {
      return null;
    } else {
      body = RequestBody.create(new byte[0], null);
    }
    return new CallTrace.Body(body, !request.idempotent(), trace);
  }

  /**
   * Writes the body parameters as one JSON object in insertion order. The usual value types are
   * written directly; others go through Moshi's {@code Object} adapter, which would otherwise be
   * looked up per value in Moshi's synchronized adapter cache.
   */
  static ByteString json(Map<String, Object> params) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      // forEach reaches the map behind the request's read-only view without wrapping each entry.
      params.forEach(
          (name, value) -> {
            try {
              writeJson(writer.name(name), value);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      writer.endObject();
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException("writing JSON to memory failed", e);
    }
    return buffer.readByteString();
  }

  private static void writeJson(JsonWriter writer, Object v) throws IOException {
    if (v instanceof String) {
      writer.value((String) v);
    } else if (v instanceof BigDecimal) {
      // JsonWriter.value(Number) would print BigDecimal.toString(), which may use an exponent.
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(((BigDecimal) v).toPlainString());
      }
    } else if (v instanceof Long || v instanceof Integer) {
      writer.value(((Number) v).longValue());
    } else if (v instanceof Boolean) {
      writer.value(((Boolean) v).booleanValue());
    } else if (v instanceof Collection) {
      writer.beginArray();
      for (Object item : (Collection<?>) v) writeJson(writer, item);
      writer.endArray();
    } else {
      OBJECT_ADAPTER.toJson(writer, v);
    }
  }

  static String render(Object v) {
    if (v instanceof BigDecimal) return ((BigDecimal) v).toPlainString();
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return BigDecimal.valueOf(d).toPlainString();
    }
    return String.valueOf(v);
  }

  private static Long millis(java.time.Duration d) {
    return d == null ? null : d.toMillis();
  }

  private String describe(ApiRequest request, IOException e, boolean reached) {
    String what = e.getClass().getSimpleName();
    String detail = e.getMessage() == null ? "" : ": " + redactor.text(e.getMessage());
    return request.operation() + " failed on the network (" + what + detail + "); "
        + (reached
            ? "the request may have reached the gateway"
            : "the request never reached the gateway");
  }
}
