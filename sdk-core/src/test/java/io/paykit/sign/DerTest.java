package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paykit.sign.Der.DerException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class DerTest {
  @Test
  void encodesAndDecodesObjectIdentifiers() throws DerException {
    for (String oid : new String[] {"1.2.840.113549.1.1.1", "1.2.156.10197.1.301", "1.3.101.112", "2.999.3"}) {
      assertEquals(oid, Der.parse(Der.oid(oid)).oid());
    }
    // rsaEncryption as every tool writes it
    assertArrayEquals(Hex.decodeOrNull("06092a864886f70d010101"), Der.oid("1.2.840.113549.1.1.1"));
  }

  @Test
  void writesLongFormLengths() throws DerException {
    byte[] value = new byte[300];
    byte[] encoded = Der.octetString(value);
    assertArrayEquals(Hex.decodeOrNull("0482012c"), java.util.Arrays.copyOf(encoded, 4));
    assertArrayEquals(value, Der.parse(encoded).value());
  }

  @Test
  void readsNestedSequencesAndIntegers() throws DerException {
    byte[] der = Der.sequence(Der.integer(BigInteger.valueOf(65537)), Der.sequence(Der.nullValue()),
        Der.bitString(new byte[] {1, 2}));
    List<Der.Element> children = Der.parse(der).children();
    assertEquals(BigInteger.valueOf(65537), children.get(0).integer());
    assertEquals(Der.NULL, children.get(1).children().get(0).tag);
    assertArrayEquals(new byte[] {1, 2}, KeyFormats.bitStringBytes(children.get(2)));
    assertArrayEquals(der, Der.parse(der).encoded());
  }

  @Test
  void refusesMalformedInput() {
    assertThrows(DerException.class, () -> Der.parse(new byte[0]));
    assertThrows(DerException.class, () -> Der.parse(Hex.decodeOrNull("30")));
    assertThrows(DerException.class, () -> Der.parse(Hex.decodeOrNull("3005020101")));       // truncated
    assertThrows(DerException.class, () -> Der.parse(Hex.decodeOrNull("3080020101 0000".replace(" ", "")))); // indefinite
    assertThrows(DerException.class, () -> Der.parse(Hex.decodeOrNull("02010100")));          // trailing byte
    assertThrows(DerException.class, () -> Der.parse(Hex.decodeOrNull("1f0100")));           // high tag
    assertThrows(DerException.class, () -> Der.parse(Hex.decodeOrNull("3085ffffffffff")));    // 5-byte length
    assertThrows(DerException.class, () -> Der.parse(Hex.decodeOrNull("3084ffffffff")));      // length > input
    assertThrows(DerException.class, () -> Der.parse(Hex.decodeOrNull("060188")).oid());      // unfinished arc
    assertThrows(DerException.class, () -> Der.parse(Hex.decodeOrNull("020100")).oid());      // wrong tag
    assertThrows(DerException.class, () -> Der.parse(Hex.decodeOrNull("0200")).integer());    // empty integer
    assertThrows(DerException.class, () -> Der.parse(Hex.decodeOrNull("020100")).children()); // primitive
  }
}
