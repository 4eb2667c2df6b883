package io.paykit.yinqiantong;

import io.paykit.http.ApiRequest;
import io.paykit.http.ApiResponse;
import io.paykit.http.Interceptor;
import io.paykit.sign.CanonicalString;
import io.paykit.sign.Signer;
import java.time.Clock;
import java.util.Map;
import okio.Buffer;

/**
 * Signs requests over exactly what is sent, before the transport's retry step, so a retried attempt
 * carries the same {@code ts} and signature.
 *
 * <ul>
 *   <li>V2: {@code appid} and {@code ts} go in the body, then {@code sign} = MD5 of every body
 *       parameter but {@code sign}, null and {@code ""} dropped, sorted, {@code &app_secret=<secret>}
 *       appended. Only {@code createOrder} has a body; the client signs it as it builds it ({@link
 *       #v2Sign}), so no V2 request passes through this interceptor. V2 queries are not signed.
 *   <li>V1, every request, as an interceptor: headers {@code appid}, {@code appkey}, {@code ts} and
 *       {@code sign} = MD5 of the body parameters (null and {@code ""} dropped, sorted) followed by
 *       {@code &ts=<ts>&app_secret=<secret>}; with no body parameters the signed text is {@code
 *       ts=<ts>&app_secret=<secret>}.
 * </ul>
 *
 * Thread-safe.
 */
final class SigningInterceptor implements Interceptor {
  static final CanonicalString V2_CANONICAL = CanonicalString.builder().exclude("sign").build();
  static final CanonicalString V1_CANONICAL = CanonicalString.builder().build();

  private final String appId;
  private final String appKey;
  private final String appSecret;
  private final String v2Suffix;
  private final Clock clock;

  SigningInterceptor(String appId, String appKey, String appSecret, Clock clock) {
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

  /**
   * Returns the V2 {@code sign} over name/value pairs given in sorted name order: the signature
   * {@link #v2Content} gives for the same parameters, without a map, a sort or boxed numbers. Every
   * payment's create call signs: through the generic canonical string, signing was a fifth of the
   * call's own CPU. The tests hold this to {@link #V2_CANONICAL}.
   *
   * @param sortedPairs name, value, name, value… with the names in ascending order, none {@code
   *     sign}; null and {@code ""} values are left out as the canonical string leaves them out
   */
  String v2Sign(String... sortedPairs) {
    // Encoded into pooled segments and read out once: no builder, String and byte[] copies of it.
    Buffer content = new Buffer();
    for (int i = 0; i < sortedPairs.length; i += 2) {
      String value = sortedPairs[i + 1];
      if (Wire.isEmpty(value)) continue;
      if (content.size() > 0) content.writeByte('&');
      content.writeUtf8(sortedPairs[i]).writeByte('=').writeUtf8(value);
    }
    return Signer.md5().sign(content.writeUtf8(v2Suffix).readByteArray());
  }

  @Override
  public ApiResponse intercept(Chain chain) {
    ApiRequest request = chain.request();
    String ts = request.headers().get("ts");
    if (ts == null) ts = Long.toString(epochSeconds(clock));
    String sign = Signer.md5().sign(v1Content(request.body(), ts, appSecret));
    return chain.proceed(
        request.newBuilder()
            .header("appid", appId)
            .header("appkey", appKey)
            .header("ts", ts)
            .header("sign", sign)
            .build());
  }

  @Override
  public String toString() {
    return "SigningInterceptor{" + appId + "}";
  }
}
