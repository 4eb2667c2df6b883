package io.paykit.http;

import okhttp3.Interceptor;

/**
 * Records whether an attempt got as far as an open connection. OkHttp runs network interceptors only
 * once a connection (TLS included) is established, just before the request is written; an attempt that
 * failed before that point provably never reached the gateway.
 */
final class CallTrace {
  volatile boolean connected;

  boolean connected() {
    return connected;
  }

  /** The network interceptor that marks the attempt's trace, carried as a request tag. */
  static final Interceptor NETWORK_INTERCEPTOR =
      chain -> {
        CallTrace trace = chain.request().tag(CallTrace.class);
        if (trace != null) trace.connected = true;
        return chain.proceed(chain.request());
      };
}
