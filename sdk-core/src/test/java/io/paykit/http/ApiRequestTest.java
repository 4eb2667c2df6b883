package io.paykit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ApiRequestTest {
  private static ApiRequest request() {
    return ApiRequest.builder(ApiRequest.Method.POST, "/orders", "createOrder")
        .bodyEncoding(ApiRequest.BodyEncoding.FORM)
        .query("q", "1")
        .body("amount", 100)
        .body("memo", "x")
        .header("h", "v")
        .build();
  }

  @Test
  void aDerivedRequestNeverChangesTheOriginal() {
    ApiRequest original = request();
    ApiRequest derived =
        original.newBuilder().header("Authorization", "Basic x").body("sign", "s").removeQuery("q")
            .build();

    assertEquals("{h=v}", original.headers().toString());
    assertEquals("{amount=100, memo=x}", original.body().toString());
    assertEquals("{q=1}", original.query().toString());
    assertEquals("{h=v, Authorization=Basic x}", derived.headers().toString());
    assertEquals("{amount=100, memo=x, sign=s}", derived.body().toString());
    assertTrue(derived.query().isEmpty());
  }

  @Test
  void unchangedPartsAreSharedNotCopied() {
    ApiRequest original = request();
    ApiRequest derived = original.newBuilder().header("Authorization", "Basic x").build();
    assertSame(original.body(), derived.body());
    assertSame(original.query(), derived.query());
  }

  @Test
  void aBuilderUsedAgainAfterBuildDoesNotChangeWhatItBuilt() {
    ApiRequest.Builder builder =
        ApiRequest.builder(ApiRequest.Method.POST, "/orders", "createOrder")
            .bodyEncoding(ApiRequest.BodyEncoding.JSON)
            .body("a", 1)
            .header("h", "1");
    ApiRequest first = builder.build();
    ApiRequest second = builder.body("b", 2).removeBody("a").header("h", "2").query("q", "x").build();

    assertEquals("{a=1}", first.body().toString());
    assertEquals("{h=1}", first.headers().toString());
    assertTrue(first.query().isEmpty());
    assertEquals("{b=2}", second.body().toString());
    assertEquals("{h=2}", second.headers().toString());
    assertEquals("{q=x}", second.query().toString());
  }

  @Test
  void theMapsAreReadOnly() {
    ApiRequest r = request();
    assertThrows(UnsupportedOperationException.class, () -> r.body().put("x", "y"));
    assertThrows(UnsupportedOperationException.class, () -> r.query().clear());
    assertThrows(UnsupportedOperationException.class, () -> r.headers().put("x", "y"));
    ApiRequest empty = ApiRequest.builder(ApiRequest.Method.GET, "/x", null).build();
    assertThrows(UnsupportedOperationException.class, () -> empty.body().put("x", "y"));
  }

  @Test
  void removingAnAbsentParameterKeepsTheSharedMap() {
    ApiRequest original = request();
    ApiRequest derived = original.newBuilder().removeBody("sign").removeQuery("sign").build();
    assertSame(original.body(), derived.body());
    assertSame(original.query(), derived.query());
  }

  @Test
  void acceptsAbsoluteHttpUrls() {
    for (String url :
        Arrays.asList(
            "https://shop.example/qbit/webhook",
            "HTTP://shop.example",
            "https://shop.example:8443/a?b=c#d",
            "http://127.0.0.1:8080/notify",
            "https://[::1]:8443/x",
            "https://[2001:db8::1]/",
            "https://user:pass@shop.example/hook",
            "https://shop-1.example_x.cn/%E4%BD%A0?x=%20",
            "https://shop.example:/path",
            "https://a?",
            "https://a#")) {
      assertTrue(ApiRequest.isAbsoluteHttpUrl(url), url);
      assertNotNull(HttpUrl.parse(url), url);
    }
  }

  @Test
  void refusesWhatIsNotAnAbsoluteHttpUrl() {
    for (String url :
        Arrays.asList(
            "",
            "shop.example/hook",
            "ftp://shop.example/",
            "https:/shop.example",
            "https://",
            "https:///path",
            "https://:8080/",
            "https://user@/x",
            "https://shop.example:0/",
            "https://shop.example:65536/",
            "https://shop.example:80a/",
            "https://shop.example:123456/",
            "https://sh op.example/",
            "https://shop.example/a b",
            "https://shop\u00e9.example/",
            "https://shop.example/\u4f60",
            "https://shop%2e.example/",
            "https://[::1/",
            "https://[]/",
            "https://[::g]/",
            "https://[::1]x/",
            "https://a\\b/",
            "javascript://x",
            "https://a\n.example/",
            "https://.example/",
            "https://a..example/",
            "https://a.example./",
            "https://a*b.example/")) {
      assertFalse(ApiRequest.isAbsoluteHttpUrl(url), url);
    }
    assertFalse(ApiRequest.isAbsoluteHttpUrl(null));
  }

  /** Never more lenient than OkHttp: whatever passes must parse, to the same host and port. */
  @Test
  void everyAcceptedUrlParsesWithOkHttpToTheSameHost() {
    Random random = new Random(20261122);
    String alphabet = "ab1-._~:@[]/?#%!$&'()*+,;=\\ 9f\u00e9";
    String[] prefixes = {"http://", "https://", "HTTPS://", "https:/", "http:"};
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder url = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
      int length = random.nextInt(14);
      for (int j = 0; j < length; j++) url.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String text = url.toString();
      if (!ApiRequest.isAbsoluteHttpUrl(text)) continue;
      accepted++;
      HttpUrl parsed = HttpUrl.parse(text);
      assertNotNull(parsed, text);
    }
    assertTrue(accepted > 1_000, "accepted " + accepted);
  }

  @Test
  void refusesExactlyThePathsWithAnEmptyOrRelativeSegment() {
    // Every path of up to 7 characters over '/', '.', 'a', checked against the rule as first written.
    char[] alphabet = {'/', '.', 'a'};
    int checked = 0;
    for (int length = 1; length <= 7; length++) {
      int[] digits = new int[length];
      for (int n = (int) Math.pow(3, length); n > 0; n--) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = alphabet[digits[i]];
        for (int i = 0; i < length && ++digits[i] == 3; i++) digits[i] = 0;
        String path = new String(chars);
        if (path.charAt(0) != '/') continue;
        boolean refused = false;
        for (String segment : path.substring(1).split("/", -1)) {
          refused |= segment.equals(".") || segment.equals("..") || (segment.isEmpty() && path.length() > 1);
        }
        checked++;
        if (refused) {
          IllegalArgumentException e =
              assertThrows(IllegalArgumentException.class,
                  () -> ApiRequest.builder(ApiRequest.Method.GET, path, null), path);
          assertEquals("path has an empty or relative segment: " + path, e.getMessage());
        } else {
          assertEquals(path, ApiRequest.builder(ApiRequest.Method.GET, path, null).build().path(), path);
        }
      }
    }
    assertEquals(1093, checked);
  }
}
