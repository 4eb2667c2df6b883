package io.paykit.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Lowercase hex HMAC-SHA256 keyed with a shared secret. */
final class HmacSha256Signer implements Signer {
  private static final String ALGORITHM = "HmacSHA256";

  private final Pool<Mac> macs;

  HmacSha256Signer(byte[] secret) {
    SecretKeySpec key = new SecretKeySpec(secret, ALGORITHM);
    try {
      this.macs = new Pool<>(() -> {
        Mac mac = Mac.getInstance(ALGORITHM);
        mac.init(key);
        return mac;
      });
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available on this platform", e);
    }
  }

  static byte[] secretBytes(String secret) {
    if (secret == null) {
      throw new IllegalArgumentException("secret == null");
    }
    return secretBytes(secret.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] secretBytes(byte[] secret) {
    if (secret == null) {
      throw new IllegalArgumentException("secret == null");
    }
    if (secret.length == 0) {
      throw new IllegalArgumentException("secret is empty");
    }
    return secret.clone();
  }

  @Override
  public SignType signType() {
    return SignType.HMAC_SHA256;
  }

  @Override
  public String sign(byte[] content) {
    return Hex.encode(mac(content), false);
  }

  byte[] mac(byte[] content) {
    if (content == null) {
      throw new IllegalArgumentException("content == null");
    }
    Mac mac;
    try {
      mac = macs.acquire();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available on this platform", e);
    }
    byte[] result = mac.doFinal(content);
    macs.release(mac);
    return result;
  }

  @Override
  public String toString() {
    return "Signer[HMAC_SHA256]";
  }
}
