package io.paykit.juyifu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading {@link Order} from the draft's inconsistent shapes. */
class OrderTest {
  private static Order read(String json) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) JsonTree.ADAPTER.fromJson(json);
    return Order.from(tree, "data");
  }

  @Test
  void anIdSentAsANumberIsExposedAsItsExactText() throws Exception {
    assertEquals("140713000685555335", read("{\"id\":140713000685555335}").getId());
    assertEquals("A-1", read("{\"id\":\"A-1\"}").getId());
    assertEquals("99", read("{\"order_id\":99}").getId());
  }

  @ParameterizedTest
  @CsvSource({"0, UNKNOWN", "1, UNPAID", "2, PAYING", "3, SUCCESS", "4, FAILURE", "5, CANCELLED", "6, DUPLICATE", "7, UNKNOWN", "'\"3\"', SUCCESS", "'\"x\"', UNKNOWN", "'{}', UNKNOWN", "true, UNKNOWN"})
  void statusReadsTheDraftsStatusOrThe2014OrderPayStatus(String wire, OrderStatus expected) throws Exception {
    assertEquals(expected, read("{\"status\":" + wire + "}").getStatus());
    assertEquals(expected, read("{\"order_pay_status\":" + wire + "}").getStatus());
  }

  @Test
  void aMissingStatusIsUnknown() throws Exception {
    assertEquals(OrderStatus.UNKNOWN, read("{}").getStatus());
  }

  @Test
  void datesAreReadWithOrWithoutZeroPaddingAtShanghai() throws Exception {
    Order order =
        read("{\"created_at\":\"2014-7-13 9:05:01\",\"updated_at\":\"2014-07-13 09:05:01\",\"expire_at\":\"yesterday\"}");

    assertEquals(Instant.parse("2014-07-13T01:05:01Z"), order.getCreatedAt());
    assertEquals(Instant.parse("2014-07-13T01:05:01Z"), order.getUpdatedAt());
    assertNull(order.getExpireAt(), "an unreadable date must not fail an order that exists");
  }

  @Test
  void productIsReadNestedOrFlat() throws Exception {
    assertEquals("1231422", read("{\"product\":{\"id\":1231422,\"name\":\"金币\"}}").getProduct().getId());
    assertEquals("P1", read("{\"product\":{\"product_id\":\"P1\"}}").getProduct().getId());
    Order flat = read("{\"product_id\":\"P2\",\"product_name\":\"钻石\"}");
    assertEquals("P2", flat.getProduct().getId());
    assertEquals("钻石", flat.getProduct().getName());
  }

  @Test
  void currencyIsText() throws Exception {
    assertEquals("CNY", read("{\"payment\":{\"currency\":\"CNY\"}}").getPayment().getCurrency());
    assertEquals("156", read("{\"payment\":{\"currency\":156}}").getPayment().getCurrency());
  }

  @Test
  void amountsAcceptNumbersAndNumericStrings() throws Exception {
    assertEquals(Long.valueOf(100), read("{\"payment\":{\"amount\":\"100\"}}").getPayment().getAmount());
    assertEquals(Long.valueOf(100), read("{\"payment\":{\"amount\":100.0}}").getPayment().getAmount());
    assertEquals(Long.valueOf(2), read("{\"amount\":2,\"pay_type\":1}").getPayment().getAmount());
  }

  @Test
  void anAmountThatIsNotAnIntegerIsRefused() {
    assertThrows(Wire.WireException.class, () -> read("{\"payment\":{\"amount\":1.5}}"));
    assertThrows(Wire.WireException.class, () -> read("{\"payment\":{\"amount\":\"ten\"}}"));
    assertThrows(Wire.WireException.class, () -> read("{\"payment\":{\"amount\":{}}}"));
  }

  @Test
  void extDataObjectIsKeptAsCompactJsonWithNumbersAsWritten() throws Exception {
    Order order =
        read("{\"ext_data\":{ \"uid\" : 7, \"ratio\": 1.50, \"big\": 140713000685555335, \"tags\": [1, true, null], \"s\": \"a\\\"b\" }}");

    assertEquals(
        "{\"uid\":7,\"ratio\":1.50,\"big\":140713000685555335,\"tags\":[1,true,null],\"s\":\"a\\\"b\"}",
        order.getExtData());
  }

  @Test
  void extDataStringIsKeptAsSent() throws Exception {
    assertEquals("user=7", read("{\"ext_data\":\"user=7\"}").getExtData());
    assertNull(read("{\"ext_data\":null}").getExtData());
    assertNull(read("{}").getExtData());
  }

  @Test
  void missingPartsAreEmptyNotNull() throws Exception {
    Order order = read("{}");

    assertNotNull(order.getApp());
    assertNull(order.getApp().getId());
    assertNotNull(order.getPayment());
    assertNull(order.getPayment().getAmount());
    assertNotNull(order.getProduct());
    assertNull(order.getClientIp());
  }

  @Test
  void partsOfTheWrongShapeAreIgnored() throws Exception {
    Order order = read("{\"app\":\"x\",\"product\":[1],\"client\":7,\"unknown\":{\"a\":1}}");

    assertNull(order.getApp().getId());
    assertNull(order.getProduct().getId());
    assertNull(order.getClientIp());
    assertEquals("{\"a\":1}", order.getFields().get("unknown"));
  }

  @Test
  void toStringLeavesOutTheSign() throws Exception {
    String text = read("{\"id\":1,\"sign\":\"SECRET-SIGN\"}").toString();

    assertEquals(-1, text.indexOf("SECRET-SIGN"));
  }

  @Test
  void readsTheSeedCreateExample() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> root =
        (Map<String, Object>) JsonTree.ADAPTER.fromJson(TestSupport.resource("seed-001-create-order-response.json"));
    Order order = Order.from(Wire.object(root.get("data")), "data");

    assertEquals("8.8.8.8", order.getClientIp());
    assertEquals(Long.valueOf(33221), order.getApp().getMerchantId());
  }
}
