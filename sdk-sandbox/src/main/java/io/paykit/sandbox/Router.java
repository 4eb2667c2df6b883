package io.paykit.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each request to its gateway (or to the control API under {@code /sandbox}), playing an
 * injected {@link Fault} first when one is waiting. Runs on the HTTP server's worker threads.
 */
final class Router implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  private final JuyifuGateway juyifu;
  private final YinqiantongGateway yinqiantong;
  private final QbitPayGateway qbitPay;
  private final ControlApi control;
  private final FaultQueue faults;

  Router(
      JuyifuGateway juyifu,
      YinqiantongGateway yinqiantong,
      QbitPayGateway qbitPay,
      ControlApi control,
      FaultQueue faults) {
    this.juyifu = juyifu;
    this.yinqiantong = yinqiantong;
    this.qbitPay = qbitPay;
    this.control = control;
    this.faults = faults;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Runnable afterSent = null;
    try {
      InboundRequest request;
      try {
        request = InboundRequest.read(exchange);
      } catch (InboundRequest.BadRequest e) {
        send(exchange, Reply.text(e.status, e.getMessage()));
        return;
      }
      afterSent = route(exchange, request);
    } catch (IOException e) {
      // The client went away (or a fault closed the connection); nothing left to answer.
      LOG.debug("connection ended early: {}", e.toString());
    } catch (RuntimeException e) {
      LOG.error("sandbox bug while handling {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
      try {
        send(exchange, Reply.text(500, "sandbox internal error"));
      } catch (IOException | RuntimeException ignored) {
        // Already answering; the close below ends it.
      }
    } finally {
      exchange.close();
      if (afterSent != null) afterSent.run();
    }
  }

  /** Answers the request; returns what to run once the answer is out (or null). */
  private Runnable route(HttpExchange exchange, InboundRequest r) throws IOException {
    if (r.path.equals("/sandbox") || r.path.startsWith("/sandbox/")) {
      Reply reply = control.handle(r, r.path.substring("/sandbox".length()));
      send(exchange, reply);
      return reply.afterSent;
    }
    Gateway gateway = null;
    for (Gateway g : Gateway.values()) {
      if (r.path.equals(g.pathPrefix()) || r.path.startsWith(g.pathPrefix() + "/")) gateway = g;
    }
    if (gateway == null) {
      send(exchange, r.path.equals("/") ? control.handle(r, "") : Reply.text(404, "not found: try /sandbox"));
      return null;
    }
    String sub = r.path.substring(gateway.pathPrefix().length());
    boolean page = sub.equals("/pay");
    Fault fault = page ? null : faults.take(gateway);
    if (fault == null) {
      send(exchange, dispatch(gateway, r, sub));
      return null;
    }
    LOG.info("injecting {} into {} {}", fault, r.method, r.path);
    switch (fault.kind) {
      case STATUS:
        send(exchange, faultReply(gateway, fault.status));
        return null;
      case HTML:
        send(exchange, Reply.html(fault.status, htmlErrorPage(fault.status)));
        return null;
      case DROP_BEFORE_PROCESSING:
        return null; // the finally block closes the exchange before any response headers: a dropped connection
      default:
        break;
    }
    Reply reply = dispatch(gateway, r, sub);
    switch (fault.kind) {
      case DROP_AFTER_PROCESSING:
        return null;
      case DELAY:
        try {
          Thread.sleep(fault.delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
        send(exchange, reply);
        return null;
      case TRUNCATED_JSON:
        send(exchange, reply.truncated());
        return null;
      default:
        throw new IllegalStateException("unhandled fault " + fault);
    }
  }

  private Reply dispatch(Gateway gateway, InboundRequest r, String sub) {
    Reply reply;
    switch (gateway) {
      case JUYIFU:
        reply = juyifu.handle(r, sub);
        break;
      case YINQIANTONG:
        reply = sub.equals("/pay") ? yinqiantong.payPage(r) : yinqiantong.handle(r, sub);
        break;
      default:
        reply = qbitPay.handle(r, sub);
        break;
    }
    LOG.debug("{} {} -> {}", r.method, r.path, reply.status);
    return reply;
  }

  private static Reply faultReply(Gateway gateway, int status) {
    switch (gateway) {
      case JUYIFU:
        return JuyifuGateway.faultReply(status);
      case YINQIANTONG:
        return YinqiantongGateway.faultReply(status);
      default:
        return QbitPayGateway.faultReply(status);
    }
  }

  static String htmlErrorPage(int status) {
    return "<html>\r\n<head><title>" + status + " Error</title></head>\r\n<body>\r\n<center><h1>"
        + status
        + " Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
  }

  static void send(HttpExchange exchange, Reply reply) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", reply.contentType);
    for (Map.Entry<String, String> h : reply.headers.entrySet()) {
      exchange.getResponseHeaders().set(h.getKey(), h.getValue());
    }
    exchange.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
    if (reply.body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body);
      }
    }
  }
}
