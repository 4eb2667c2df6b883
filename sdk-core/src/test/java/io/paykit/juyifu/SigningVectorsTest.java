package io.paykit.juyifu;

import static io.paykit.juyifu.TestSupport.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published 聚易付 vectors (shared/api/vectors/README.md, sources.md §3.2) reproduced through the
 * client's own signing path: {@link RequestSigner} with the CanonicalString and Signer configuration
 * every request uses.
 */
class SigningVectorsTest {
  private static final String ORDER_RSA =
      "L+ZtG58qOoqFswP695gjkeTRVrut3fX3Ccbsq9k4F/FFJLwtRIKMqmYzPzUzpU0bTMedCG6vcGGcaed/1X+7eRr2SF79rBzbTlsVZPd/l2o9JqR6LoqG3ib6iPWd0ZEk7+qaNiiStxylm1FSP3SkNEZM13gr2yODTobLn8vASdk=";
  private static final String QUERY_RSA =
      "wTKW05wuYuc3DIX+hRm4VR6k6Xw1pIVCtWx3bYmfYXXLGQnYpaScXcBpjPziA7PChiA6uv/QWO0BxWG7/H6TZxgLGg3ldGwmsVoJixBEkNSqC2chTXXeGaQJEYEknJcKxgKJ2dg4oIp0Jyco6V+FCbZXq7BDmdxHScdqbVA678A=";

  /** The 2014 order parameter set, in a shuffled insertion order: the signer must sort. */
  private static Map<String, Object> orderParams() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("product_name", "飞行扫帚");
    p.put("app_key", "6018561003558745");
    p.put("merchant_order_id", "order001");
    p.put("amount", 2);
    p.put("ext_data", "");
    p.put("merchant_user_id", "U0001");
    p.put("notify_url", "");
    p.put("order_title", "飞行扫帚两个");
    p.put("order_desc", "2014-6-5下单，一红一黑");
    p.put("product_desc", "光速2000最新型号，速度超快");
    p.put("product_id", "Product001");
    return p;
  }

  private static Map<String, Object> queryParams() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("order_id", 140713000685555335L);
    p.put("app_key", 6018561003558745L);
    return p;
  }

  @Test
  void md5OrderVectorMatches() {
    assertEquals("0047ca29b96306b2b7d9417f8fa0e91c", RequestSigner.md5(SECRET).sign(orderParams()));
  }

  @Test
  void md5QueryVectorMatches() {
    assertEquals("29d4217bfeba34b099478bc9e56d428e", RequestSigner.md5(SECRET).sign(queryParams()));
  }

  @Test
  void rsaOrderVectorMatchesWithThePublishedSampleKey() {
    assertEquals(ORDER_RSA, RequestSigner.rsa(TestSupport.sampleKey()).sign(orderParams()));
  }

  @Test
  void rsaQueryVectorMatchesWithThePublishedSampleKey() {
    assertEquals(QUERY_RSA, RequestSigner.rsa(TestSupport.sampleKey()).sign(queryParams()));
  }

  @Test
  void signAndSignTypeAreLeftOutOfTheSignedString() {
    Map<String, Object> p = orderParams();
    p.put("sign", "anything");
    p.put("sign_type", 1);
    assertEquals("0047ca29b96306b2b7d9417f8fa0e91c", RequestSigner.md5(SECRET).sign(p));
  }

  @Test
  void arraysAreJoinedWithCommasInRequestOrderAndEmptyValuesAreKept() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("ids", Arrays.asList("b2", "a1"));
    p.put("app_id", 42L);
    p.put("memo", "");
    assertEquals(
        TestSupport.md5Hex("app_id=42&ids=b2,a1&memo=" + SECRET), RequestSigner.md5(SECRET).sign(p));
  }

  @Test
  void signTypeCodesFollowTheContract() {
    assertEquals(1, RequestSigner.md5(SECRET).signType());
    assertEquals(2, RequestSigner.rsa(TestSupport.sampleKey()).signType());
    assertEquals(3, RequestSigner.rsa2(TestSupport.sampleKey()).signType());
  }

  @Test
  void toStringNamesTheAlgorithmOnly() {
    assertEquals("RequestSigner{MD5}", RequestSigner.md5(SECRET).toString());
  }
}
