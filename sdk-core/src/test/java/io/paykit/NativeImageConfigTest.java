package io.paykit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import okio.Okio;
import org.junit.jupiter.api.Test;

/**
 * GraalVM native-image has no reflection it was not told about. This walks what Moshi reflects on,
 * starting from the types the clients hand to {@code moshi.adapter(…)}, and checks that the shipped
 * {@code reflect-config.json} registers exactly that: no model missing (the client would fail in a
 * native image), nothing stale (the config would name a class that no longer exists).
 */
class NativeImageConfigTest {
  private static final String CONFIG =
      "/META-INF/native-image/io.paykit/paykit-core/reflect-config.json";

  /** The types passed to {@code moshi.adapter(…)} in main code (io.paykit.qbitpay.QbitJson). */
  private static final String[] ROOTS = {
    "io.paykit.qbitpay.Charge", "io.paykit.qbitpay.QbitJson$ChargeList", "io.paykit.qbitpay.QbitJson$AccessTokenBody"
  };

  @Test
  void reflectConfigRegistersExactlyTheModelsMoshiReflectsOn() throws Exception {
    Map<String, Map<String, Object>> config = readConfig();

    Set<String> needed = new TreeSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    for (String root : ROOTS) todo.add(Class.forName(root));
    while (!todo.isEmpty()) {
      Class<?> type = todo.pop();
      if (!needed.add(type.getName())) continue;
      if (type.isEnum()) continue;
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) continue;
        for (Class<?> reached : paykitTypes(field.getGenericType())) todo.add(reached);
      }
    }

    assertEquals(needed, config.keySet());
    for (String name : needed) {
      Class<?> type = Class.forName(name);
      Map<String, Object> entry = config.get(name);
      if (type.isEnum()) {
        assertEquals(Boolean.TRUE, entry.get("allPublicFields"), name + ": @Json names are read from fields");
      } else {
        assertEquals(Boolean.TRUE, entry.get("allDeclaredFields"), name);
        assertEquals(Boolean.TRUE, entry.get("unsafeAllocated"), name + ": Moshi may allocate without a constructor");
      }
    }
  }

  @Test
  void everyEnumConstantWithAWireNameIsAField() throws Exception {
    for (String name : readConfig().keySet()) {
      Class<?> type = Class.forName(name);
      if (!type.isEnum()) continue;
      for (Object constant : type.getEnumConstants()) {
        Field f = type.getField(((Enum<?>) constant).name());
        assertNotNull(f);
        if (!((Enum<?>) constant).name().equals("UNKNOWN")) {
          assertTrue(f.isAnnotationPresent(Json.class), name + "." + f.getName() + " has no @Json wire name");
        }
      }
    }
  }

  private static Set<Class<?>> paykitTypes(Type type) {
    Set<Class<?>> out = new java.util.HashSet<>();
    if (type instanceof ParameterizedType) {
      for (Type arg : ((ParameterizedType) type).getActualTypeArguments()) out.addAll(paykitTypes(arg));
    }
    Class<?> raw = Types.getRawType(type);
    if (raw.getName().startsWith("io.paykit.")) out.add(raw);
    return out;
  }

  private static Map<String, Map<String, Object>> readConfig() throws Exception {
    JsonAdapter<List<Map<String, Object>>> adapter =
        io.paykit.json.PayKitJson.moshi()
            .adapter(Types.newParameterizedType(List.class, Types.newParameterizedType(Map.class, String.class, Object.class)));
    try (InputStream in = NativeImageConfigTest.class.getResourceAsStream(CONFIG)) {
      assertNotNull(in, CONFIG + " is missing");
      List<Map<String, Object>> entries = adapter.fromJson(Okio.buffer(Okio.source(in)));
      Map<String, Map<String, Object>> byName = new TreeMap<>();
      for (Map<String, Object> e : entries) byName.put((String) e.get("name"), e);
      return byName;
    }
  }
}
