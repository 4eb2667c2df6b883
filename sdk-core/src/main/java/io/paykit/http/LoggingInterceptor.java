package io.paykit.http;

import io.paykit.PayKitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one DEBUG line per attempt and one per outcome: method, URL with secret query values masked,
 * masked headers and body parameters, status, duration and attempt number. Secrets never reach the log:
 * {@link Redactor} masks them by name and by value.
 */
final class LoggingInterceptor implements Interceptor {
  static final Logger LOG = LoggerFactory.getLogger("io.paykit.http");

  private final String gateway;
  private final Redactor redactor;
  private final OkHttpCaller caller;

  LoggingInterceptor(String gateway, Redactor redactor, OkHttpCaller caller) {
    this.gateway = gateway;
    this.redactor = redactor;
    this.caller = caller;
  }

  @Override
  public ApiResponse intercept(Chain chain) {
    ApiRequest request = chain.request();
    if (!LOG.isDebugEnabled()) return chain.proceed(request);
    String url = redactor.url(caller.url(request));
    LOG.debug(
        "--> {} {} {} [{} attempt {}] headers={} body={}",
        gateway,
        request.method(),
        url,
        request.operation(),
        request.attempt(),
        redactor.params(new java.util.LinkedHashMap<String, Object>(request.headers())),
        redactor.params(request.body()));
    long start = System.nanoTime();
    try {
      ApiResponse response = chain.proceed(request);
      LOG.debug(
          "<-- {} {} {} {} [{}] ({} ms, attempt {}, {} chars)",
          gateway,
          response.status(),
          request.method(),
          url,
          request.operation(),
          (System.nanoTime() - start) / 1_000_000,
          request.attempt(),
          response.body().length());
      return response;
    } catch (PayKitException e) {
      LOG.debug(
          "<-- {} FAILED {} {} [{}] ({} ms, attempt {}): {} (may have reached server: {})",
          gateway,
          request.method(),
          url,
          request.operation(),
          (System.nanoTime() - start) / 1_000_000,
          request.attempt(),
          redactor.text(e.getMessage()),
          e.mayHaveReachedServer());
      throw e;
    }
  }
}
