package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestsTest {
  @Test
  void sm3OfAbcMatchesGbT32905ExampleOne() {
    assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Digests.sm3Hex("abc"));
  }

  @Test
  void sm3OfTheSixtyFourByteMessageMatchesGbT32905ExampleTwo() {
    StringBuilder message = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      message.append("abcd");
    }
    assertEquals("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
        Digests.sm3Hex(message.toString()));
  }

  @Test
  void sm3HexDigestsTheUtf8BytesInLowerCase() {
    byte[] digest = Digests.sm3("飞行扫帚".getBytes(StandardCharsets.UTF_8));
    assertEquals(32, digest.length);
    assertArrayEquals(digest, Hex.decodeOrNull(Digests.sm3Hex("飞行扫帚")));
    assertEquals(Digests.sm3Hex("飞行扫帚").toLowerCase(java.util.Locale.ROOT), Digests.sm3Hex("飞行扫帚"));
  }

  @Test
  void sm3OfEmptyInputIsTheKnownValue() {
    assertEquals("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b", Digests.sm3Hex(""));
  }

  @Test
  void nullInputIsAnIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> Digests.sm3(null));
    assertThrows(IllegalArgumentException.class, () -> Digests.sm3Hex(null));
  }
}
