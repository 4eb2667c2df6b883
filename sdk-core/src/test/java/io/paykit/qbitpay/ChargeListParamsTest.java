package io.paykit.qbitpay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChargeListParamsTest {
  @Test
  void defaultsToTheGatewaysPageSizeWithoutCursor() {
    ChargeListParams params = ChargeListParams.builder().build();

    assertEquals(10, params.getLimit());
    assertNull(params.getStartingAfter());
    assertNull(params.getEndingBefore());
    assertNull(params.getExternalOrderId());
  }

  @Test
  void limitMustBeOneToAHundred() {
    assertThrows(IllegalArgumentException.class, () -> ChargeListParams.builder().limit(0).build());
    assertThrows(IllegalArgumentException.class, () -> ChargeListParams.builder().limit(101).build());
    assertEquals(1, ChargeListParams.builder().limit(1).build().getLimit());
    assertEquals(100, ChargeListParams.builder().limit(100).build().getLimit());
  }

  @Test
  void bothCursorsTogetherAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ChargeListParams.builder().startingAfter("a").endingBefore("b").build());

    assertTrue(e.getMessage().contains("startingAfter") && e.getMessage().contains("endingBefore"));
  }

  @Test
  void emptyCursorsAndFiltersAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ChargeListParams.builder().startingAfter("").build());
    assertThrows(IllegalArgumentException.class, () -> ChargeListParams.builder().endingBefore("").build());
    assertThrows(IllegalArgumentException.class, () -> ChargeListParams.builder().externalOrderId("").build());
  }

  @Test
  void toBuilderSwapsTheCursorAndKeepsTheRest() {
    ChargeListParams forward =
        ChargeListParams.builder().limit(3).externalOrderId("A").startingAfter("c5").build();

    ChargeListParams backward = forward.toBuilder().startingAfter(null).endingBefore("c7").build();

    assertEquals(3, backward.getLimit());
    assertEquals("A", backward.getExternalOrderId());
    assertNull(backward.getStartingAfter());
    assertEquals("c7", backward.getEndingBefore());
  }
}
