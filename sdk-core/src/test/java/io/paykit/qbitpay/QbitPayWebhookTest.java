package io.paykit.qbitpay;

import static io.paykit.qbitpay.TestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.SignatureVerificationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QbitPayWebhookTest {
  /** The published vector (sources.md §2.6). */
  private static final String KEY = "T9uTy95uSifOOuTy";
  private static final String SIGNATURE = "EE53810FF1341779F2FF25989A67DCFC";
  private static final String BODY = fixture("webhook-event-vector.json");

  /** The vector's body pretty-printed, top-level keys in another order: same signature. */
  private static final String PRETTY =
      "{\n"
          + "  \"type\" : \"charge.succeeded\",\n"
          + "  \"id\" : \"fDOuTy95uSiTi\",\n"
          + "  \"createdAt\" : \"2019-02-25T16:13:12.278Z\",\n"
          + "  \"object\" : \"event\",\n"
          + "  \"pendingWebhooks\" : 0,\n"
          + "  \"livemode\" : true,\n"
          + "  \"data\" : {\n"
          + "    \"id\" : \"5\",\n"
          + "    \"object\" : \"charge\",\n"
          + "    \"createdAt\" : \"2019-02-25T16:13:12.278Z\",\n"
          + "    \"paid\" : false,\n"
          + "    \"status\" : \"pending\",\n"
          + "    \"amount\" : 1000,\n"
          + "    \"currency\" : \"USD\",\n"
          + "    \"externalOrderId\" : \"DTSifOuTy95ui\",\n"
          + "    \"paymentPageUrl\" : \"https://qbitpay.blockscape.co/?zh#/otc/payment?tradeId=DTSifOuTy95ifOuTy95\",\n"
          + "    \"cbUrl\" : \"https://api.blockscape.co\",\n"
          + "    \"redirectUrl\" : \"https://qbitpay.blockscape.co\"\n"
          + "  }\r\n"
          + "}\r\n";

  /** Uppercase hex MD5, computed here without PayKit, to check the signing string independently. */
  private static String md5(String content) throws Exception {
    byte[] digest = MessageDigest.getInstance("MD5").digest(content.getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder();
    for (byte b : digest) hex.append(String.format("%02X", b));
    return hex.toString();
  }

  private static SignatureVerificationException rejected(String body, String header, String key) {
    SignatureVerificationException e =
        assertThrows(SignatureVerificationException.class, () -> QbitPayWebhook.constructEvent(body, header, key));
    assertFalse(e.getMessage().matches("(?s).*[0-9A-Fa-f]{32}.*"), "no signature in: " + e.getMessage());
    assertFalse(e.getMessage().contains(KEY));
    return e;
  }

  @Test
  void thePublishedVectorVerifies() {
    Event event = QbitPayWebhook.constructEvent(BODY, SIGNATURE, KEY);

    assertEquals("fDOuTy95uSiTi", event.getId());
    assertEquals("charge.succeeded", event.getType());
    assertEquals(EventType.CHARGE_SUCCEEDED, event.getEventType());
    assertEquals("event", event.getObject());
    assertEquals(Instant.parse("2019-02-25T16:13:12.278Z"), event.getCreatedAt());
    assertTrue(event.isLivemode());
    assertEquals(0, event.getPendingWebhooks());
    String trimmed = BODY.trim();
    assertEquals(trimmed.substring(trimmed.indexOf("\"data\":") + 7, trimmed.length() - 1), event.getData());
  }

  @Test
  void theSigningStringIsTheOneSourcesDocuments() throws Exception {
    String documented =
        "createdAt=2019-02-25T16:13:12.278Z&data={\"id\":\"5\",\"object\":\"charge\","
            + "\"createdAt\":\"2019-02-25T16:13:12.278Z\",\"paid\":false,\"status\":\"pending\",\"amount\":1000,"
            + "\"currency\":\"USD\",\"externalOrderId\":\"DTSifOuTy95ui\","
            + "\"paymentPageUrl\":\"https://qbitpay.blockscape.co/?zh#/otc/payment?tradeId=DTSifOuTy95ifOuTy95\","
            + "\"cbUrl\":\"https://api.blockscape.co\",\"redirectUrl\":\"https://qbitpay.blockscape.co\"}"
            + "&id=fDOuTy95uSiTi&livemode=true&object=event&pendingWebhooks=0&type=charge.succeeded"
            + "&key=T9uTy95uSifOOuTy";

    assertEquals(SIGNATURE, md5(documented));
    assertEquals(SIGNATURE, QbitPayWebhook.signature(BODY, KEY));
  }

  @Test
  void theEventsChargeIsReadFromData() {
    Charge charge = QbitPayWebhook.constructEvent(BODY, SIGNATURE, KEY).getCharge();

    assertEquals("5", charge.getId());
    assertEquals(ChargeStatus.PENDING, charge.getStatus());
    assertEquals(new BigDecimal("1000"), charge.getAmount());
    assertEquals("DTSifOuTy95ui", charge.getExternalOrderId());
    assertEquals("https://api.blockscape.co", charge.getCbUrl());
    assertEquals("https://qbitpay.blockscape.co", charge.getRedirectUrl());
  }

  @Test
  void theHeaderIsComparedCaseInsensitivelyAndTrimmed() {
    QbitPayWebhook.constructEvent(BODY, SIGNATURE.toLowerCase(java.util.Locale.ROOT), KEY);
    QbitPayWebhook.constructEvent(BODY, " " + SIGNATURE + " ", KEY);
    QbitPayWebhook.constructEvent(BODY.getBytes(StandardCharsets.UTF_8), SIGNATURE, KEY);
  }

  @Test
  void aPrettyPrintedBodyWithTopLevelKeysInAnotherOrderVerifies() {
    Event event = QbitPayWebhook.constructEvent(PRETTY, SIGNATURE, KEY);

    assertEquals("fDOuTy95uSiTi", event.getId());
    assertEquals(QbitPayWebhook.constructEvent(BODY, SIGNATURE, KEY).getData(), event.getData());
  }

  @Test
  void escapedSlashesAndUnicodeEscapesAreReadAsTheTextTheySpell() {
    String escaped =
        BODY.replace("\"https://api.blockscape.co\"", "\"https:\\/\\/api.blockscape.co\"")
            .replace("\"USD\"", "\"\\u0055SD\"");

    QbitPayWebhook.constructEvent(escaped, SIGNATURE, KEY);
  }

  @Test
  void theWrongKeyIsRejected() {
    SignatureVerificationException e = rejected(BODY, SIGNATURE, "another-api-key");

    assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    assertTrue(e.mayHaveReachedServer() == false && e.isRetrySafe());
  }

  @Test
  void aTamperedBodyIsRejected() {
    rejected(BODY.replace("\"amount\":1000", "\"amount\":100000"), SIGNATURE, KEY);
    rejected(BODY.replace("\"livemode\":true", "\"livemode\":false"), SIGNATURE, KEY);
    rejected(BODY.replace("}}", ",\"extra\":1}}"), SIGNATURE, KEY);
  }

  @Test
  void reorderedKeysInsideDataAreRejected() {
    rejected(BODY.replace("\"id\":\"5\",\"object\":\"charge\"", "\"object\":\"charge\",\"id\":\"5\""), SIGNATURE, KEY);
  }

  @Test
  void aNumberWrittenDifferentlyIsRejected() {
    rejected(BODY.replace("\"amount\":1000", "\"amount\":1000.0"), SIGNATURE, KEY);
    rejected(BODY.replace("\"pendingWebhooks\":0", "\"pendingWebhooks\":0.0"), SIGNATURE, KEY);
  }

  @Test
  void aMissingHeaderIsRejectedBeforeTheBodyIsRead() {
    assertTrue(rejected(BODY, null, KEY).getMessage().contains("missing QbitPay-Signature"));
    assertTrue(rejected(BODY, "  ", KEY).getMessage().contains("missing"));
    rejected(BODY, "not-hex", KEY);
  }

  @Test
  void bodiesThatAreNotOneJsonObjectAreRejected() {
    assertTrue(rejected("", SIGNATURE, KEY).getMessage().contains("empty"));
    rejected(null, SIGNATURE, KEY);
    assertTrue(rejected("[" + BODY + "]", SIGNATURE, KEY).getMessage().contains("not a JSON object"));
    rejected("\"event\"", SIGNATURE, KEY);
    rejected(BODY.substring(0, BODY.length() / 2), SIGNATURE, KEY);
    rejected(BODY.trim() + "{}", SIGNATURE, KEY);
    rejected(BODY.replace("\"amount\":1000", "\"amount\":01000"), SIGNATURE, KEY);
    rejected(BODY.replace("\"USD\"", "\"U\tSD\""), SIGNATURE, KEY);
    rejected(BODY.replace("true", "True"), SIGNATURE, KEY);
    assertTrue(
        rejected(BODY.replace("{\"id\":\"fDOuTy95uSiTi\"", "{\"id\":\"x\",\"id\":\"fDOuTy95uSiTi\""), SIGNATURE, KEY)
            .getMessage()
            .contains("repeats"));
  }

  @Test
  void deeplyNestedDataIsRejectedWithoutAStackOverflow() {
    StringBuilder deep = new StringBuilder("{\"data\":");
    for (int i = 0; i < 10_000; i++) deep.append('[');
    for (int i = 0; i < 10_000; i++) deep.append(']');
    rejected(deep.append('}').toString(), SIGNATURE, KEY);
  }

  @Test
  void nullAndEmptyTopLevelValuesAreLeftOutWhileZeroAndFalseAreKept() throws Exception {
    String body =
        "{\"id\":\"evt_2\",\"type\":\"charge.expired\",\"object\":\"event\",\"createdAt\":\"\","
            + "\"pendingWebhooks\":0,\"livemode\":false,\"request\":null,\"tags\":[],\"meta\":{},"
            + "\"data\":{\"id\":\"c9\",\"object\":\"charge\",\"amount\":10.50,\"fee\":1e-5,\"note\":null}}";
    String expected =
        md5("data={\"id\":\"c9\",\"object\":\"charge\",\"amount\":10.50,\"fee\":1e-5,\"note\":null}"
            + "&id=evt_2&livemode=false&meta={}&object=event&pendingWebhooks=0&tags=[]&type=charge.expired"
            + "&key=" + KEY);

    assertEquals(expected, QbitPayWebhook.signature(body, KEY));
    Event event = QbitPayWebhook.constructEvent(body, expected, KEY);
    assertFalse(event.isLivemode());
    assertNull(event.getCreatedAt());
    assertEquals(new BigDecimal("10.50"), event.getCharge().getAmount());
  }

  @Test
  void nestedStringsAreEscapedTheWayJsonStringifyEscapesThem() throws Exception {
    String body =
        "{\"id\":\"evt_3\",\"data\":{\"note\":\"a\\nb \\u2028 \\\"q\\\" \\u00e9 \\u0001 \\ud800 \\/ 令\"}}";
    String expected =
        md5("data={\"note\":\"a\\nb \u2028 \\\"q\\\" é \\u0001 \\ud800 / 令\"}&id=evt_3&key=" + KEY);

    assertEquals(expected, QbitPayWebhook.signature(body, KEY));
  }

  @Test
  void chargeIsNullForEventsAboutOtherObjects() {
    String payout =
        "{\"id\":\"evt_4\",\"type\":\"payout.inTransit\",\"object\":\"event\","
            + "\"data\":{\"id\":\"po_1\",\"object\":\"payout\",\"amount\":5}}";
    String dispute =
        "{\"id\":\"evt_5\",\"type\":\"charge.dispute.created\",\"data\":{\"id\":\"dp_1\",\"reason\":\"x\"}}";
    String noObject = "{\"id\":\"evt_6\",\"type\":\"charge.failed\",\"data\":{\"id\":\"c1\",\"amount\":5}}";
    String notAnObject = "{\"id\":\"evt_7\",\"type\":\"charge.failed\",\"data\":\"c1\"}";
    String unreadable = "{\"id\":\"evt_8\",\"type\":\"charge.failed\",\"data\":{\"object\":\"charge\",\"createdAt\":5}}";

    Event p = QbitPayWebhook.constructEvent(payout, QbitPayWebhook.signature(payout, KEY), KEY);
    assertEquals(EventType.PAYOUT_IN_TRANSIT, p.getEventType());
    assertEquals("payout.inTransit", p.getType());
    assertNull(p.getCharge());
    assertNull(QbitPayWebhook.constructEvent(dispute, QbitPayWebhook.signature(dispute, KEY), KEY).getCharge());
    assertEquals(
        "c1", QbitPayWebhook.constructEvent(noObject, QbitPayWebhook.signature(noObject, KEY), KEY).getCharge().getId());
    Event text = QbitPayWebhook.constructEvent(notAnObject, QbitPayWebhook.signature(notAnObject, KEY), KEY);
    assertNull(text.getData());
    assertNull(text.getCharge());
    Event bad = QbitPayWebhook.constructEvent(unreadable, QbitPayWebhook.signature(unreadable, KEY), KEY);
    assertNull(bad.getCharge());
    assertEquals("{\"object\":\"charge\",\"createdAt\":5}", bad.getData());
  }

  @Test
  void bodiesWhereDataIsNotLastOrHasBracketsElsewhereStillVerify() {
    String dataFirst =
        "{\"data\":{\"id\":\"c1\",\"object\":\"charge\"},\"id\":\"evt_9\",\"type\":\"charge.failed\"}";
    String twoObjects = "{\"id\":\"evt_10\",\"meta\":{\"k\":[1]},\"data\":{\"note\":\"a}&b\"}}";

    assertEquals("evt_9", QbitPayWebhook.constructEvent(dataFirst, QbitPayWebhook.signature(dataFirst, KEY), KEY).getId());
    Event event = QbitPayWebhook.constructEvent(twoObjects, QbitPayWebhook.signature(twoObjects, KEY), KEY);
    assertEquals("{\"note\":\"a}&b\"}", event.getData());
  }

  /**
   * The signed string joins pairs with {@code &} and does not quote values, so a forged body could
   * move text between {@code data} and its neighbours and keep the signature. Each case below
   * reproduces a genuine signing string exactly (checked first, independently); verification must
   * still refuse the forgery.
   */
  @Test
  void aForgedDataThatSwallowsTheFollowingPairsIsRejected() throws Exception {
    String genuine = "{\"data\":{\"a\":1},\"id\":\"e1\",\"zeta\":{\"b\":2}}";
    String signature = QbitPayWebhook.signature(genuine, KEY);
    String forged = "{\"data\":{\"a\":1}&id=e1&zeta={\"b\":2}}";
    assertEquals(signature, md5("data={\"a\":1}&id=e1&zeta={\"b\":2}&key=" + KEY));

    rejected(forged, signature, KEY);
  }

  @Test
  void aForgedDataThatStopsInsideAStringIsRejected() throws Exception {
    String genuine =
        "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\",\"data\":{\"note\":\"a}&id=evil\",\"amount\":1}}";
    String signature = QbitPayWebhook.signature(genuine, KEY);
    String forged =
        "{\"type\":\"charge.succeeded\",\"id\":\"evil\\\",\\\"amount\\\":1}&id=evt_1\",\"data\":{\"note\":\"a}}";
    assertEquals(
        signature,
        md5("data={\"note\":\"a}&id=evil\",\"amount\":1}&id=evt_1&type=charge.succeeded&key=" + KEY));

    rejected(forged, signature, KEY);
  }

  @Test
  void aForgedDataThatStartsInsideAStringIsRejected() throws Exception {
    String genuine =
        "{\"createdAt\":\"X\",\"data\":{\"note\":\"a&data={}\"},\"id\":\"I\",\"type\":\"T\"}";
    String signature = QbitPayWebhook.signature(genuine, KEY);
    String forged =
        "{\"createdAt\":\"X&data={\\\"note\\\":\\\"a\",\"id\":\"I\",\"type\":\"T\",\"data\":{}\"}}";
    assertEquals(signature, md5("createdAt=X&data={\"note\":\"a&data={}\"}&id=I&type=T&key=" + KEY));

    rejected(forged, signature, KEY);
  }

  @Test
  void eventTypesAcceptBothPayoutSpellingsAndUnknownTypes() {
    assertEquals(EventType.PAYOUT_IN_TRANSIT, EventType.fromValue("payout.inTransition"));
    assertEquals(EventType.PAYOUT_IN_TRANSIT, EventType.fromValue("payout.inTransit"));
    assertEquals(EventType.CHARGE_DISPUTE_CLOSED, EventType.fromValue("charge.dispute.closed"));
    assertEquals(EventType.UNKNOWN, EventType.fromValue("charge.refunded"));
    assertEquals(EventType.UNKNOWN, EventType.fromValue(null));
    for (EventType t : EventType.values()) {
      if (t != EventType.UNKNOWN) assertEquals(t, EventType.fromValue(t.getValue()));
    }
  }

  @Test
  void theApiKeyIsRequired() {
    assertThrows(IllegalArgumentException.class, () -> QbitPayWebhook.constructEvent(BODY, SIGNATURE, null));
    assertThrows(IllegalArgumentException.class, () -> QbitPayWebhook.signature(BODY, ""));
    assertThrows(IllegalArgumentException.class, () -> QbitPayWebhook.signature("[]", KEY));
  }
}
