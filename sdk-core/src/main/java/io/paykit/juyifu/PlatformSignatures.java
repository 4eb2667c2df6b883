package io.paykit.juyifu;

import io.paykit.SignatureVerificationException;
import io.paykit.sign.CanonicalString;
import io.paykit.sign.Verifier;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks what 聚易付 signs: the {@code data} of the 2014 order query, and payment notifications.
 *
 * <p>The platform's rule (FOUND, 2014 SDK {@code validateMixpaySign}): every field except {@code sign},
 * {@code sign_type} and {@code pay_type}, sorted, {@code k=v&…}. Thread-safe; fails closed: a missing
 * key, sign or sign_type is a rejection, never an acceptance.
 */
final class PlatformSignatures {
  private static final List<String> EXCLUDED = Arrays.asList("sign", "sign_type", "pay_type");
  static final CanonicalString CANONICAL =
      CanonicalString.builder()
          .exclude("sign", "sign_type", "pay_type")
          .emptyValues(CanonicalString.EmptyValues.KEEP)
          .build();

  private final String md5Secret;
  private final Verifier rsa;

  PlatformSignatures(String md5Secret, PublicKey platformKey) {
    this.md5Secret = md5Secret;
    this.rsa = platformKey == null ? null : Verifier.rsa(platformKey);
  }

  boolean hasPlatformKey() {
    return rsa != null;
  }

  /**
   * Verifies the {@code data} object of an order query: values as text (a nested object as its
   * compact JSON), URL-decoded, SHA1withRSA with the platform key.
   *
   * @throws SignatureVerificationException if the sign is missing, a value cannot be URL-decoded, or
   *     the signature does not match
   */
  void verifyQueryData(Map<String, Object> data) {
    Object signValue = data.get("sign");
    if (!(signValue instanceof String) || ((String) signValue).trim().isEmpty()) {
      throw new SignatureVerificationException("order query response: data has no sign");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : data.entrySet()) {
      String key = e.getKey();
      if (!EXCLUDED.contains(key)) values.put(key, urlDecode(key, signingText(e.getValue())));
    }
    String sign = base64Sign(urlDecodeSign((String) signValue));
    if (!rsa.verify(CANONICAL.of(values), sign)) {
      throw new SignatureVerificationException(
          "order query response: the platform signature does not match the data");
    }
  }

  /**
   * Verifies a notification's form fields and returns its sign_type (1 MD5, 2 RSA).
   *
   * @throws SignatureVerificationException if the sign or sign_type is missing, the sign_type is not
   *     one this client holds a key for, or the signature does not match
   */
  int verifyNotification(Map<String, String> params) {
    String sign = params.get("sign");
    if (sign == null || sign.trim().isEmpty()) {
      throw new SignatureVerificationException("notification has no sign");
    }
    String signType = params.get("sign_type");
    if (signType == null || signType.trim().isEmpty()) {
      throw new SignatureVerificationException("notification has no sign_type");
    }
    Map<String, Object> fields = new LinkedHashMap<>(params);
    switch (signType.trim()) {
      case "1":
        if (md5Secret == null) {
          throw new SignatureVerificationException(
              "notification has sign_type 1 (MD5) but this client has no MD5 secret");
        }
        if (!Verifier.md5().verify(CANONICAL.of(fields, md5Secret), sign.trim())) {
          throw new SignatureVerificationException("notification MD5 signature does not match");
        }
        return 1;
      case "2":
        if (rsa == null) {
          throw new SignatureVerificationException(
              "notification has sign_type 2 (RSA) but this client has no platform public key");
        }
        if (!rsa.verify(CANONICAL.of(fields), base64Sign(sign))) {
          throw new SignatureVerificationException("notification RSA signature does not match");
        }
        return 2;
      default:
        throw new SignatureVerificationException("notification has an unsupported sign_type");
    }
  }

  /** The text the platform SDK gave each value; JSON null reads as {@code null}, as Java prints it. */
  private static String signingText(Object value) {
    if (value == null) return "null";
    if (value instanceof Map || value instanceof List) return JsonTree.compact(value);
    return value.toString();
  }

  private static String urlDecode(String key, String text) {
    try {
      return URLDecoder.decode(text, "UTF-8");
    } catch (IllegalArgumentException e) {
      throw new SignatureVerificationException(
          "order query response: the value of '" + key + "' is not URL-decodable", e);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  /** The sign travels URL-encoded; Base64 has no '%', so only an encoded sign is decoded. */
  private static String urlDecodeSign(String sign) {
    return sign.indexOf('%') >= 0 ? urlDecode("sign", sign) : sign;
  }

  /** A '+' that lost its URL encoding on the way arrives as a space; Base64 has no spaces. */
  private static String base64Sign(String sign) {
    return sign.trim().replace(' ', '+');
  }
}
