package io.paykit.sandbox;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

/** The settings of one running sandbox, fixed at start. */
final class Config {
  final String juyifuAppId;
  final String juyifuMd5Secret;
  final PublicKey juyifuMerchantPublicKey;
  final PrivateKey juyifuPlatformPrivateKey;
  final String juyifuPlatformPublicKeyPem;
  final String juyifuDefaultNotifyUrl;
  final String yinqiantongAppId;
  final String yinqiantongAppKey;
  final String yinqiantongAppSecret;
  final String qbitPayApiKey;
  final boolean qbitPayListHasMore;
  final int notificationRetries;
  final Duration notificationRetryInterval;
  final Clock clock;
  /** Where the sandbox is reachable by the merchant's code, e.g. {@code http://127.0.0.1:8080}. */
  final String baseUrl;
  /** Where browsers and WebViews reach the sandbox's pages (may differ, e.g. from an emulator). */
  final String publicBaseUrl;

  Config(
      String juyifuAppId,
      String juyifuMd5Secret,
      PublicKey juyifuMerchantPublicKey,
      PrivateKey juyifuPlatformPrivateKey,
      String juyifuDefaultNotifyUrl,
      String yinqiantongAppId,
      String yinqiantongAppKey,
      String yinqiantongAppSecret,
      String qbitPayApiKey,
      boolean qbitPayListHasMore,
      int notificationRetries,
      Duration notificationRetryInterval,
      Clock clock,
      String baseUrl,
      String publicBaseUrl) {
    this.juyifuAppId = juyifuAppId;
    this.juyifuMd5Secret = juyifuMd5Secret;
    this.juyifuMerchantPublicKey = juyifuMerchantPublicKey;
    this.juyifuPlatformPrivateKey = juyifuPlatformPrivateKey;
    this.juyifuPlatformPublicKeyPem = Crypto.toPem(Crypto.publicOf(juyifuPlatformPrivateKey));
    this.juyifuDefaultNotifyUrl = juyifuDefaultNotifyUrl;
    this.yinqiantongAppId = yinqiantongAppId;
    this.yinqiantongAppKey = yinqiantongAppKey;
    this.yinqiantongAppSecret = yinqiantongAppSecret;
    this.qbitPayApiKey = qbitPayApiKey;
    this.qbitPayListHasMore = qbitPayListHasMore;
    this.notificationRetries = notificationRetries;
    this.notificationRetryInterval = notificationRetryInterval;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.publicBaseUrl = publicBaseUrl;
  }
}
