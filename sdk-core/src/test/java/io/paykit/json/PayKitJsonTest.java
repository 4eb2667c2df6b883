package io.paykit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PayKitJsonTest {
  enum Status {
    @Json(name = "0") UNPAID,
    @Json(name = "1") PAID,
    UNKNOWN
  }

  enum Strict {
    A
  }

  static final class Model {
    @EpochSeconds Instant ts;
    @ShanghaiDateTime Instant createdAt;
    Instant isoAt;
    BigDecimal amount;
    Status status;
    long money;
    String id;
  }

  private final JsonAdapter<Model> adapter = PayKitJson.moshi().adapter(Model.class);

  @Test
  void readsEpochSecondsAsNumberOrStringAndMillisWhenThirteenDigits() throws IOException {
    assertEquals(Instant.ofEpochSecond(1541051068), adapter.fromJson("{\"ts\":1541051068}").ts);
    assertEquals(Instant.ofEpochSecond(1541051068), adapter.fromJson("{\"ts\":\"1541051068\"}").ts);
    assertEquals(Instant.ofEpochMilli(1541051068123L), adapter.fromJson("{\"ts\":1541051068123}").ts);
  }

  @Test
  void readsShanghaiTimestampsWithoutZeroPadding() throws IOException {
    Instant expected = Instant.parse("2002-12-31T16:00:00Z");
    assertEquals(expected, adapter.fromJson("{\"createdAt\":\"2003-1-1 00:00:00\"}").createdAt);
    assertEquals(expected, adapter.fromJson("{\"createdAt\":\"2003-01-01 0:0:0\"}").createdAt);
    assertEquals("2003-1-1 00:00:00", PayKitJson.formatShanghai(expected));
    assertThrows(JsonDataException.class, () -> adapter.fromJson("{\"createdAt\":\"2003-13-1 00:00:00\"}"));
  }

  @Test
  void readsAndWritesIsoInstantsWithMillis() throws IOException {
    Model m = adapter.fromJson("{\"isoAt\":\"2019-02-25T16:13:12.278Z\"}");
    assertEquals(Instant.parse("2019-02-25T16:13:12.278Z"), m.isoAt);
    assertEquals(Instant.parse("2019-02-25T08:13:12Z"), adapter.fromJson("{\"isoAt\":\"2019-02-25T16:13:12+08:00\"}").isoAt);
    Model out = new Model();
    out.isoAt = Instant.parse("2019-02-25T16:13:12Z");
    assertEquals("{\"isoAt\":\"2019-02-25T16:13:12.000Z\",\"money\":0}", adapter.toJson(out));
  }

  @Test
  void keepsDecimalsExactAndNeverWritesAnExponent() throws IOException {
    assertEquals(new BigDecimal("10.50"), adapter.fromJson("{\"amount\":10.50}").amount);
    assertEquals(new BigDecimal("38737.7"), adapter.fromJson("{\"amount\":\"38737.7\"}").amount);
    JsonAdapter<BigDecimal> decimals = PayKitJson.moshi().adapter(BigDecimal.class);
    assertEquals("10", decimals.toJson(new BigDecimal("1E+1")));
    assertEquals("0.00000001", decimals.toJson(new BigDecimal("1E-8")));
    assertEquals("10.50", decimals.toJson(new BigDecimal("10.50")));
    assertThrows(JsonDataException.class, () -> adapter.fromJson("{\"amount\":\"ten\"}"));
  }

  @Test
  void readsUnknownEnumValuesAsUnknown() throws IOException {
    assertEquals(Status.PAID, adapter.fromJson("{\"status\":1}").status);
    assertEquals(Status.PAID, adapter.fromJson("{\"status\":\"1\"}").status);
    assertEquals(Status.UNKNOWN, adapter.fromJson("{\"status\":\"refunded\"}").status);
    assertEquals(Status.UNKNOWN, adapter.fromJson("{\"status\":{\"nested\":[1]}}").status);
    assertEquals(Status.UNKNOWN, adapter.fromJson("{\"status\":true}").status);
    assertNull(adapter.fromJson("{\"status\":null}").status);
    assertEquals("\"0\"", PayKitJson.moshi().adapter(Status.class).toJson(Status.UNPAID));
  }

  @Test
  void enumsWithoutUnknownStayStrict() {
    assertThrows(JsonDataException.class, () -> PayKitJson.moshi().adapter(Strict.class).fromJson("\"B\""));
  }

  @Test
  void acceptsNumbersAndNumericStringsAndIgnoresUnknownFields() throws IOException {
    Model m = adapter.fromJson("{\"money\":\"100\",\"id\":12345,\"surprise\":{\"a\":[1,2]}}");
    assertEquals(100, m.money);
    assertEquals("12345", m.id);
    assertThrows(JsonDataException.class, () -> adapter.fromJson("{\"money\":\"1.5\"}"));
  }
}
