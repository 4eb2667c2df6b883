package io.paykit.json;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads enums that declare an {@code UNKNOWN} constant without ever failing on a value the gateway
 * added later: unknown strings, numbers, booleans and nested values all read as {@code UNKNOWN}. Wire
 * names come from {@link Json#name()} on the constants, or the constant's name.
 */
final class TolerantEnumAdapter<E extends Enum<E>> extends JsonAdapter<E> {
  /**
   * The factory: an adapter for each enum type with an {@code UNKNOWN} constant, none for other types.
   * A method reference rather than a factory class beside the adapter: one class fewer in the jar.
   */
  static final JsonAdapter.Factory FACTORY = TolerantEnumAdapter::create;

  private final Map<String, E> byName;
  private final Map<E, String> names;
  private final E unknown;

  private TolerantEnumAdapter(Map<String, E> byName, Map<E, String> names, E unknown) {
    this.byName = byName;
    this.names = names;
    this.unknown = unknown;
  }

  private static JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) return null;
    Class<?> raw = Types.getRawType(type);
    if (!raw.isEnum()) return null;
    return forEnum(raw.asSubclass(Enum.class));
  }

  private static <E extends Enum<E>> JsonAdapter<E> forEnum(Class<E> enumType) {
    E unknown = null;
    for (E constant : enumType.getEnumConstants()) {
      if (constant.name().equals("UNKNOWN")) unknown = constant;
    }
    if (unknown == null) return null;
    Map<String, E> byName = new HashMap<>();
    Map<E, String> names = new HashMap<>();
    for (E constant : enumType.getEnumConstants()) {
      String name = constant.name();
      try {
        Json json = enumType.getField(constant.name()).getAnnotation(Json.class);
        if (json != null) name = json.name();
      } catch (NoSuchFieldException e) {
        throw new AssertionError(e);
      }
      byName.put(name, constant);
      names.put(constant, name);
    }
    return new TolerantEnumAdapter<>(byName, names, unknown).nullSafe();
  }

  @Override
  public E fromJson(JsonReader reader) throws IOException {
    // Comparisons, not a switch: a switch over Moshi's enum costs a synthetic $SwitchMap class.
    JsonReader.Token token = reader.peek();
    String value;
    if (token == JsonReader.Token.STRING || token == JsonReader.Token.NUMBER) {
      value = reader.nextString();
    } else if (token == JsonReader.Token.BOOLEAN) {
      value = String.valueOf(reader.nextBoolean());
    } else {
      reader.skipValue();
      return unknown;
    }
    E constant = byName.get(value);
    return constant != null ? constant : unknown;
  }

  @Override
  public void toJson(JsonWriter writer, E value) throws IOException {
    writer.value(names.get(value));
  }
}
