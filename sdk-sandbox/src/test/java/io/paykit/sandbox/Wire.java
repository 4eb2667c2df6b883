package io.paykit.sandbox;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The test side of the wire, written independently of the sandbox's code: raw OkHttp calls, and
 * signatures computed directly with MessageDigest and Signature, so the sandbox and its tests
 * cannot share a misunderstanding.
 */
final class Wire {
  static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static final Duration AWAIT = Duration.ofSeconds(5);

  // One client per test class; no silent retries, so a dropped connection surfaces as an IOException.
  static OkHttpClient client() {
    return new OkHttpClient.Builder()
        .retryOnConnectionFailure(false)
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** A status and body read from the sandbox. */
  static final class Answer {
    final int status;
    final String contentType;
    final String body;
    final Response response;

    Answer(Response response, String body) {
      this.status = response.code();
      this.contentType = response.header("Content-Type");
      this.body = body;
      this.response = response;
    }

    Map<String, Object> json() {
      return Wire.json(body);
    }

    String header(String name) {
      return response.header(name);
    }
  }

  static Answer call(OkHttpClient client, Request request) {
    try (Response response = client.newCall(request).execute()) {
      return new Answer(response, response.body() == null ? "" : response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer get(OkHttpClient client, String url) {
    return call(client, new Request.Builder().url(url).get().build());
  }

  static Answer postForm(OkHttpClient client, String url, String form) {
    return call(client, new Request.Builder().url(url).post(RequestBody.create(form, FORM)).build());
  }

  static Answer postJson(OkHttpClient client, String url, String json) {
    return call(client, new Request.Builder().url(url).post(RequestBody.create(json, JSON)).build());
  }

  static Answer post(OkHttpClient client, String url) {
    return call(client, new Request.Builder().url(url).post(RequestBody.create(new byte[0], null)).build());
  }

  static String basic(String key) {
    return Credentials.basic(key, "");
  }

  private static final JsonAdapter<Map<String, Object>> MAP =
      new Moshi.Builder().build().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  static Map<String, Object> json(String body) {
    try {
      Map<String, Object> map = MAP.fromJson(body);
      if (map == null) throw new AssertionError("null JSON: " + body);
      return map;
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  /** Moshi reads numbers as doubles; this gives their integral value. */
  static long num(Object value) {
    return ((Number) value).longValue();
  }

  // ------------------------------------------------------------ signing, done the test's own way

  static String md5(String s) {
    try {
      byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : d) sb.append(String.format("%02x", b & 0xff));
      return sb.toString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Sorted {@code k=v&…} of the given pairs (keys ASCII, raw values). */
  static String sorted(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
      if (sb.length() > 0) sb.append('&');
      sb.append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  static String rsaSign(String algorithm, String privatePem, String content) {
    try {
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBytes(privatePem)));
      Signature s = Signature.getInstance(algorithm);
      s.initSign(key);
      s.update(content.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static boolean rsaVerify(String algorithm, String publicPem, String content, String signature) {
    try {
      PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBytes(publicPem)));
      Signature s = Signature.getInstance(algorithm);
      s.initVerify(key);
      s.update(content.getBytes(StandardCharsets.UTF_8));
      return s.verify(Base64.getDecoder().decode(signature));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static byte[] pemBytes(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }

  // ------------------------------------------------------------ forms

  /** An ordered parameter list that renders as a form body or query, keeping repeated names. */
  static final class Params {
    final List<String[]> pairs = new ArrayList<>();

    Params add(String name, Object value) {
      pairs.add(new String[] {name, String.valueOf(value)});
      return this;
    }

    /** Every pair except sign/sign_type, sorted by key, repeated values joined by ',' in order. */
    String signingString() {
      Map<String, String> joined = new LinkedHashMap<>();
      for (String[] p : pairs) {
        if (p[0].equals("sign") || p[0].equals("sign_type")) continue;
        joined.put(p[0], joined.containsKey(p[0]) ? joined.get(p[0]) + "," + p[1] : p[1]);
      }
      return sorted(joined);
    }

    /** Adds sign_type 1 and an MD5 sign (string + secret appended directly). */
    Params signMd5(String secret) {
      add("sign_type", 1);
      return add("sign", md5(signingString() + secret));
    }

    Params signRsa(int signType, String privatePem) {
      add("sign_type", signType);
      return add("sign", rsaSign(signType == 2 ? "SHA1withRSA" : "SHA256withRSA", privatePem, signingString()));
    }

    String encoded() {
      StringBuilder sb = new StringBuilder();
      for (String[] p : pairs) {
        if (sb.length() > 0) sb.append('&');
        sb.append(enc(p[0])).append('=').append(enc(p[1]));
      }
      return sb.toString();
    }
  }

  static Params params() {
    return new Params();
  }

  static String enc(String s) {
    try {
      return URLEncoder.encode(s, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  /** Decodes a form body into an ordered map (single values). */
  static Map<String, String> decodeForm(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      try {
        out.put(URLDecoder.decode(pair.substring(0, eq), "UTF-8"), URLDecoder.decode(pair.substring(eq + 1), "UTF-8"));
      } catch (UnsupportedEncodingException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private Wire() {}
}
