package io.paykit.android;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paykit.android.UrlPolicy.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {
  private final UrlPolicy policy =
      new UrlPolicy("https://shop.example.com/pay/done", "https://shop.example.com/pay/return");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://pay.qbitnetwork.com/checkout?id=ch_1",
        "HTTPS://Pay.Example.com/",
        "https://shop.example.com/other",
        "https://shop.example.com:8443/pay/return",
        "https://shop.example.com.evil.net/pay/return",
        "https://openapi.alipay.com/gateway.do?charset=utf-8"
      })
  void httpsStaysInTheWebView(String url) {
    assertEquals(Action.LOAD, policy.decide(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx1&package=2",
        "https://WX.TENPAY.COM./cgi-bin/mmpayweb-bin/checkmweb",
        "https://someone@wx.tenpay.com/x"
      })
  void wechatH5PageGetsTheReferer(String url) {
    assertEquals(Action.LOAD_WECHAT_H5, policy.decide(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"https://wx.tenpay.com@evil.example/x", "https://evil.example\\@wx.tenpay.com/x"})
  void userInfoTricksDoNotEarnTheReferer(String url) {
    assertEquals(Action.LOAD, policy.decide(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "weixin://wap/pay?prepayid%3Dwx1&package=2&noncestr=3&sign=4",
        "alipays://platformapi/startapp?appId=20000067&url=https%3A%2F%2Fmclient.alipay.com",
        "alipay://alipayclient/?x=1",
        "WeiXin://wap/pay"
      })
  void walletSchemesGoToTheSystem(String url) {
    assertEquals(Action.OPEN_WALLET, policy.decide(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "intent://platformapi/startapp#Intent;scheme=alipays;package=com.eg.android.AlipayGphone;end",
        "intent:#Intent;action=android.intent.action.VIEW;end"
      })
  void intentUrlsAreParsedByTheActivity(String url) {
    assertEquals(Action.OPEN_INTENT, policy.decide(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://pay.example.com/checkout",
        "http://shop.example.com/pay/return",
        "file:///data/data/com.app/shared_prefs/x.xml",
        "javascript:alert(document.cookie)",
        "content://com.app.provider/secret",
        "data:text/html,<script>alert(1)</script>",
        "about:blank",
        "blob:https://pay.example.com/123",
        "ftp://example.com/",
        "tel:10086",
        "mailto:a@example.com",
        "market://details?id=com.tencent.mm",
        "myapp://callback",
        "https:///no-host",
        "https:no-slashes.example.com",
        "no scheme at all",
        ":empty-scheme",
        "1http://digit-first",
        ""
      })
  void everythingElseIsBlocked(String url) {
    assertEquals(Action.BLOCK, policy.decide(url));
  }

  @Test
  void nullIsBlocked() {
    assertEquals(Action.BLOCK, policy.decide(null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://shop.example.com/pay/return",
        "https://SHOP.example.com:443/pay/return?out_trade_no=1&sign=abc",
        "https://shop.example.com/pay/return/123#done"
      })
  void returnUrlPrefixMatchesHostPortAndPath(String url) {
    assertEquals(Action.RETURN_URL, policy.decide(url));
  }

  @Test
  void successUrlWinsOverReturnUrlAndNeedsItsOwnPath() {
    assertEquals(Action.SUCCESS_URL, policy.decide("https://shop.example.com/pay/done?order=1"));
    UrlPolicy nested =
        new UrlPolicy("https://shop.example.com/pay/return/ok", "https://shop.example.com/pay/return");
    assertEquals(Action.SUCCESS_URL, nested.decide("https://shop.example.com/pay/return/ok"));
    assertEquals(Action.RETURN_URL, nested.decide("https://shop.example.com/pay/return/no"));
  }

  @Test
  void withoutPrefixesNothingEndsTheFlow() {
    assertEquals(Action.LOAD, new UrlPolicy(null, null).decide("https://shop.example.com/pay/return"));
  }

  @Test
  void httpsParsingKeepsHostPortAndPath() {
    UrlPolicy.HttpsUrl url = UrlPolicy.HttpsUrl.parse("https://u:p@[::1]:8443/a/b?q#f");
    assertEquals("[::1]", url.host);
    assertEquals(8443, url.port);
    assertEquals("/a/b", url.path);
    assertEquals("https://[::1]:8443/", url.origin());
    assertEquals("https://pay.example.com/", UrlPolicy.HttpsUrl.parse("https://Pay.Example.com?x").origin());
    assertNull(UrlPolicy.HttpsUrl.parse("https://pay.example.com:99999999/"));
    assertNull(UrlPolicy.HttpsUrl.parse("https://pay.example.com:80x/"));
    assertNull(UrlPolicy.HttpsUrl.parse("http://pay.example.com/"));
  }
}
