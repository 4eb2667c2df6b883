package io.paykit.juyifu;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Reads any JSON value into plain objects (ordered maps, lists, strings, booleans, null and {@link
 * Num}) without losing the text of numbers, and writes such a tree back as compact JSON.
 *
 * <p>聚易付's drafts disagree on types (an id that is a string or a number, an {@code ext_data} that is
 * a string or an object), and the platform signs the rendered text of every value; a tree that keeps
 * numbers as the gateway wrote them ({@code 100} stays {@code 100}, never {@code 100.0}) serves both.
 */
final class JsonTree extends JsonAdapter<Object> {
  /** Reads one JSON value as a tree; malformed input fails as Moshi's own exceptions do. */
  static final JsonAdapter<Object> ADAPTER = new JsonTree();

  // The class is its own adapter rather than holding an anonymous one: one class fewer in the jar.
  private JsonTree() {}

  @Override
  public Object fromJson(JsonReader reader) throws IOException {
    return read(reader);
  }

  @Override
  public void toJson(JsonWriter writer, Object value) throws IOException {
    write(writer, value);
  }

  /** A JSON number, held as the text the gateway sent. Immutable. */
  static final class Num {
    final String text;

    Num(String text) {
      this.text = text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Num && ((Num) o).text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }

    @Override
    public String toString() {
      return text;
    }
  }

  static Object read(JsonReader reader) throws IOException {
    // Comparisons, not a switch: a switch over Moshi's enum costs a synthetic $SwitchMap class.
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.BEGIN_OBJECT) {
      Map<String, Object> map = new LinkedHashMap<>();
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        map.put(name, read(reader));
      }
      reader.endObject();
      return map;
    }
    if (token == JsonReader.Token.BEGIN_ARRAY) {
      List<Object> list = new ArrayList<>();
      reader.beginArray();
      while (reader.hasNext()) list.add(read(reader));
      reader.endArray();
      return list;
    }
    if (token == JsonReader.Token.STRING) return reader.nextString();
    // nextString() returns a number's own text, so no detour through double.
    if (token == JsonReader.Token.NUMBER) return new Num(reader.nextString());
    if (token == JsonReader.Token.BOOLEAN) return reader.nextBoolean();
    if (token == JsonReader.Token.NULL) return reader.nextNull();
    throw new JsonDataException("unexpected " + token + " at " + reader.getPath());
  }

  /** Writes a tree as compact JSON, in the order it was read, numbers as they were written. */
  static String compact(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, value);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a memory buffer failed", e);
    }
    return buffer.readUtf8();
  }

  static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        writer.name(String.valueOf(e.getKey()));
        write(writer, e.getValue());
      }
      writer.endObject();
    } else if (value instanceof List) {
      writer.beginArray();
      for (Object item : (List<?>) value) write(writer, item);
      writer.endArray();
    } else if (value instanceof Num) {
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(((Num) value).text);
      }
    } else if (value instanceof Boolean) {
      writer.value((Boolean) value);
    } else {
      writer.value(value.toString());
    }
  }
}
