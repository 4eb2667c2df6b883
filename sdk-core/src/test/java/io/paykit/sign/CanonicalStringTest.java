package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.sign.CanonicalString.EmptyValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CanonicalStringTest {
  private static final CanonicalString DEFAULT = CanonicalString.builder().build();

  private static Map<String, Object> params(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void sortsKeysByAsciiOrderWhateverTheMapOrder() {
    Map<String, Object> params = params("b", "2", "a", "1", "B", "3", "a_b", "4", "ab", "5");
    assertEquals("B=3&a=1&a_b=4&ab=5&b=2", DEFAULT.of(params));
  }

  @Test
  void sortsByKeyNotByTheWholePair() {
    // Sorting "k=v" strings would put "a1=x" before "a=y" ('1' < '='); sorting keys does not.
    assertEquals("a=y&a1=x", DEFAULT.of(params("a1", "x", "a", "y")));
  }

  @Test
  void keepsValuesRawWithoutEncoding() {
    assertEquals("desc=下单，一红一黑 &x&y=%20+&url=https://x.cn/?a=1&b=2",
        DEFAULT.of(params("url", "https://x.cn/?a=1&b=2", "desc", "下单，一红一黑 &x&y=%20+")));
  }

  @Test
  void leavesOutExcludedKeysCaseSensitively() {
    CanonicalString canonical = CanonicalString.builder().exclude("sign").exclude("sign_type").build();
    assertEquals("Sign=x&a=1",
        canonical.of(params("sign", "s", "sign_type", "RSA", "a", "1", "Sign", "x")));
  }

  @Test
  void dropsNullAndEmptyValuesByDefaultButKeepsZeroAndFalse() {
    Map<String, Object> params =
        params("a", null, "b", "", "c", 0, "d", false, "e", " ", "f", Collections.emptyList());
    assertEquals("c=0&d=false&e= ", DEFAULT.of(params));
  }

  @Test
  void keepsNullAndEmptyValuesAsKeyEqualsWhenAsked() {
    CanonicalString keep = CanonicalString.builder().emptyValues(EmptyValues.KEEP).build();
    assertEquals("a=&b=&c=0", keep.of(params("a", null, "b", "", "c", 0)));
  }

  @Test
  void rendersIntegersWithoutDecimalPoint() {
    Map<String, Object> params = params("i", 1, "l", 1541051068L, "s", (short) -3, "b", (byte) 7,
        "big", new BigInteger("123456789012345678901234567890"));
    assertEquals("b=7&big=123456789012345678901234567890&i=1&l=1541051068&s=-3", DEFAULT.of(params));
  }

  @Test
  void rendersIntegralDoublesAndFloatsWithoutDotZero() {
    Map<String, Object> params = params("a", 1.0, "b", 1541051000.0, "c", -0.0, "d", 1e20, "e", 2.0f, "f", 0.0);
    assertEquals("a=1&b=1541051000&c=0&d=100000000000000000000&e=2&f=0", DEFAULT.of(params));
  }

  @Test
  void rendersFractionalDoublesAndFloatsInPlainDecimal() {
    Map<String, Object> params = params("a", 38737.7, "b", 1.0E-5, "c", 0.1f, "d", 10.25, "e", -2.5);
    assertEquals("a=38737.7&b=0.00001&c=0.1&d=10.25&e=-2.5", DEFAULT.of(params));
  }

  @Test
  void rendersBigDecimalAsPlainStringKeepingItsScale() {
    assertEquals("a=10.00&b=100&c=0.000001",
        DEFAULT.of(params("a", new BigDecimal("10.00"), "b", new BigDecimal("1E+2"), "c", new BigDecimal("1E-6"))));
  }

  @Test
  void refusesNonFiniteNumbersNamingTheKey() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.of(params("amount", Double.NaN)));
    assertTrue(e.getMessage().contains("'amount'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DEFAULT.of(params("x", Float.POSITIVE_INFINITY)));
  }

  @Test
  void rendersBooleansEnumsAndOtherObjects() {
    Map<String, Object> params =
        params("b", true, "e", TimeUnit.SECONDS, "c", 'x', "o", new StringBuilder("sb"));
    assertEquals("b=true&c=x&e=SECONDS&o=sb", DEFAULT.of(params));
  }

  @Test
  void joinsCollectionsAndArraysWithTheSeparatorInTheirOwnOrder() {
    Map<String, Object> params = params("ids", Arrays.asList("o3", "o1", "o2"),
        "n", new int[] {3, 1}, "d", new Double[] {1.0, 2.5}, "one", Collections.singleton(5L));
    assertEquals("d=1,2.5&ids=o3,o1,o2&n=3,1&one=5", DEFAULT.of(params));

    CanonicalString pipes = CanonicalString.builder().arraySeparator("|").build();
    assertEquals("ids=a|b", pipes.of(params("ids", new String[] {"a", "b"})));
  }

  @Test
  void refusesMapValuesNamingTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DEFAULT.of(params("data", Collections.singletonMap("id", "5"))));
    assertTrue(e.getMessage().contains("'data'"), e.getMessage());
    assertTrue(e.getMessage().contains("already-rendered"), e.getMessage());
  }

  @Test
  void refusesNullElementsAndNestedCollections() {
    assertThrows(IllegalArgumentException.class, () -> DEFAULT.of(params("ids", Arrays.asList("a", null))));
    assertThrows(IllegalArgumentException.class,
        () -> DEFAULT.of(params("ids", Arrays.asList(Arrays.asList("a")))));
  }

  @Test
  void refusesNullKeysParamsAndSuffix() {
    Map<String, Object> withNullKey = new HashMap<>();
    withNullKey.put(null, "x");
    assertThrows(IllegalArgumentException.class, () -> DEFAULT.of(withNullKey));
    assertThrows(IllegalArgumentException.class, () -> DEFAULT.of(null));
    assertThrows(IllegalArgumentException.class, () -> DEFAULT.of(params("a", "1"), null));
    assertThrows(IllegalArgumentException.class, () -> CanonicalString.builder().exclude((String) null));
    assertThrows(IllegalArgumentException.class, () -> CanonicalString.builder().emptyValues(null));
    assertThrows(IllegalArgumentException.class, () -> CanonicalString.builder().arraySeparator(null));
  }

  @Test
  void appendsTheSuffixVerbatim() {
    Map<String, Object> params = params("b", "2", "a", "1");
    assertEquals("a=1&b=2&app_secret=s", DEFAULT.of(params, "&app_secret=s"));
    assertEquals("a=1&b=2019fafeb", DEFAULT.of(params, "019fafeb"));
    assertEquals("a=1&b=2&ts=1536053843&app_secret=s", DEFAULT.of(params, "&ts=1536053843&app_secret=s"));
    assertEquals("a=1&b=2", DEFAULT.of(params, ""));
    assertEquals("&key=k", DEFAULT.of(Collections.<String, Object>emptyMap(), "&key=k"));
  }

  @Test
  void buildsTheYinqiantongV2SigningStringFromTheDocumentedParameters() {
    Map<String, Object> params = new TreeMap<>();
    params.put("appid", "00000000");
    params.put("channel", 1);
    params.put("platform", 2);
    params.put("money", 1);
    params.put("client_ip", "127.0.0.1");
    params.put("subject", "my_subject");
    params.put("ts", 1541051068L);
    params.put("sign", "ignored");
    params.put("description", null);
    CanonicalString v2 = CanonicalString.builder().exclude("sign").build();
    assertEquals("appid=00000000&channel=1&client_ip=127.0.0.1&money=1&platform=2&subject=my_subject"
        + "&ts=1541051068&app_secret=your_app_secret", v2.of(params, "&app_secret=your_app_secret"));
  }

  @Test
  void isUnaffectedByLaterChangesToItsBuilder() {
    CanonicalString.Builder builder = CanonicalString.builder().exclude("sign");
    CanonicalString first = builder.build();
    builder.exclude("a").emptyValues(EmptyValues.KEEP).arraySeparator(";");
    assertEquals("a=1&l=x,y", first.of(params("a", 1, "sign", "s", "e", "", "l", Arrays.asList("x", "y"))));
  }

  @Test
  void describesItsConfigurationInToString() {
    CanonicalString canonical =
        CanonicalString.builder().exclude("sign", "sign_type").emptyValues(EmptyValues.KEEP).build();
    assertEquals("CanonicalString{exclude=[sign, sign_type], emptyValues=KEEP, arraySeparator=','}",
        canonical.toString());
  }

  @Test
  void utf8IsTheStringEncodedWhateverIsDroppedKeptOrExcluded() {
    CanonicalString keep = CanonicalString.builder().emptyValues(EmptyValues.KEEP).build();
    CanonicalString excluding = CanonicalString.builder().exclude("sign", "a").build();
    String[] values = {"", "1", "张三", "x&y", "€", "\uD83D\uDE00", null};
    String[] keys = {"", "a", "b", "sign", "银行"};
    java.util.Random random = new java.util.Random(42);
    for (int round = 0; round < 2_000; round++) {
      Map<String, Object> params = new HashMap<>();
      for (int n = random.nextInt(5); n > 0; n--) {
        params.put(keys[random.nextInt(keys.length)], values[random.nextInt(values.length)]);
      }
      String suffix = round % 3 == 0 ? "" : round % 3 == 1 ? "&key=秘密" : "&app_secret=s";
      for (CanonicalString canonical : new CanonicalString[] {DEFAULT, keep, excluding}) {
        byte[] expected = canonical.of(params, suffix).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(Arrays.equals(expected, canonical.utf8(params, suffix)), params + " " + suffix);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> DEFAULT.utf8(null, ""));
    assertThrows(IllegalArgumentException.class, () -> DEFAULT.utf8(params("a", "1"), null));
  }
}
