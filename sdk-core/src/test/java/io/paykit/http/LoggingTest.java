package io.paykit.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * Reads what PayKit logged at DEBUG (slf4j-simple writes to the file the build names in
 * {@code org.slf4j.simpleLogger.logFile}) and checks that secrets never reach it.
 */
class LoggingTest {
  static List<String> logLinesContaining(String marker) throws IOException {
    Path file = Paths.get(System.getProperty("org.slf4j.simpleLogger.logFile"));
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains(marker))
        .collect(Collectors.toList());
  }

  @Test
  void logsOneLinePerRequestAndResponseWithSecretsMasked() throws Exception {
    String marker = "op" + UUID.randomUUID().toString().replace("-", "");
    String appSecret = "app-secret-" + UUID.randomUUID();
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setResponseCode(503));
      server.enqueue(new MockResponse().setBody("{\"accessToken\":\"eyJ.tok.en\"}"));
      Transport transport =
          Transport.builder("test")
              .baseUrl(server.url("/").toString())
              .secret(appSecret)
              .sleeper(new RecordingSleeper())
              .build();
      ApiRequest request =
          ApiRequest.builder(ApiRequest.Method.GET, "/orders", marker)
              .query("order_id", "o-1")
              .query("sign", "a1b2c3d4sig")
              .query("app_secret", appSecret)
              .header("Authorization", "Basic c2tfbGl2ZTo=")
              .header("access_token", "tok-123456")
              .header("appkey", "1234567890123456")
              .header("sign", "hdrsig98765")
              .build();

      transport.execute(request);
    }

    List<String> lines = logLinesContaining(marker);
    String all = String.join("\n", lines);
    assertTrue(lines.size() >= 4, all);
    assertTrue(all.contains("--> test GET"), all);
    assertTrue(all.contains("order_id=o-1"), all);
    assertTrue(all.contains("sign=****"), all);
    assertTrue(all.contains("attempt 2"), all);
    assertTrue(all.contains("<-- test 503 GET"), all);
    assertTrue(all.contains("<-- test 200 GET"), all);
    assertTrue(all.matches("(?s).*\\(\\d+ ms, attempt 1.*"), all);
    for (String secret :
        new String[] {"a1b2c3d4sig", appSecret, "c2tfbGl2ZTo", "tok-123456", "1234567890123456", "hdrsig98765", "eyJ.tok.en"}) {
      assertFalse(all.contains(secret), "leaked " + secret + " in\n" + all);
    }
  }

  @Test
  void masksBodyFieldsByName() throws Exception {
    String marker = "op" + UUID.randomUUID().toString().replace("-", "");
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setBody("{}"));
      Transport transport = Transport.builder("test").baseUrl(server.url("/").toString()).build();
      transport.execute(
          ApiRequest.builder(ApiRequest.Method.POST, "/order", marker)
              .bodyEncoding(ApiRequest.BodyEncoding.JSON)
              .body("money", 1)
              .body("sign", "65d704b3652d451355f99b173635d107")
              .body("app_secret", "your_app_secret")
              .body("accessToken", "jwt.value.here")
              .build());
    }

    String all = String.join("\n", logLinesContaining(marker));
    assertTrue(all.contains("money=1"), all);
    assertFalse(all.contains("65d704b3"), all);
    assertFalse(all.contains("your_app_secret"), all);
    assertFalse(all.contains("jwt.value.here"), all);
  }
}
