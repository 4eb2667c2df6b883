package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PemTest {
  @Test
  void readsTheFirstBlockIgnoringTextAroundIt() {
    Pem.Block block = Pem.parse("junk\n-----BEGIN THING-----\nAQID\nBA==\n-----END THING-----\n"
        + "-----BEGIN OTHER-----\nBQ==\n-----END OTHER-----\n", "key");
    assertEquals("THING", block.type);
    assertArrayEquals(new byte[] {1, 2, 3, 4}, block.der);
  }

  @Test
  void refusesMismatchedEndLinesHeadersAndBadBodies() {
    assertThrows(IllegalArgumentException.class,
        () -> Pem.parse("-----BEGIN A-----\nAQID\n-----END B-----", "key"));
    assertThrows(IllegalArgumentException.class,
        () -> Pem.parse("-----BEGIN A-----\nProc-Type: 4,ENCRYPTED\n\nAQID\n-----END A-----", "key"));
    assertThrows(IllegalArgumentException.class, () -> Pem.parse("-----BEGIN A-----\nA$ID\n-----END A-----", "key"));
    assertThrows(IllegalArgumentException.class, () -> Pem.parse("-----BEGIN A", "key"));
  }

  @Test
  void neverEchoesAnOddLabelOrTheBody() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Pem.parse("-----BEGIN secretLabelText-----\nAQID\n-----END secretLabelText-----", "RSA key"));
    assertEquals("Invalid RSA key: the PEM BEGIN line is malformed", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Pem.parse("-----BEGIN A-----\nSECRETSECRET$\n-----END A-----", "RSA key"));
    assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    assertNull(e.getCause());
  }

  @Test
  void base64OrNullSkipsWhitespaceAndReturnsNullForGarbage() {
    assertArrayEquals(new byte[] {1, 2, 3}, Pem.base64OrNull(" AQ\r\nID\t"));
    assertNull(Pem.base64OrNull("AQ!D"));
    assertTrue(Pem.isPem("x -----BEGIN A-----"));
  }
}
