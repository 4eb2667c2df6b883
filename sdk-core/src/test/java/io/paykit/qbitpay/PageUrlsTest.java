package io.paykit.qbitpay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PageUrlsTest {
  @Test
  void appendsAfterTheFragmentsQueryAsDocumented() {
    assertEquals(
        "https://qbitpay.blockscape.co/?zh#/otc/payment?tradeId=X&accessToken=T",
        PageUrls.withAccessToken("https://qbitpay.blockscape.co/?zh#/otc/payment?tradeId=X", "T"));
  }

  @Test
  void startsAQueryInAFragmentThatHasNone() {
    assertEquals(
        "https://qbitpay.blockscape.co/?zh#/otc/payment?accessToken=T",
        PageUrls.withAccessToken("https://qbitpay.blockscape.co/?zh#/otc/payment", "T"));
    assertEquals("https://h/#?accessToken=T", PageUrls.withAccessToken("https://h/#", "T"));
  }

  @Test
  void usesTheUrlsOwnQueryWithoutAFragment() {
    assertEquals("https://h/pay?tradeId=X&accessToken=T", PageUrls.withAccessToken("https://h/pay?tradeId=X", "T"));
    assertEquals("https://h/pay?accessToken=T", PageUrls.withAccessToken("https://h/pay", "T"));
  }

  @Test
  void replacesAnOldTokenAndTidiesSeparators() {
    assertEquals(
        "https://h/#/p?tradeId=X&accessToken=NEW",
        PageUrls.withAccessToken("https://h/#/p?accessToken=OLD&tradeId=X&", "NEW"));
    assertEquals("https://h/#/p?accessToken=T", PageUrls.withAccessToken("https://h/#/p?", "T"));
  }

  @Test
  void percentEncodesAnythingButUnreservedCharacters() {
    assertEquals("eyJ.a-b_c~d", PageUrls.encode("eyJ.a-b_c~d"));
    assertEquals("a%2Bb%2F%3D%26%23%20%E4%BB%A4%F0%9F%98%80", PageUrls.encode("a+b/=&# 令\uD83D\uDE00"));
  }
}
