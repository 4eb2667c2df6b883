package io.paykit.sandbox;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSink;

/**
 * A JSON tree codec on Moshi's streaming reader and writer that keeps the text of numbers.
 *
 * <p>Trees are made of {@code LinkedHashMap<String, Object>} (key order kept), {@code List<Object>},
 * {@code String}, {@link Num}, {@code Boolean} and {@code null}. Numbers keep their literal text so
 * that a signing string built from them shows exactly what the client sent ({@code 1}, never
 * {@code 1.0}), and so that an amount written with an exponent can be refused. For writing, {@code
 * Integer}, {@code Long} and {@code BigDecimal} (written plain, never with an exponent) are accepted
 * too, and {@link Raw} embeds JSON text verbatim.
 */
final class Json {
  private Json() {}

  /** A JSON number as its literal text. */
  static final class Num extends Number {
    private static final long serialVersionUID = 1L;
    final String text;

    Num(String text) {
      this.text = text;
    }

    BigDecimal decimal() {
      return new BigDecimal(text);
    }

    boolean hasExponent() {
      return text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    }

    @Override
    public int intValue() {
      return decimal().intValue();
    }

    @Override
    public long longValue() {
      return decimal().longValue();
    }

    @Override
    public float floatValue() {
      return decimal().floatValue();
    }

    @Override
    public double doubleValue() {
      return decimal().doubleValue();
    }

    // Moshi's JsonWriter.value(Number) writes toString(): this is how the literal text goes out.
    @Override
    public String toString() {
      return text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Num && ((Num) o).text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }
  }

  /** JSON text embedded verbatim when writing (for example a webhook's signed {@code data}). */
  static final class Raw {
    final String json;

    Raw(String json) {
      this.json = json;
    }
  }

  /** The body is not one well-formed JSON value. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message) {
      super(message);
    }
  }

  static Object parse(String text) throws SyntaxException {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new SyntaxException("trailing data after the JSON value");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      // Moshi reports bad JSON as JsonEncodingException (an IOException) or JsonDataException.
      throw new SyntaxException("malformed JSON: " + e.getMessage());
    }
  }

  /** Parses a body that must be a JSON object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parseObject(String text) throws SyntaxException {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new SyntaxException("the body must be a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          map.put(name, read(reader));
        }
        reader.endObject();
        return map;
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return list;
      case STRING:
        return reader.nextString();
      case NUMBER:
        // On a NUMBER token nextString() returns the number's own text.
        return new Num(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IOException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  /** Writes a tree as compact JSON (null map values are written as {@code null}). */
  static String write(Object tree) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, tree);
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to memory failed", e);
    }
    return buffer.readUtf8();
  }

  @SuppressWarnings("unchecked")
  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
        writer.name(e.getKey());
        write(writer, e.getValue());
      }
      writer.endObject();
    } else if (value instanceof List) {
      writer.beginArray();
      for (Object item : (List<Object>) value) {
        write(writer, item);
      }
      writer.endArray();
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value(((Boolean) value).booleanValue());
    } else if (value instanceof Num) {
      writer.value((Num) value);
    } else if (value instanceof BigDecimal) {
      writer.value(new Num(((BigDecimal) value).toPlainString()));
    } else if (value instanceof Long || value instanceof Integer) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof Raw) {
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(((Raw) value).json);
      }
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
    }
  }

  /**
   * Renders a scalar the way a signing string shows it: strings raw, numbers as their text, booleans
   * as {@code true}/{@code false}; null for null.
   *
   * @throws IllegalArgumentException for objects and arrays
   */
  static String scalarText(Object value) {
    if (value == null) return null;
    if (value instanceof String) return (String) value;
    if (value instanceof Num) return ((Num) value).text;
    if (value instanceof BigDecimal) return ((BigDecimal) value).toPlainString();
    if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    throw new IllegalArgumentException("not a scalar");
  }

  /** A small ordered-map builder for response trees. */
  static Obj obj() {
    return new Obj();
  }

  static final class Obj {
    final Map<String, Object> map = new LinkedHashMap<>();

    /** Puts a value; null is kept and written as {@code null}. */
    Obj put(String key, Object value) {
      map.put(key, value);
      return this;
    }

    /** Puts a value unless it is null. */
    Obj putIfNotNull(String key, Object value) {
      if (value != null) map.put(key, value);
      return this;
    }

    Map<String, Object> build() {
      return map;
    }

    String json() {
      return write(map);
    }
  }
}
