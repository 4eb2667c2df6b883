package io.paykit.yinqiantong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Wire values of Channel, Platform, OrderStatus, OrderState and BusinessCode. */
class EnumsTest {
  @Test
  void channelsKnowTheirCodesAndV1Values() {
    assertEquals(1, Channel.ALIPAY.getCode());
    assertEquals("alipay", Channel.ALIPAY.getV1Value());
    assertEquals(2, Channel.WECHAT.getCode());
    assertEquals("wx", Channel.WECHAT.getV1Value());
    assertEquals(3, Channel.QQ.getCode());
    assertNull(Channel.QQ.getV1Value());
    assertEquals(4, Channel.JD.getCode());
    assertNull(Channel.JD.getV1Value());
  }

  @Test
  void channelsParseCodesV1StringsAndUnknowns() {
    assertEquals(Channel.ALIPAY, Channel.parse("1"));
    assertEquals(Channel.ALIPAY, Channel.parse("1.0"));
    assertEquals(Channel.ALIPAY, Channel.parse("alipay"));
    assertEquals(Channel.WECHAT, Channel.parse("WX"));
    assertEquals(Channel.JD, Channel.parse(" 4 "));
    assertEquals(Channel.UNKNOWN, Channel.parse("0"));
    assertEquals(Channel.UNKNOWN, Channel.parse("5"));
    assertEquals(Channel.UNKNOWN, Channel.parse("unionpay"));
    assertEquals(Channel.UNKNOWN, Channel.parse(""));
    assertEquals(Channel.UNKNOWN, Channel.parse(null));
  }

  @Test
  void platformsKnowTheirCodesAndV1Values() {
    String[] v1 = {"pc", "app", "h5", "mp", "mini_app", "scan"};
    Platform[] all = {Platform.PC, Platform.APP, Platform.H5, Platform.MP, Platform.MINI_APP, Platform.SCAN};
    for (int i = 0; i < all.length; i++) {
      assertEquals(i + 1, all[i].getCode());
      assertEquals(v1[i], all[i].getV1Value());
      assertEquals(all[i], Platform.parse(Integer.toString(i + 1)));
      assertEquals(all[i], Platform.parse(v1[i]));
    }
    assertEquals(Platform.UNKNOWN, Platform.parse("7"));
    assertEquals(Platform.UNKNOWN, Platform.parse("tv"));
  }

  @Test
  void orderStatusesParseBothVocabularies() {
    assertEquals(OrderStatus.UNPAID, OrderStatus.parse("0"));
    assertEquals(OrderStatus.PAID, OrderStatus.parse("1"));
    assertEquals(OrderStatus.FAILED, OrderStatus.parse("2"));
    assertEquals(OrderStatus.EXPIRED, OrderStatus.parse("3"));
    assertEquals(OrderStatus.UNKNOWN, OrderStatus.parse("4"));
    assertEquals(OrderStatus.UNPAID, OrderStatus.parse("unpaid"));
    assertEquals(OrderStatus.PAID, OrderStatus.parse("paid"));
    assertEquals(OrderStatus.EXPIRED, OrderStatus.parse("expired"));
    assertEquals(OrderStatus.REFUNDING, OrderStatus.parse("refunding"));
    assertEquals(OrderStatus.REFUNDED, OrderStatus.parse("refunded"));
    assertEquals(OrderStatus.UNKNOWN, OrderStatus.parse("pay_success"));
    assertEquals(OrderStatus.UNKNOWN, OrderStatus.parse(null));
  }

  @Test
  void refundedV1OrdersCountAsPaid() {
    assertEquals(OrderState.PAID, OrderState.of(OrderStatus.REFUNDING));
    assertEquals(OrderState.PAID, OrderState.of(OrderStatus.REFUNDED));
    assertEquals(OrderState.AWAITING_PAYMENT, OrderState.of(OrderStatus.UNPAID));
    assertEquals(OrderState.UNKNOWN, OrderState.of(OrderStatus.UNKNOWN));
  }

  @Test
  void businessCodesMapBothWays() {
    for (BusinessCode c : BusinessCode.values()) {
      if (c != BusinessCode.UNKNOWN) assertEquals(c, BusinessCode.of(c.getValue()));
    }
    assertEquals(BusinessCode.UNKNOWN, BusinessCode.of(4000));
    assertEquals(4409, BusinessCode.ORDER_EXISTS.getValue());
  }

  @Test
  void protocolsKnowTheirBaseUrls() {
    assertEquals("https://api.yqtapi.com", YinqiantongProtocol.V2.getDefaultBaseUrl());
    assertEquals("https://yinqiantong.com", YinqiantongProtocol.V1.getDefaultBaseUrl());
  }
}
