package io.paykit.yinqiantong;

import static io.paykit.yinqiantong.Fixtures.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CreateOrderParamsTest {
  private static String repeat(String s, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(s);
    return sb.toString();
  }

  private static void refused(String field, CreateOrderParams.Builder b) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().startsWith(field), field + " → " + e.getMessage());
  }

  @Test
  void aValidOrderBuildsAndRoundTripsThroughToBuilder() {
    CreateOrderParams p = params().subject("").extra("x").build();
    assertNull(p.getSubject());
    assertEquals("x", p.getExtra());
    CreateOrderParams copy = p.toBuilder().money(2).build();
    assertEquals(2, copy.getMoney());
    assertEquals(p.getClientOutTradeNo(), copy.getClientOutTradeNo());
    assertEquals(p.getNotifyUrl(), copy.getNotifyUrl());
  }

  @Test
  void clientOutTradeNoIsAtMost32Alphanumerics() {
    params().clientOutTradeNo(repeat("a", 32)).build();
    refused("clientOutTradeNo", params().clientOutTradeNo(null));
    refused("clientOutTradeNo", params().clientOutTradeNo(repeat("a", 33)));
    refused("clientOutTradeNo", params().clientOutTradeNo("A-1"));
    refused("clientOutTradeNo", params().clientOutTradeNo("订单1"));
  }

  @Test
  void channelPlatformAndMoneyAreRequired() {
    refused("channel", params().channel(null));
    refused("channel", params().channel(Channel.UNKNOWN));
    refused("platform", params().platform(null));
    refused("platform", params().platform(Platform.UNKNOWN));
    refused("money", params().money(0));
    refused("money", params().money(-1));
  }

  @Test
  void clientIpIsAnIpv4Literal() {
    params().clientIp("255.255.255.255").build();
    params().clientIp("0.0.0.0").build();
    refused("clientIp", params().clientIp(null));
    refused("clientIp", params().clientIp("256.1.1.1"));
    refused("clientIp", params().clientIp("1.2.3"));
    refused("clientIp", params().clientIp("01.2.3.4"));
    refused("clientIp", params().clientIp("::1"));
    refused("clientIp", params().clientIp("localhost"));
  }

  /** The hand-written check agrees with the documented pattern on every dotted string up to 4 parts. */
  @Test
  void ipv4CheckMatchesThePatternExactly() {
    java.util.regex.Pattern ipv4 =
        java.util.regex.Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    java.util.Random random = new java.util.Random(20261122);
    String[] parts = {"", "0", "00", "01", "1", "9", "10", "99", "100", "199", "249", "250", "255", "256",
        "299", "300", "999", "1000", "0255", "a", "1a", " 1"};
    int accepted = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder s = new StringBuilder();
      int n = 3 + random.nextInt(3);
      for (int j = 0; j < n; j++) {
        if (j > 0) s.append(random.nextInt(20) == 0 ? ":" : ".");
        s.append(parts[random.nextInt(parts.length)]);
      }
      if (random.nextInt(30) == 0) s.append('.');
      String text = s.toString();
      boolean expected = ipv4.matcher(text).matches();
      assertEquals(expected, CreateOrderParams.Builder.isIpv4(text), text);
      if (expected) accepted++;
    }
    assertTrue(accepted > 1_000, "accepted " + accepted);
  }

  @Test
  void urlsAreAbsoluteHttpAndAtMost128Characters() {
    String base = "https://shop.example/";
    params().notifyUrl(base + repeat("a", 128 - base.length())).build();
    refused("notifyUrl", params().notifyUrl(null));
    refused("notifyUrl", params().notifyUrl(base + repeat("a", 129 - base.length())));
    refused("notifyUrl", params().notifyUrl("/relative"));
    refused("notifyUrl", params().notifyUrl("ftp://shop.example/n"));
    refused("notifyUrl", params().notifyUrl("https://shop.example/a b"));
    params().notifyUrl("http://shop.example/n?x=1").returnUrl("http://shop.example/back").build();
    refused("returnUrl", params().returnUrl("https://shop.example/back?x=1"));
    refused("returnUrl", params().returnUrl("https://shop.example/back#x"));
    refused("returnUrl", params().returnUrl("javascript:alert(1)"));
  }

  @Test
  void textLengthsCountCharactersNotBytes() {
    params().subject(repeat("商", 32)).description(repeat("品", 128)).extra(repeat("x", 512)).build();
    refused("subject", params().subject(repeat("商", 33)));
    refused("description", params().description(repeat("d", 129)));
    refused("extra", params().extra(repeat("e", 513)));
  }

  @Test
  void openIdIsRequiredForWechatInOfficialAccountsAndMiniPrograms() {
    refused("openId", params().channel(Channel.WECHAT).platform(Platform.MP));
    refused("openId", params().channel(Channel.WECHAT).platform(Platform.MINI_APP).openId(""));
    params().channel(Channel.WECHAT).platform(Platform.MINI_APP).openId("o1").build();
    params().channel(Channel.ALIPAY).platform(Platform.MP).build();
  }

  @Test
  void toStringDoesNotPrintTheOpenId() {
    String s = params().channel(Channel.WECHAT).platform(Platform.MP).openId("oSecretish").build().toString();
    assertFalse(s.contains("oSecretish"), s);
  }
}
