package io.paykit.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SignTypeTest {
  @Test
  void namesTheFiveSchemesInTheirWireOrder() {
    // Gateway clients map sign_type codes (1 MD5, 2 RSA, ...) by these names; renaming breaks them.
    assertArrayEquals(new String[] {"MD5", "HMAC_SHA256", "RSA", "RSA2", "SM2"},
        java.util.Arrays.stream(SignType.values()).map(Enum::name).toArray(String[]::new));
  }
}
