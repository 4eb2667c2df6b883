package io.paykit.qbitpay;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.paykit.json.PayKitJson;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;

/** Qbit Pay's wire shapes and the Moshi adapters that read them. */
final class QbitJson {
  static final Moshi MOSHI =
      PayKitJson.moshi().newBuilder().add(new ObjectOrNull(PaymentMethod.class)).build();
  static final JsonAdapter<Charge> CHARGE = MOSHI.adapter(Charge.class);
  static final JsonAdapter<ChargeList> CHARGE_LIST = MOSHI.adapter(ChargeList.class);
  static final JsonAdapter<AccessTokenBody> ACCESS_TOKEN = MOSHI.adapter(AccessTokenBody.class);
  static final JsonAdapter<Object> ANY = MOSHI.adapter(Object.class);

  private QbitJson() {}

  /** {@code {"object":"list","url":…,"data":[…]}}; {@code has_more} is undocumented but honoured. */
  static final class ChargeList {
    String object;
    String url;
    List<Charge> data;

    @Json(name = "has_more")
    Boolean hasMore;

    @Json(name = "hasMore")
    Boolean hasMoreCamelCase;

    Boolean hasMore() {
      return hasMore != null ? hasMore : hasMoreCamelCase;
    }
  }

  /** {@code GET /api/v1/accessToken}: {@code {"accessToken":"<JWT>"}}. */
  static final class AccessTokenBody {
    String accessToken;
  }

  /**
   * Reads an object-typed field as null when the gateway sends something else there (a bare id, a
   * string, a number), instead of failing the whole charge over one optional field.
   *
   * <p>Made with a type, an instance is the factory; {@link #create} returns one that holds the
   * adapter it wraps. The class is both rather than holding an anonymous adapter: one class fewer in
   * the jar.
   */
  static final class ObjectOrNull extends JsonAdapter<Object> implements JsonAdapter.Factory {
    private final Class<?> type;
    private final JsonAdapter<Object> delegate;

    ObjectOrNull(Class<?> type) {
      this(type, null);
    }

    private ObjectOrNull(Class<?> type, JsonAdapter<Object> delegate) {
      this.type = type;
      this.delegate = delegate;
    }

    @Override
    public JsonAdapter<?> create(Type requested, Set<? extends Annotation> annotations, Moshi moshi) {
      if (!annotations.isEmpty() || Types.getRawType(requested) != type) return null;
      return new ObjectOrNull(type, moshi.nextAdapter(this, requested, annotations));
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        reader.skipValue();
        return null;
      }
      return delegate.fromJson(reader);
    }

    @Override
    public void toJson(JsonWriter writer, Object value) throws IOException {
      delegate.toJson(writer, value);
    }
  }
}
