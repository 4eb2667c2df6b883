package io.paykit.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paykit.android.PaymentRequest.TokenDelivery;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PaymentRequestTest {
  static final String PAGE = "https://pay.qbitnetwork.com/checkout?id=ch_1";
  static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZXJjaGFudCJ9.c2lnbmF0dXJl";
  static final String ALIPAY_FORM =
      "<form id='alipaysubmit' name='alipaysubmit'"
          + " action='https://openapi.alipay.com/gateway.do?charset=UTF-8&amp;v=1' method='POST'>"
          + "<input type='hidden' name='biz_content' value='{&quot;out_trade_no&quot;:&quot;1&quot;}'/>"
          + "</form><script>document.forms['alipaysubmit'].submit();</script>";
  static final String TENPAY =
      "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1&package=1037687096";

  @Test
  void paymentPageSendsTheTokenAsBearerHeaderByDefault() {
    PaymentRequest r = PaymentRequest.forPaymentPage(PAGE).accessToken(TOKEN).orderId("ch_1").build();
    assertEquals(PAGE, r.firstLoadUrl());
    assertEquals(Collections.singletonMap("Authorization", "Bearer " + TOKEN), r.firstLoadHeaders());
    assertEquals("ch_1", r.orderId());
  }

  @Test
  void queryModeAppendsTheTokenBeforeTheFragment() {
    assertEquals(
        PAGE + "&accessToken=" + TOKEN,
        PaymentRequest.forPaymentPage(PAGE)
            .accessToken(TOKEN)
            .tokenDelivery(TokenDelivery.QUERY_PARAMETER)
            .build()
            .firstLoadUrl());
    PaymentRequest r =
        PaymentRequest.forPaymentPage("https://pay.example.com/c#step")
            .accessToken("a+b/c=")
            .tokenDelivery(TokenDelivery.QUERY_PARAMETER)
            .build();
    assertEquals("https://pay.example.com/c?accessToken=a%2Bb%2Fc%3D#step", r.firstLoadUrl());
    assertTrue(r.firstLoadHeaders().isEmpty());
  }

  @Test
  void withoutTokenNothingIsAdded() {
    PaymentRequest r = PaymentRequest.forPaymentPage(PAGE).build();
    assertEquals(PAGE, r.firstLoadUrl());
    assertTrue(r.firstLoadHeaders().isEmpty());
  }

  @Test
  void toStringNeverShowsTheTokenOrTheQuery() {
    for (TokenDelivery mode : TokenDelivery.values()) {
      String s =
          PaymentRequest.forPaymentPage(PAGE).accessToken(TOKEN).tokenDelivery(mode).build().toString();
      assertFalse(s.contains(TOKEN), s);
      assertFalse(s.contains("ch_1"), s);
      assertTrue(s.contains("pay.qbitnetwork.com"), s);
      assertTrue(s.contains("<redacted>"), s);
    }
    String form = PaymentRequest.forPayBody(ALIPAY_FORM).build().toString();
    assertFalse(form.contains("biz_content"), form);
  }

  @Test
  void htmlFormPayBodyIsLoadedUnderTheActionOrigin() {
    PaymentRequest r = PaymentRequest.forPayBody("\n " + ALIPAY_FORM).build();
    assertTrue(r.isForm());
    assertEquals("https://openapi.alipay.com/", r.baseUrl);
    assertNull(r.startUrl);
    PaymentRequest explicit =
        PaymentRequest.forPayBody(ALIPAY_FORM).baseUrl("https://shop.example.com/").build();
    assertEquals("https://shop.example.com/", explicit.baseUrl);
  }

  @Test
  void redirectPayBodyIsLoadedAsUrl_andWeChatH5GetsTheReferer() {
    PaymentRequest r =
        PaymentRequest.forPayBody(TENPAY + "\n").wechatH5Referer("https://shop.example.com").build();
    assertFalse(r.isForm());
    assertEquals(TENPAY, r.firstLoadUrl());
    Map<String, String> headers = r.firstLoadHeaders();
    assertEquals(Collections.singletonMap("Referer", "https://shop.example.com"), headers);
  }

  @Test
  void weChatJsapiPayBodyIsRefusedWithAClearMessage() {
    String jsapi =
        "{\"appId\":\"wx2421b1c4370ec43b\",\"timeStamp\":\"1395712654\",\"nonceStr\":\"e61463f8\","
            + "\"package\":\"prepay_id=u802345jgfjsdfgsdg888\",\"signType\":\"MD5\",\"paySign\":\"70EA\"}";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PaymentRequest.forPayBody(jsapi).build());
    assertTrue(e.getMessage().startsWith("payBody holds WeChat JSAPI parameters"), e.getMessage());
    assertTrue(e.getMessage().contains("inside WeChat"), e.getMessage());
  }

  @Test
  void validationNamesTheField() {
    assertField("paymentPageUrl is required", () -> PaymentRequest.forPaymentPage(null).build());
    assertField("paymentPageUrl must be an https URL", () -> PaymentRequest.forPaymentPage("http://pay.example.com/").build());
    assertField("paymentPageUrl must not contain", () -> PaymentRequest.forPaymentPage("https://pay.example.com/ x").build());
    assertField("accessToken must not be empty", () -> PaymentRequest.forPaymentPage(PAGE).accessToken("").build());
    assertField("accessToken must be printable ASCII", () -> PaymentRequest.forPaymentPage(PAGE).accessToken("a\r\nX-Evil: 1").build());
    assertField("accessToken is only supported with forPaymentPage", () -> PaymentRequest.forPayBody(ALIPAY_FORM).accessToken(TOKEN).build());
    assertField("tokenDelivery must not be null", () -> PaymentRequest.forPaymentPage(PAGE).tokenDelivery(null).build());
    assertField("url is required", () -> PaymentRequest.forUrl("").returnUrlPrefix("https://shop.example.com/r").build());
    assertField("returnUrlPrefix is required with forUrl", () -> PaymentRequest.forUrl(PAGE).build());
    assertField("returnUrlPrefix must be an https URL", () -> PaymentRequest.forUrl(PAGE).returnUrlPrefix("myapp://done").build());
    assertField("returnUrlPrefix must not have a query", () -> PaymentRequest.forUrl(PAGE).returnUrlPrefix("https://shop.example.com/r?x=1").build());
    assertField("successUrlPrefix must be an https URL", () -> PaymentRequest.forPaymentPage(PAGE).successUrlPrefix("http://shop.example.com/ok").build());
    assertField("successUrlPrefix must differ", () -> PaymentRequest.forPaymentPage(PAGE).returnUrlPrefix("https://s.example.com/r").successUrlPrefix("https://s.example.com/r").build());
    assertField("the start URL must not match", () -> PaymentRequest.forPaymentPage(PAGE).returnUrlPrefix("https://pay.qbitnetwork.com/").build());
    assertField("baseUrl must not match", () -> PaymentRequest.forPayBody(ALIPAY_FORM).returnUrlPrefix("https://openapi.alipay.com/").build());
    assertField("wechatH5Referer must be an http(s) URL", () -> PaymentRequest.forPaymentPage(PAGE).wechatH5Referer("shop.example.com").build());
    assertField("wechatH5Referer is required", () -> PaymentRequest.forPayBody(TENPAY).build());
    assertField("orderId must be 1 to 128", () -> PaymentRequest.forPaymentPage(PAGE).orderId("").build());
    assertField("payBody is required", () -> PaymentRequest.forPayBody("  ").build());
    assertField("payBody must be an https URL", () -> PaymentRequest.forPayBody("http://wx.tenpay.com/x").build());
    assertField("payBody is HTML without a <form action>", () -> PaymentRequest.forPayBody("<html><body>hi</body></html>").build());
    assertField("payBody form action must be an https URL", () -> PaymentRequest.forPayBody("<form action=\"http://pay.example.com/\"></form>").build());
    assertField("payBody is neither an HTML form nor an https URL", () -> PaymentRequest.forPayBody("weixin://wxpay/bizpayurl?pr=abc").build());
    assertField("baseUrl is only used with an HTML form payBody", () -> PaymentRequest.forPaymentPage(PAGE).baseUrl("https://x.example.com/").build());
    assertField("baseUrl must be an https URL", () -> PaymentRequest.forPayBody(ALIPAY_FORM).baseUrl("file:///sdcard/").build());
  }

  private static void assertField(String expectedStart, Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().startsWith(expectedStart), "message was: " + e.getMessage());
  }

  @Test
  void payBodyKinds() {
    assertEquals(PayBody.Kind.HTML_FORM, PayBody.classify(ALIPAY_FORM));
    assertEquals(PayBody.Kind.REDIRECT_URL, PayBody.classify(" " + TENPAY));
    assertEquals(PayBody.Kind.WECHAT_JSAPI, PayBody.classify("{\"appId\":\"wx1\"}"));
    assertEquals(PayBody.Kind.OTHER, PayBody.classify("app_id=1&biz_content=x&sign=y"));
    assertEquals(
        "https://openapi.alipay.com/gateway.do?charset=UTF-8&v=1", PayBody.formAction(ALIPAY_FORM));
    assertEquals("https://a.example/x", PayBody.formAction("<FORM method=post ACTION = https://a.example/x>"));
    assertNull(PayBody.formAction("<formation action='https://a.example/'>"));
  }
}
