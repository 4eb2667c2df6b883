package io.paykit.yinqiantong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NotificationReplyTest {
  @Test
  void successIsHttp200WithTheV1AcknowledgementBody() {
    NotificationReply r = NotificationReply.success();
    assertEquals(200, r.getStatusCode());
    assertEquals("{\"code\":200,\"msg\":\"ok\"}", r.getBody());
    assertEquals("application/json; charset=utf-8", r.getContentType());
    assertTrue(r.isSuccess());
  }

  @Test
  void failureIsANon200StatusWithTheV1FailureBody() {
    NotificationReply r = NotificationReply.failure("bad \"sign\"\n");
    assertEquals(400, r.getStatusCode());
    assertEquals("{\"code\":400,\"msg\":\"bad \\\"sign\\\"\\u000a\"}", r.getBody());
    assertFalse(r.isSuccess());
    assertEquals("{\"code\":400,\"msg\":\"fail\"}", NotificationReply.failure(null).getBody());
    assertEquals("{\"code\":400,\"msg\":\"签名错误\"}", NotificationReply.failure("签名错误").getBody());
  }
}
