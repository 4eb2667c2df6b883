package io.paykit.yinqiantong;

import io.paykit.http.ApiRequest;
import io.paykit.http.ApiResponse;
import io.paykit.http.Interceptor;
import io.paykit.sign.CanonicalString;
import io.paykit.sign.Signer;
import java.time.Clock;
import java.util.Map;

/**
 * Signs each request over exactly what is sent, before the transport's retry step, so a retried
 * attempt carries the same {@code ts} and signature.
 *
 * <ul>
 *   <li>V2, a request with a body: {@code appid} and {@code ts} go in the body (added if the client did
 *       not put them there), then {@code sign} = MD5 of every body parameter but {@code sign}, null and
 *       {@code ""} dropped, sorted, {@code &app_secret=<secret>} appended. V2 queries are not signed.
 *   <li>V1, every request: headers {@code appid}, {@code appkey}, {@code ts} and {@code sign} = MD5 of
 *       the body parameters (null and {@code ""} dropped, sorted) followed by {@code
 *       &ts=<ts>&app_secret=<secret>}; with no body parameters the signed text is {@code
 *       ts=<ts>&app_secret=<secret>}.
 * </ul>
 *
 * Thread-safe.
 */
final class SigningInterceptor implements Interceptor {
  static final CanonicalString V2_CANONICAL = CanonicalString.builder().exclude("sign").build();
  static final CanonicalString V1_CANONICAL = CanonicalString.builder().build();

  private final YinqiantongProtocol protocol;
  private final String appId;
  private final String appKey;
  private final String appSecret;
  private final String v2Suffix;
  private final Clock clock;

  SigningInterceptor(
      YinqiantongProtocol protocol, String appId, String appKey, String appSecret, Clock clock) {
    this.protocol = protocol;
    this.appId = appId;
    this.appKey = appKey;
    this.appSecret = appSecret;
    this.v2Suffix = "&app_secret=" + appSecret;
    this.clock = clock;
  }

  /** Returns the V2 signing text of {@code params} (received or sent), the secret appended. */
  static String v2Content(Map<String, ?> params, String appSecret) {
    return V2_CANONICAL.of(params, "&app_secret=" + appSecret);
  }

  /** Returns the V1 signing text of a body and the header {@code ts}, the secret appended. */
  static String v1Content(Map<String, ?> body, String ts, String appSecret) {
    String suffix = "ts=" + ts + "&app_secret=" + appSecret;
    return V1_CANONICAL.of(body, V1_CANONICAL.of(body).isEmpty() ? suffix : "&" + suffix);
  }

  /** Returns the current time as 10-digit Unix seconds. */
  static long epochSeconds(Clock clock) {
    return clock.instant().getEpochSecond();
  }

  @Override
  public ApiResponse intercept(Chain chain) {
    ApiRequest request = chain.request();
    return chain.proceed(protocol == YinqiantongProtocol.V2 ? signV2(request) : signV1(request));
  }

  private ApiRequest signV2(ApiRequest request) {
    if (request.bodyEncoding() == ApiRequest.BodyEncoding.NONE) return request;
    ApiRequest.Builder b = request.newBuilder().removeBody("sign");
    if (!request.body().containsKey("appid")) b.body("appid", appId);
    if (!request.body().containsKey("ts")) b.body("ts", epochSeconds(clock));
    // V2_CANONICAL excludes "sign", so the unsigned body can be signed as built.
    String sign = Signer.md5().sign(V2_CANONICAL.of(b.build().body(), v2Suffix));
    return b.body("sign", sign).build();
  }

  private ApiRequest signV1(ApiRequest request) {
    String ts = request.headers().get("ts");
    if (ts == null) ts = Long.toString(epochSeconds(clock));
    String sign = Signer.md5().sign(v1Content(request.body(), ts, appSecret));
    return request.newBuilder()
        .header("appid", appId)
        .header("appkey", appKey)
        .header("ts", ts)
        .header("sign", sign)
        .build();
  }

  @Override
  public String toString() {
    return "SigningInterceptor{" + protocol + "}";
  }
}
