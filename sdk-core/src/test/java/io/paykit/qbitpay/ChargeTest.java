package io.paykit.qbitpay;

import static io.paykit.qbitpay.TestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChargeTest {
  private static Charge parse(String json) throws IOException {
    return QbitJson.CHARGE.fromJson(json);
  }

  @Test
  void readsEveryFieldOfTheContract() throws IOException {
    Charge c = parse(fixture("charge-all-fields.json"));

    assertEquals("5uTSifDOuTy9i", c.getId());
    assertEquals("charge", c.getObject());
    assertEquals(Instant.parse("2019-05-12T16:13:12.278Z"), c.getCreatedAt());
    assertTrue(c.isPaid());
    assertEquals(ChargeStatus.BUYER_PAID, c.getStatus());
    assertEquals("100.50", c.getAmount().toPlainString());
    assertEquals("USD", c.getCurrency());
    assertEquals("order-1001", c.getExternalOrderId());
    assertEquals("https://qbitpay.blockscape.co/?zh#/otc/payment?tradeId=DTSifOuTy95ifOuTy95", c.getPaymentPageUrl());
    assertEquals("https://shop.example/qbit/webhook", c.getCbUrl());
    assertEquals("https://shop.example/paid", c.getRedirectUrl());
    assertEquals(new BigDecimal("688.43"), c.getTotalCost());
    assertEquals(new BigDecimal("6.85"), c.getPrice());
    assertEquals("100.50000000", c.getBaseAmount().toPlainString());
    assertEquals("USDT", c.getBaseCurrency());
    assertEquals("CNY", c.getQuoteCurrency());
    assertEquals(new BigDecimal("0.5"), c.getFee());
    assertEquals("张三", c.getPayerName());
    assertEquals(Instant.parse("2019-05-12T16:43:12.278Z"), c.getExpiresAt());

    PaymentMethod m = c.getPaymentMethod();
    assertEquals("paymentMethod", m.getObject());
    assertEquals("bankAccount", m.getType());
    assertEquals("CNY", m.getCurrency());
    assertEquals("active", m.getStatus());
    assertEquals("Bank account", m.getTypeLabelEn());
    assertEquals("银行卡", m.getTypeLabelZh());
    assertNull(m.getAlipayQRCodeUrl());
    assertEquals("https://qbitpay.blockscape.co/qr/DTSifOuTy95.png", m.getQrCodeImgUrl());
    assertEquals("中国银行", m.getBankName());
    assertEquals("6222020000000000000", m.getBankAccountNum());
    assertEquals("026009593", m.getBankRoutingNum());
    assertEquals("张三", m.getBankDetailName());
    assertEquals("北京市西城区复兴门内大街1号", m.getBankAddr());
    assertEquals("BKCHCNBJ", m.getSwift());
    assertEquals("北京", m.getCity());
    assertEquals("北京", m.getState());
    assertEquals("CN", m.getCountry());
    assertEquals("100818", m.getPostalCode());
    assertEquals("复兴门内大街1号", m.getAddr());
  }

  @Test
  void toStringLeavesOutPersonalData() throws IOException {
    Charge c = parse(fixture("charge-all-fields.json"));

    assertFalse(c.toString().contains("张三"), c.toString());
    assertFalse(c.getPaymentMethod().toString().contains("6222020000000000000"));
    assertTrue(c.toString().contains("100.50"), c.toString());
  }

  @Test
  void missingFieldsAreNullAndUnknownStatusesAreUnknown() throws IOException {
    Charge bare = parse("{\"id\":\"c1\"}");
    Charge future = parse("{\"id\":\"c2\",\"status\":\"refunded\",\"paid\":true}");

    assertFalse(bare.isPaid());
    assertEquals(ChargeStatus.UNKNOWN, bare.getStatus());
    assertNull(bare.getAmount());
    assertNull(bare.getPaymentMethod());
    assertEquals(ChargeStatus.UNKNOWN, future.getStatus());
    assertNull(ChargeStatus.UNKNOWN.getValue());
  }

  @Test
  void seedEraStringAmountsAndNumericIdsAreAccepted() throws IOException {
    Charge c = parse("{\"id\":5,\"amount\":\"10.00\",\"paymentMethod\":\"pm_1\"}");

    assertEquals("5", c.getId());
    assertEquals("10.00", c.getAmount().toPlainString());
    assertNull(c.getPaymentMethod(), "a paymentMethod that is not an object reads as null");
  }

  @Test
  void everyStatusHasItsWireName() {
    for (ChargeStatus s : ChargeStatus.values()) {
      if (s == ChargeStatus.UNKNOWN) continue;
      try {
        assertEquals(s, parse("{\"id\":\"c\",\"status\":\"" + s.getValue() + "\"}").getStatus());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
  }
}
