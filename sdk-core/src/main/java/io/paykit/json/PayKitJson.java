package io.paykit.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import okio.BufferedSink;

/**
 * The one {@link Moshi} instance PayKit uses, with adapters for the gateways' wire quirks.
 *
 * <ul>
 *   <li>{@link Instant}: ISO-8601, written in UTC with milliseconds ({@code 2019-02-25T16:13:12.278Z}),
 *       read with or without fraction and offset;
 *   <li>{@link EpochSeconds} instants: 10-digit Unix seconds (13-digit milliseconds accepted);
 *   <li>{@link ShanghaiDateTime} instants: 聚易付's {@code yyyy-M-d HH:mm:ss} in Asia/Shanghai;
 *   <li>{@link BigDecimal}: a JSON number written exactly, never with an exponent;
 *   <li>enums with an {@code UNKNOWN} constant: unknown values read as {@code UNKNOWN};
 *   <li>ints and longs: numbers and numeric strings (Moshi's own behaviour).
 * </ul>
 *
 * <p>Unknown fields are ignored. Thread-safe.
 */
public final class PayKitJson {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneId.of("UTC"));
  private static final DateTimeFormatter SHANGHAI_READ =
      DateTimeFormatter.ofPattern("uuuu-M-d H:m:s").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter SHANGHAI_WRITE =
      DateTimeFormatter.ofPattern("uuuu-M-d HH:mm:ss");
  /** Above this an epoch value must be milliseconds: 10^11 seconds is the year 5138. */
  private static final long MAX_EPOCH_SECONDS = 99_999_999_999L;

  private static final Moshi MOSHI =
      new Moshi.Builder()
          .add(TolerantEnumAdapter.FACTORY)
          .add(Instant.class, new InstantAdapter(InstantAdapter.ISO).nullSafe())
          .add(Instant.class, EpochSeconds.class, new InstantAdapter(InstantAdapter.EPOCH).nullSafe())
          .add(
              Instant.class,
              ShanghaiDateTime.class,
              new InstantAdapter(InstantAdapter.SHANGHAI).nullSafe())
          .add(BigDecimal.class, new PlainBigDecimalAdapter().nullSafe())
          .build();

  private PayKitJson() {}

  /**
   * Returns the shared Moshi instance.
   *
   * @return the Moshi instance with PayKit's adapters
   */
  public static Moshi moshi() {
    return MOSHI;
  }

  /**
   * Formats an instant as 聚易付's {@code yyyy-M-d HH:mm:ss} in Asia/Shanghai.
   *
   * @param instant the instant to format
   * @return the Shanghai local date-time text
   */
  public static String formatShanghai(Instant instant) {
    return SHANGHAI_WRITE.format(LocalDateTime.ofInstant(instant, SHANGHAI));
  }

  /**
   * Parses 聚易付's {@code yyyy-M-d HH:mm:ss} in Asia/Shanghai.
   *
   * @param text the timestamp text; surrounding whitespace is ignored
   * @return the instant it denotes
   * @throws IllegalArgumentException if the text is not such a timestamp
   */
  public static Instant parseShanghai(String text) {
    try {
      return LocalDateTime.parse(text.trim(), SHANGHAI_READ).atZone(SHANGHAI).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a yyyy-M-d HH:mm:ss timestamp: " + text, e);
    }
  }

  /**
   * Parses an ISO-8601 instant, with or without fraction, with {@code Z} or an offset.
   *
   * @param text the ISO-8601 text
   * @return the instant it denotes
   * @throws IllegalArgumentException if the text is not such an instant
   */
  public static Instant parseIso(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("not an ISO-8601 instant: " + text, e2);
      }
    }
  }

  /**
   * Formats an instant as ISO-8601 in UTC with exactly three fraction digits.
   *
   * @param instant the instant to format
   * @return text such as {@code 2019-02-25T16:13:12.278Z}
   */
  public static String formatIso(Instant instant) {
    return ISO_MILLIS.format(instant);
  }

  /**
   * Reads a number or numeric string as epoch seconds (or milliseconds when 13 digits).
   *
   * @param value epoch seconds, or epoch milliseconds when above 99,999,999,999
   * @return the instant it denotes
   */
  public static Instant fromEpoch(long value) {
    return value > MAX_EPOCH_SECONDS ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
  }

  /**
   * Reads and writes an instant in one of its wire forms: ISO-8601 text, 聚易付's Shanghai date-time
   * text, or epoch seconds. One adapter class for the three forms: fewer classes in the jar.
   */
  static final class InstantAdapter extends JsonAdapter<Instant> {
    static final int ISO = 0;
    static final int SHANGHAI = 1;
    static final int EPOCH = 2;

    private final int form;

    InstantAdapter(int form) {
      this.form = form;
    }

    @Override
    public Instant fromJson(JsonReader reader) throws IOException {
      if (form == EPOCH) return fromEpoch(reader.nextLong());
      boolean shanghai = form == SHANGHAI;
      String text = reader.nextString();
      try {
        return shanghai ? parseShanghai(text) : parseIso(text);
      } catch (IllegalArgumentException e) {
        throw new JsonDataException(
            (shanghai ? "expected yyyy-M-d HH:mm:ss at " : "expected an ISO-8601 instant at ")
                + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, Instant value) throws IOException {
      if (form == EPOCH) {
        writer.value(value.getEpochSecond());
      } else {
        writer.value(form == SHANGHAI ? formatShanghai(value) : formatIso(value));
      }
    }
  }

  static final class PlainBigDecimalAdapter extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      // nextString returns a number's own text, so 10.50 stays 10.50 (no detour through double).
      String text = reader.nextString();
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        throw new JsonDataException("expected a decimal number at " + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
      // JsonWriter.value(Number) would print BigDecimal.toString(), which may use an exponent.
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(value.toPlainString());
      }
    }
  }
}
