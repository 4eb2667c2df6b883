package io.paykit.yinqiantong;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the gateway's flat JSON objects as {@code name → text}, keeping each number's own text ({@code
 * 1} stays {@code 1}, never {@code 1.0}) because signatures are computed over the values as sent.
 *
 * <p>As an adapter ({@link #ENVELOPE}) it reads the response {@link Envelope} tolerantly: unknown
 * members, nested values and odd types are skipped.
 */
final class FlatJson extends JsonAdapter<FlatJson.Envelope> {
  /** Reads an {@link Envelope}. */
  static final FlatJson ENVELOPE = new FlatJson();

  private static final JsonReader.Options ENVELOPE_NAMES = JsonReader.Options.of("code", "msg", "data");

  // The class is its own adapter rather than holding a nested one: one class fewer in the jar.
  private FlatJson() {}

  /**
   * Reads one object of scalars. Booleans become {@code true}/{@code false}, JSON null becomes a null
   * value.
   *
   * @param strict reject nested objects and arrays and repeated names (notifications, which are
   *     signed member by member); otherwise nested values are skipped and the last repeat wins
   * @throws JsonDataException if strict and the object is not flat, or the value is not an object
   */
  static Map<String, String> readObject(JsonReader reader, boolean strict) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (strict && out.containsKey(name)) {
        throw new JsonDataException("field " + name + " appears twice");
      }
      // Comparisons, not a switch: a switch over Moshi's enum costs a synthetic $SwitchMap class.
      JsonReader.Token token = reader.peek();
      if (token == JsonReader.Token.STRING || token == JsonReader.Token.NUMBER) {
        out.put(name, reader.nextString());
      } else if (token == JsonReader.Token.BOOLEAN) {
        out.put(name, Boolean.toString(reader.nextBoolean()));
      } else if (token == JsonReader.Token.NULL) {
        reader.nextNull();
        out.put(name, null);
      } else {
        if (strict) throw new JsonDataException("field " + name + " is not a plain value");
        reader.skipValue();
      }
    }
    reader.endObject();
    return out;
  }

  /** The gateway's response envelope: {@code {code, msg, data}}. */
  static final class Envelope {
    final String code;
    final String msg;
    /** The {@code data} object's scalar members, or null when {@code data} is absent or not an object. */
    final Map<String, String> data;

    Envelope(String code, String msg, Map<String, String> data) {
      this.code = code;
      this.msg = msg;
      this.data = data == null ? null : Collections.unmodifiableMap(data);
    }
  }

  @Override
  public Envelope fromJson(JsonReader reader) throws IOException {
    String code = null;
    String msg = null;
    Map<String, String> data = null;
    reader.beginObject();
    while (reader.hasNext()) {
      // selectName matches the known names in the bytes, without decoding a String for each.
      int name = reader.selectName(ENVELOPE_NAMES);
      JsonReader.Token token = reader.peek();
      boolean scalar = token == JsonReader.Token.NUMBER || token == JsonReader.Token.STRING;
      if (name == 0 && scalar) {
        code = reader.nextString();
      } else if (name == 1 && scalar) {
        msg = reader.nextString();
      } else if (name == 2 && token == JsonReader.Token.BEGIN_OBJECT) {
        data = readObject(reader, false);
      } else {
        if (name < 0) reader.skipName();
        reader.skipValue();
      }
    }
    reader.endObject();
    return new Envelope(code, msg, data);
  }

  @Override
  public void toJson(JsonWriter writer, Envelope value) {
    throw new UnsupportedOperationException("read-only");
  }
}
