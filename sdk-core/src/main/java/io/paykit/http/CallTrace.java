package io.paykit.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Records whether an attempt got as far as an open connection. OkHttp runs network interceptors only
 * once a connection (TLS included) is established, just before the request is written; an attempt that
 * failed before that point provably never reached the gateway.
 *
 * <p>A request with a body carries its trace in the body ({@link Body}); one without, as a request
 * tag. A tag would cost a copy of OkHttp's tag map each time the request is rebuilt on its way.
 */
final class CallTrace {
  volatile boolean connected;

  boolean connected() {
    return connected;
  }

  /** The network interceptor that marks the attempt's trace. */
  static final Interceptor NETWORK_INTERCEPTOR =
      chain -> {
        Request request = chain.request();
        CallTrace trace =
            request.body() instanceof Body
                ? ((Body) request.body()).trace
                : request.tag(CallTrace.class);
        if (trace != null) trace.connected = true;
        return chain.proceed(request);
      };

  /**
   * A request body carrying its attempt's trace. One-shot unless the request is idempotent: that stops
   * OkHttp from silently replaying a create once its transmission has started (it still recovers
   * from failures before the first byte).
   */
  static final class Body extends RequestBody {
    private final RequestBody delegate;
    private final boolean oneShot;
    final CallTrace trace;

    Body(RequestBody delegate, boolean oneShot, CallTrace trace) {
      this.delegate = delegate;
      this.oneShot = oneShot;
      this.trace = trace;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public boolean isOneShot() {
      return oneShot;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }
  }
}
