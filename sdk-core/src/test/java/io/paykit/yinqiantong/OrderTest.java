package io.paykit.yinqiantong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pay body detection from content, and what an order prints. */
class OrderTest {
  private static final String ALIPAY_FORM =
      "<form id='alipaysubmit' name='alipaysubmit' action='https://openapi.alipay.com/gateway.do"
          + "?charset=utf-8' method='post'><input type='hidden' name='sign' value='tQ9p'/></form>"
          + "<script>document.forms['alipaysubmit'].submit();</script>";
  private static final String JSAPI =
      "{\"appId\":\"wx2421b1c4370ec43b\",\"timeStamp\":\"1395712654\",\"nonceStr\":\"e61463f8\","
          + "\"package\":\"prepay_id=u802345jgfjsdfgsdg888\",\"signType\":\"MD5\","
          + "\"paySign\":\"70EA570631E4BB79628FBCA90534C63FF7FADD89\"}";

  @Test
  void payBodyKindIsReadFromTheContent() {
    assertEquals(PayBodyKind.HTML_FORM, Order.kindOf(ALIPAY_FORM, Platform.H5));
    assertEquals(PayBodyKind.HTML_FORM, Order.kindOf("  <html><body><FORM action=x>", Platform.PC));
    assertEquals(PayBodyKind.WECHAT_JSAPI, Order.kindOf(JSAPI, Platform.MP));
    // The content decides even when the platform says otherwise.
    assertEquals(PayBodyKind.WECHAT_JSAPI, Order.kindOf(JSAPI, Platform.APP));
    assertEquals(
        PayBodyKind.REDIRECT_URL,
        Order.kindOf("https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1", Platform.H5));
  }

  @Test
  void everythingElseIsOpaque() {
    assertEquals(PayBodyKind.OPAQUE, Order.kindOf(null, Platform.H5));
    assertEquals(PayBodyKind.OPAQUE, Order.kindOf("", Platform.H5));
    assertEquals(PayBodyKind.OPAQUE, Order.kindOf("weixin://wxpay/bizpayurl?pr=abc", Platform.SCAN));
    assertEquals(PayBodyKind.OPAQUE, Order.kindOf("https://qr.alipay.com/bax0", Platform.SCAN));
    assertEquals(
        PayBodyKind.OPAQUE,
        Order.kindOf("app_id=2018&biz_content=%7B%7D&method=alipay.trade.app.pay&sign=x", Platform.APP));
    assertEquals(
        PayBodyKind.OPAQUE,
        Order.kindOf("{\"appid\":\"wx1\",\"partnerid\":\"1\",\"prepayid\":\"wx2\",\"sign\":\"S\"}", Platform.APP));
    assertEquals(PayBodyKind.OPAQUE, Order.kindOf("{\"package\":\"x\",\"paySign\":", Platform.MP));
    assertEquals(PayBodyKind.OPAQUE, Order.kindOf("<p>no form here</p>", Platform.PC));
    assertEquals(PayBodyKind.OPAQUE, Order.kindOf("https://a b", Platform.H5));
  }

  @Test
  void toStringLeavesOutThePayBody() {
    Order.Builder b = Order.Builder.from("00000000", Fixtures.params().build());
    b.outTradeNo = "T1";
    b.payBody = ALIPAY_FORM;
    Order order = b.build();
    assertEquals(PayBodyKind.HTML_FORM, order.getPayBodyKind());
    assertFalse(order.toString().contains("tQ9p"), order.toString());
    assertTrue(order.toString().contains("T1"));
  }
}
