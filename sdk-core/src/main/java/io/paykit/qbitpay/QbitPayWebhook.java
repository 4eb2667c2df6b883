package io.paykit.qbitpay;

import io.paykit.SignatureVerificationException;
import io.paykit.sign.CanonicalString;
import io.paykit.sign.Signer;
import io.paykit.sign.Verifier;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Verifies Qbit Pay webhook requests and turns them into {@link Event}s.
 *
 * <pre>{@code
 * Event event = QbitPayWebhook.constructEvent(rawBody, request.getHeader("QbitPay-Signature"), apiKey);
 * if (event.getEventType() == EventType.CHARGE_SUCCEEDED) fulfil(event.getCharge());
 * // answer 2xx only once the event is handled; the gateway retries otherwise
 * }</pre>
 *
 * <p>The signature ({@code QbitPay-Signature}) is the UPPERCASE hex MD5 of the top-level members
 * sorted by key as {@code k=v&…}, members whose value is null or {@code ""} left out ({@code 0} and
 * {@code false} kept), objects such as {@code data} as compact JSON in their original key order and
 * number text, then {@code &key=<API key>}. It is computed from the raw body, so pass the body exactly
 * as received (a pretty-printed body verifies too; a re-serialized one may not). There is no
 * timestamp in the signature: a replayed request verifies, which is one more reason to dedupe on
 * {@link Event#getId()}.
 *
 * <p>All methods are static and thread-safe.
 */
public final class QbitPayWebhook {
  /** The request header that carries the signature. */
  public static final String SIGNATURE_HEADER = "QbitPay-Signature";

  private static final CanonicalString CANONICAL = CanonicalString.builder().build();

  /**
   * The largest body accepted, in chars: an event is a few KB, and a bigger body is refused before
   * it is parsed so a hostile sender cannot make verification costly.
   */
  static final int MAX_BODY_CHARS = 1024 * 1024;

  private QbitPayWebhook() {}

  /**
   * Verifies a webhook request and returns its event.
   *
   * @param rawBody the request body exactly as received
   * @param signatureHeader the value of the {@code QbitPay-Signature} header
   * @param apiKey the merchant's API key, which keys the signature
   * @return the verified event
   * @throws SignatureVerificationException if the header is missing, the body is empty, not JSON
   *     or not a JSON object, or the signature does not match (wrong key, changed body); the
   *     message names the reason, never the expected signature
   * @throws IllegalArgumentException if {@code apiKey} is null or empty
   */
  public static Event constructEvent(String rawBody, String signatureHeader, String apiKey) {
    requireApiKey(apiKey);
    if (signatureHeader == null || signatureHeader.trim().isEmpty()) {
      throw new SignatureVerificationException("missing " + SIGNATURE_HEADER + " header");
    }
    if (rawBody == null || rawBody.isEmpty()) {
      throw new SignatureVerificationException("empty webhook body");
    }
    if (rawBody.length() > MAX_BODY_CHARS) {
      throw new SignatureVerificationException("webhook body larger than " + MAX_BODY_CHARS + " chars");
    }
    String signature = signatureHeader.trim();
    String suffix = "&key=" + apiKey;
    // The usual body (compact, data last) is checked without reading data: see parseAssumingDataLast.
    List<WebhookJson.Member> members = WebhookJson.parseAssumingDataLast(rawBody);
    if (members != null && matches(members, suffix, signature)) return event(unambiguous(members));
    try {
      members = WebhookJson.parseObject(rawBody);
    } catch (WebhookJson.MalformedException e) {
      throw new SignatureVerificationException(
          "webhook body is not a well-formed JSON object: " + e.getMessage(), e);
    }
    if (matches(members, suffix, signature)) return event(unambiguous(members));
    try {
      WebhookJson.parseObjectStrictly(rawBody);
    } catch (WebhookJson.MalformedException e) {
      throw new SignatureVerificationException(
          "webhook body is not a well-formed JSON object: " + e.getMessage(), e);
    }
    throw new SignatureVerificationException(
        SIGNATURE_HEADER + " does not match the body (wrong API key, or the body was changed)");
  }

  /**
   * Verifies a webhook request given as bytes (decoded as UTF-8) and returns its event.
   *
   * @param rawBody the request body exactly as received
   * @param signatureHeader the value of the {@code QbitPay-Signature} header
   * @param apiKey the merchant's API key, which keys the signature
   * @return the verified event
   * @throws SignatureVerificationException as {@link #constructEvent(String, String, String)}
   * @throws IllegalArgumentException if {@code apiKey} is null or empty
   */
  public static Event constructEvent(byte[] rawBody, String signatureHeader, String apiKey) {
    return constructEvent(
        rawBody == null ? null : new String(rawBody, StandardCharsets.UTF_8), signatureHeader, apiKey);
  }

  /**
   * Computes the {@code QbitPay-Signature} of a body, as the gateway does: for tests of a webhook
   * handler, and for a fake gateway.
   *
   * <pre>{@code
   * String body = "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\",\"object\":\"event\",\"data\":{...}}";
   * post("/qbit/webhook", body, QbitPayWebhook.SIGNATURE_HEADER, QbitPayWebhook.signature(body, apiKey));
   * }</pre>
   *
   * @param rawBody the body to sign, one JSON object
   * @param apiKey the merchant's API key, which keys the signature
   * @return the UPPERCASE hex MD5 signature
   * @throws IllegalArgumentException if the body is not one well-formed JSON object, or {@code
   *     apiKey} is null or empty
   */
  public static String signature(String rawBody, String apiKey) {
    requireApiKey(apiKey);
    if (rawBody == null) throw new IllegalArgumentException("rawBody == null");
    try {
      List<WebhookJson.Member> members = WebhookJson.parseObjectStrictly(rawBody);
      return Signer.md5UpperCase()
          .sign(CANONICAL.utf8(WebhookJson.signingValues(members), "&key=" + apiKey));
    } catch (WebhookJson.MalformedException e) {
      throw new IllegalArgumentException("rawBody is not a well-formed JSON object: " + e.getMessage());
    }
  }

  private static boolean matches(List<WebhookJson.Member> members, String suffix, String signature) {
    return Verifier.md5().verify(CANONICAL.utf8(WebhookJson.signingValues(members), suffix), signature);
  }

  /**
   * Refuses a signed body whose members could be cut differently from the gateway's: the signing
   * string joins {@code k=v} with {@code &} unescaped, so {@code {"id":"evt_1&livemode=false", …}}
   * without a {@code livemode} member signs exactly like the gateway's {@code id=evt_1&livemode=false}
   * and would verify with another event id (slipping past deduplication) and other fields. Gateway
   * events never hold {@code &} in a top-level scalar nor {@code &} or {@code =} in a member name; a
   * nested value is one balanced JSON value, which cannot end early.
   */
  private static List<WebhookJson.Member> unambiguous(List<WebhookJson.Member> members) {
    for (WebhookJson.Member m : members) {
      boolean nested = m.kind == WebhookJson.Kind.OBJECT || m.kind == WebhookJson.Kind.ARRAY;
      if (m.name.indexOf('&') >= 0
          || m.name.indexOf('=') >= 0
          || (!nested && m.text != null && m.text.indexOf('&') >= 0)) {
        throw new SignatureVerificationException(
            "webhook body has '&' or '=' where the signing string cannot tell members apart");
      }
    }
    return members;
  }

  private static void requireApiKey(String apiKey) {
    if (apiKey == null || apiKey.isEmpty()) throw new IllegalArgumentException("apiKey is required");
  }

  private static Event event(List<WebhookJson.Member> members) {
    String id = null;
    String type = null;
    String object = null;
    String createdAt = null;
    boolean livemode = false;
    int pendingWebhooks = 0;
    String data = null;
    boolean dataIsObject = false;
    for (WebhookJson.Member m : members) {
      switch (m.name) {
        case "id":
          id = scalar(m);
          break;
        case "type":
          type = scalar(m);
          break;
        case "object":
          object = scalar(m);
          break;
        case "createdAt":
          createdAt = m.kind == WebhookJson.Kind.STRING ? m.text : null;
          break;
        case "livemode":
          livemode = m.kind == WebhookJson.Kind.BOOLEAN && "true".equals(m.text);
          break;
        case "pendingWebhooks":
          pendingWebhooks = count(m);
          break;
        case "data":
          if (m.kind == WebhookJson.Kind.OBJECT || m.kind == WebhookJson.Kind.ARRAY) {
            data = m.text;
            dataIsObject = m.kind == WebhookJson.Kind.OBJECT;
          }
          break;
        default:
          break;
      }
    }
    return new Event(id, type, object, createdAt, livemode, pendingWebhooks, data, dataIsObject);
  }

  private static String scalar(WebhookJson.Member m) {
    return m.kind == WebhookJson.Kind.STRING || m.kind == WebhookJson.Kind.NUMBER ? m.text : null;
  }

  /** Reads a count written as digits (a number or numeric string); 0 for anything else. */
  private static int count(WebhookJson.Member m) {
    String text = m.kind == WebhookJson.Kind.NUMBER || m.kind == WebhookJson.Kind.STRING ? m.text : null;
    if (text == null || text.isEmpty() || text.length() > 9) return 0;
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') return 0;
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
