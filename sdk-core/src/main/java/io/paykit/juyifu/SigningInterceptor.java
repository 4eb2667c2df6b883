package io.paykit.juyifu;

import io.paykit.http.ApiRequest;
import io.paykit.http.ApiResponse;
import io.paykit.http.Interceptor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds {@code sign_type} and {@code sign} to every request, computed over exactly the parameters the
 * request carries (query and form body), so the signature covers what is sent and nothing else.
 *
 * <p>The 2014 order query ({@code /order/query/{id}}) is the one exception the gateway defines: it
 * sends no {@code sign_type}, and its signed set is {@code {app_key, order_id}} with the order id taken
 * from the path. Thread-safe.
 */
final class SigningInterceptor implements Interceptor {
  static final String LEGACY_QUERY_PREFIX = "/order/query/";

  private final RequestSigner signer;

  SigningInterceptor(RequestSigner signer) {
    this.signer = signer;
  }

  @Override
  public ApiResponse intercept(Chain chain) {
    ApiRequest request = chain.request();
    boolean legacy = request.path().startsWith(LEGACY_QUERY_PREFIX);
    boolean inBody = request.bodyEncoding() == ApiRequest.BodyEncoding.FORM;
    ApiRequest.Builder out = request.newBuilder().removeQuery("sign").removeBody("sign");
    if (!legacy) {
      if (inBody) {
        out.removeBody("sign_type").body("sign_type", signer.signType());
      } else {
        out.removeQuery("sign_type").query("sign_type", signer.signType());
      }
    }
    ApiRequest unsigned = out.build();
    Map<String, Object> signed = new LinkedHashMap<>(unsigned.query());
    signed.putAll(unsigned.body());
    if (legacy) {
      signed.put("order_id", request.path().substring(LEGACY_QUERY_PREFIX.length()));
    }
    String sign = signer.sign(signed);
    ApiRequest.Builder withSign = unsigned.newBuilder();
    if (inBody) {
      withSign.body("sign", sign);
    } else {
      withSign.query("sign", sign);
    }
    return chain.proceed(withSign.build());
  }
}
