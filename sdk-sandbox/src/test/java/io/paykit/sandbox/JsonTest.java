package io.paykit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void keepsTheTextOfNumbersAndTheOrderOfKeys() throws Exception {
    Map<String, Object> tree = Json.parseObject("{\"b\":1,\"a\":10.50,\"c\":1e3,\"d\":[true,null,\"x\"]}");
    assertEquals("[b, a, c, d]", tree.keySet().toString());
    assertEquals("1", Json.scalarText(tree.get("b")));
    assertEquals("10.50", Json.scalarText(tree.get("a")));
    assertTrue(((Json.Num) tree.get("c")).hasExponent());
    assertEquals("{\"b\":1,\"a\":10.50,\"c\":1e3,\"d\":[true,null,\"x\"]}", Json.write(tree));
  }

  @Test
  void writesDecimalsPlainAndEmbedsRawJsonVerbatim() {
    String json =
        Json.obj()
            .put("small", new BigDecimal("0.00000001"))
            .put("big", new BigDecimal("1E+3"))
            .put("data", new Json.Raw("{\"z\":1,\"a\":2}"))
            .put("none", null)
            .json();
    assertEquals("{\"small\":0.00000001,\"big\":1000,\"data\":{\"z\":1,\"a\":2},\"none\":null}", json);
  }

  @Test
  void refusesMalformedOrTrailingJson() {
    assertThrows(Json.SyntaxException.class, () -> Json.parse("{\"a\":"));
    assertThrows(Json.SyntaxException.class, () -> Json.parse("{} {}"));
    assertThrows(Json.SyntaxException.class, () -> Json.parseObject("[1]"));
    assertThrows(IllegalArgumentException.class, () -> Json.scalarText(new java.util.ArrayList<Object>()));
  }
}
