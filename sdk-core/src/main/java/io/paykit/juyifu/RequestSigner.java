package io.paykit.juyifu;

import io.paykit.http.ApiRequest;
import io.paykit.http.ApiResponse;
import io.paykit.http.Interceptor;
import io.paykit.sign.CanonicalString;
import io.paykit.sign.SignType;
import io.paykit.sign.Signer;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs 聚易付 request parameters (FOUND, 2014 server SDK): every parameter except {@code sign} and
 * {@code sign_type}, sorted by key, {@code k=v&k=v} with raw values, empty values kept as {@code k=},
 * arrays joined with {@code ,}; MD5 of that string with the secret appended directly, or an RSA, RSA2
 * or SM2 signature of it in Base64.
 *
 * <p>It is also the transport step that adds {@code sign_type} and {@code sign} to every request,
 * computed over exactly the parameters the request carries (query and form body), so the signature
 * covers what is sent and nothing else. The 2014 order query ({@code /order/query/{id}}) is the one
 * exception the gateway defines: it sends no {@code sign_type}, and its signed set is {@code {app_key,
 * order_id}} with the order id taken from the path. Signer and step are one class rather than two:
 * one class fewer in the jar.
 *
 * <p>Immutable and thread-safe. {@link #toString()} names the algorithm only.
 */
final class RequestSigner implements Interceptor {
  static final String LEGACY_QUERY_PREFIX = "/order/query/";
  static final CanonicalString CANONICAL =
      CanonicalString.builder()
          .exclude("sign", "sign_type")
          .emptyValues(CanonicalString.EmptyValues.KEEP)
          .arraySeparator(",")
          .build();

  private final Signer signer;
  private final String md5Secret;
  private final int signType;

  private RequestSigner(Signer signer, String md5Secret, int signType) {
    this.signer = signer;
    this.md5Secret = md5Secret;
    this.signType = signType;
  }

  static RequestSigner md5(String secret) {
    return new RequestSigner(Signer.md5(), secret, 1);
  }

  static RequestSigner rsa(PrivateKey key) {
    return new RequestSigner(Signer.rsa(key), null, 2);
  }

  static RequestSigner rsa2(PrivateKey key) {
    return new RequestSigner(Signer.rsa2(key), null, 3);
  }

  static RequestSigner sm2(PrivateKey key) {
    return new RequestSigner(Signer.sm2(key), null, 4);
  }

  /** Returns the wire value of {@code sign_type}: 1 MD5, 2 RSA, 3 RSA2, 4 SM2. */
  int signType() {
    return signType;
  }

  SignType algorithm() {
    return signer.signType();
  }

  /** Returns the MD5 secret, or null for the key-based schemes. */
  String md5Secret() {
    return md5Secret;
  }

  /** Signs the parameters as the gateway rebuilds them. */
  String sign(Map<String, ?> params) {
    String content = md5Secret != null ? CANONICAL.of(params, md5Secret) : CANONICAL.of(params);
    return signer.sign(content);
  }

  @Override
  public ApiResponse intercept(Chain chain) {
    ApiRequest request = chain.request();
    boolean legacy = request.path().startsWith(LEGACY_QUERY_PREFIX);
    boolean inBody = request.bodyEncoding() == ApiRequest.BodyEncoding.FORM;
    ApiRequest.Builder out = request.newBuilder().removeQuery("sign").removeBody("sign");
    if (!legacy) {
      if (inBody) {
        out.removeBody("sign_type").body("sign_type", signType);
      } else {
        out.removeQuery("sign_type").query("sign_type", signType);
      }
    }
    ApiRequest unsigned = out.build();
    Map<String, Object> signed = new LinkedHashMap<>(unsigned.query());
    signed.putAll(unsigned.body());
    if (legacy) {
      signed.put("order_id", request.path().substring(LEGACY_QUERY_PREFIX.length()));
    }
    String sign = sign(signed);
    ApiRequest.Builder withSign = unsigned.newBuilder();
    if (inBody) {
      withSign.body("sign", sign);
    } else {
      withSign.query("sign", sign);
    }
    return chain.proceed(withSign.build());
  }

  @Override
  public String toString() {
    return "RequestSigner{" + signer.signType() + "}";
  }
}
