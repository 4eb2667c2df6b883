package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void encodesInEitherCaseAndDecodesBoth() {
    byte[] bytes = {0x00, (byte) 0xab, 0x7f, (byte) 0xff};
    assertEquals("00ab7fff", Hex.encode(bytes, false));
    assertEquals("00AB7FFF", Hex.encode(bytes, true));
    assertArrayEquals(bytes, Hex.decodeOrNull("00ab7fff"));
    assertArrayEquals(bytes, Hex.decodeOrNull("00Ab7fFF"));
  }

  @Test
  void decodeOrNullRefusesOddLengthsAndNonHexDigits() {
    assertNull(Hex.decodeOrNull("abc"));
    assertNull(Hex.decodeOrNull("zz"));
    assertNull(Hex.decodeOrNull("0x"));
    assertArrayEquals(new byte[0], Hex.decodeOrNull(""));
    assertTrue(Hex.isHex("09afAF"));
    assertFalse(Hex.isHex(""));
    assertFalse(Hex.isHex("0g"));
  }
}
