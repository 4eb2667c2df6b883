package io.paykit.juyifu;

import static io.paykit.juyifu.OrdersTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The params builders validate before anything can be sent, naming the field. */
class ParamsTest {
  private static String repeat(char c, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(c);
    return sb.toString();
  }

  @Test
  void createOrderRequiresPayTypeAndAPositiveAmount() {
    assertMessage("payType", () -> CreateOrderParams.builder().amount(1).build());
    assertMessage("payType", () -> CreateOrderParams.builder().payType(-1).amount(1).build());
    assertMessage("amount", () -> CreateOrderParams.builder().payType(1).build());
    assertMessage("amount", () -> CreateOrderParams.builder().payType(1).amount(0).build());
    assertMessage("amount", () -> CreateOrderParams.builder().payType(1).amount(-100).build());
  }

  @Test
  void createOrderLimitsTextLengthsInCharactersNotBytes() {
    CreateOrderParams.Builder b = CreateOrderParams.builder().payType(1).amount(1);

    assertEquals(64, b.productId(repeat('币', 64)).build().getProductId().length());
    assertMessage("productId", () -> b.productId(repeat('x', 65)).build());
    b.productId(null);
    assertMessage("productName", () -> b.productName(repeat('x', 129)).build());
    b.productName(null);
    assertMessage("extData", () -> b.extData(repeat('x', 1025)).build());
    b.extData(null);
    assertMessage("memo", () -> b.memo(repeat('x', 257)).build());
    b.memo(null);
    assertMessage("os", () -> b.os(repeat('x', 33)).build());
    b.os(null);
    assertMessage("osVersion", () -> b.osVersion(repeat('x', 33)).build());
    b.osVersion(null);
    assertMessage("sourceId", () -> b.sourceId(-1).build());
  }

  @Test
  void createOrderToBuilderKeepsEveryField() {
    CreateOrderParams p =
        CreateOrderParams.builder().payType(2).amount(5).productId("p").productName("n").extData("e")
            .memo("m").os("ios").osVersion("7").sourceId(3).build();

    assertEquals(p.toString(), p.toBuilder().build().toString());
    assertEquals(6, p.toBuilder().amount(6).build().getAmount());
    assertNull(CreateOrderParams.builder().payType(1).amount(1).build().getSourceId());
  }

  @Test
  void refundRequiresAPositiveAmountAndASafeRefundNumber() {
    assertMessage("amount", () -> RefundParams.builder().build());
    assertMessage("amount", () -> RefundParams.builder().amount(0).build());
    assertMessage("reason", () -> RefundParams.builder().amount(1).reason(repeat('x', 257)).build());
    assertMessage("outRefundNo", () -> RefundParams.builder().amount(1).outRefundNo("a&b").build());
    assertMessage("outRefundNo", () -> RefundParams.builder().amount(1).outRefundNo(repeat('x', 65)).build());
    assertEquals("R-1", RefundParams.builder().amount(1).outRefundNo("R-1").build().toBuilder().build().getOutRefundNo());
  }

  @Test
  void soldQueryChecksPagesAndDates() {
    assertMessage("page", () -> SoldQueryParams.builder().page(0).build());
    assertMessage("pageSize", () -> SoldQueryParams.builder().pageSize(0).build());
    assertMessage("pageSize", () -> SoldQueryParams.builder().pageSize(101).build());
    assertMessage(
        "startDate",
        () -> SoldQueryParams.builder().startDate(LocalDate.of(2024, 2, 1)).endDate(LocalDate.of(2024, 1, 31)).build());
    assertMessage("productId", () -> SoldQueryParams.builder().productId(repeat('x', 65)).build());

    SoldQueryParams defaults = SoldQueryParams.builder().build();
    assertEquals(1, defaults.getPage());
    assertEquals(20, defaults.getPageSize());
    assertEquals(100, SoldQueryParams.builder().pageSize(100).build().getPageSize());
    LocalDate day = LocalDate.of(2024, 1, 1);
    assertEquals(day, SoldQueryParams.builder().startDate(day).endDate(day).build().toBuilder().build().getEndDate());
  }

  @Test
  void channelRequiresSourcePayTypeAndName() {
    assertMessage("sourceId", () -> ChannelParams.builder().payType(1).name("x").build());
    assertMessage("sourceId", () -> ChannelParams.builder().sourceId(-1).payType(1).name("x").build());
    assertMessage("payType", () -> ChannelParams.builder().sourceId(1).name("x").build());
    assertMessage("payType", () -> ChannelParams.builder().sourceId(1).payType(-2).name("x").build());
    assertMessage("name", () -> ChannelParams.builder().sourceId(1).payType(1).build());
    assertMessage("name", () -> ChannelParams.builder().sourceId(1).payType(1).name(" ").build());
    assertMessage("name", () -> ChannelParams.builder().sourceId(1).payType(1).name(repeat('x', 65)).build());
    assertMessage("weight", () -> ChannelParams.builder().sourceId(1).payType(1).name("x").weight(-1).build());
    assertMessage("weight", () -> ChannelParams.builder().sourceId(1).payType(1).name("x").weight(10_001).build());

    ChannelParams p = ChannelParams.builder().sourceId(1).payType(0).name("x").build();
    assertNull(p.getWeight());
    assertNull(p.getEnabled());
    assertEquals(p.toString(), p.toBuilder().build().toString());
  }
}
