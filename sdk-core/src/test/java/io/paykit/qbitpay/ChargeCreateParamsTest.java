package io.paykit.qbitpay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ChargeCreateParamsTest {
  private static ChargeCreateParams.Builder valid() {
    return ChargeCreateParams.builder()
        .amount(new BigDecimal("10.50"))
        .currency("USD")
        .externalOrderId("order-1001")
        .cbUrl("https://shop.example/qbit/webhook")
        .redirectUrl("http://localhost:8080/paid");
  }

  private static void rejects(String field, Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().startsWith(field + " "), "message names " + field + ": " + e.getMessage());
  }

  @Test
  void keepsTheAmountExactlyAsGiven() {
    ChargeCreateParams params = valid().build();

    assertEquals("10.50", params.getAmount().toPlainString());
    assertEquals("USD", params.getCurrency());
    assertEquals("order-1001", params.getExternalOrderId());
    assertNull(params.getBaseCurrency());
  }

  @Test
  void rejectsAmountsThatAreMissingNotPositiveOrTooPrecise() {
    rejects("amount", () -> valid().amount(null).build());
    rejects("amount", () -> valid().amount(BigDecimal.ZERO).build());
    rejects("amount", () -> valid().amount(new BigDecimal("-1")).build());
    rejects("amount", () -> valid().amount(new BigDecimal("0.000000001")).build());
    rejects("amount", () -> valid().amount(new BigDecimal("1E+1000000")).build());
    valid().amount(new BigDecimal("0.00000001")).build();
    valid().amount(new BigDecimal("1.000000000")).build();
  }

  @Test
  void rejectsCurrenciesThatAreNotUppercaseLetters() {
    rejects("currency", () -> valid().currency(null).build());
    rejects("currency", () -> valid().currency("").build());
    rejects("currency", () -> valid().currency("usd").build());
    rejects("currency", () -> valid().currency("US D").build());
    rejects("baseCurrency", () -> valid().baseCurrency("btc").build());
    rejects("quoteCurrency", () -> valid().quoteCurrency("CNY1").build());
    valid().currency("USDT").baseCurrency("BTC").quoteCurrency("PHP").build();
  }

  @Test
  void rejectsAnExternalOrderIdThatIsEmptyTooLongOrHasControlCharacters() {
    rejects("externalOrderId", () -> valid().externalOrderId(null).build());
    rejects("externalOrderId", () -> valid().externalOrderId("").build());
    rejects("externalOrderId", () -> valid().externalOrderId(new String(new char[129]).replace('\0', 'a')).build());
    rejects("externalOrderId", () -> valid().externalOrderId("a\nb").build());
    valid().externalOrderId("订单-1001").build();
  }

  @Test
  void rejectsUrlsThatAreNotAbsoluteHttpUrls() {
    rejects("cbUrl", () -> valid().cbUrl(null).build());
    rejects("cbUrl", () -> valid().cbUrl("/qbit/webhook").build());
    rejects("cbUrl", () -> valid().cbUrl("ftp://shop.example/x").build());
    rejects("cbUrl", () -> valid().cbUrl("https://shop.example/a b").build());
    rejects("redirectUrl", () -> valid().redirectUrl("javascript:alert(1)").build());
    rejects("redirectUrl", () -> valid().redirectUrl("https://").build());
  }

  @Test
  void rejectsBadOptionalText() {
    rejects("paymentType", () -> valid().paymentType("").build());
    rejects("payerName", () -> valid().payerName("a\0b").build());
  }

  @Test
  void toBuilderChangesOneFieldAndToStringHidesThePayer() {
    ChargeCreateParams params = valid().payerName("张三").paymentType("Alipay").build();
    ChargeCreateParams other = params.toBuilder().amount(new BigDecimal("20")).build();

    assertEquals(new BigDecimal("20"), other.getAmount());
    assertEquals("张三", other.getPayerName());
    assertEquals("Alipay", other.getPaymentType());
    assertFalse(params.toString().contains("张三"), params.toString());
    assertTrue(params.toString().contains("10.50"), params.toString());
  }
}
