package io.paykit.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP control endpoints under {@code /sandbox}, for standalone use from any language: the
 * payer simulation, fault injection, deliveries, seeding, keys and shutdown. They need no
 * credentials (the sandbox binds to loopback by default).
 */
final class ControlApi {
  private final PayKitSandbox sandbox;

  ControlApi(PayKitSandbox sandbox) {
    this.sandbox = sandbox;
  }

  Reply handle(InboundRequest r, String sub) {
    try {
      switch (sub) {
        case "":
        case "/":
          requireMethod(r, "GET");
          return Reply.json(200, sandbox.infoJson());
        case "/pay":
          requireMethod(r, "POST");
          return pay(r);
        case "/fail":
        case "/expire":
          requireMethod(r, "POST");
          return yinqiantongState(r, sub.equals("/fail"));
        case "/faults":
          if (r.method.equals("DELETE")) {
            sandbox.clearFaults();
            return okJson().put("pending", 0).reply();
          }
          requireMethod(r, "POST");
          return injectFault(r);
        case "/deliveries":
          if (r.method.equals("DELETE")) {
            sandbox.clearDeliveries();
            return okJson().reply();
          }
          requireMethod(r, "GET");
          return deliveries();
        case "/seed":
          requireMethod(r, "POST");
          return seed(r);
        case "/juyifu/revoke-tokens":
          requireMethod(r, "POST");
          sandbox.revokeJuyifuAccessTokens();
          return okJson().reply();
        case "/keys/juyifu-merchant-private-key.pem":
          requireMethod(r, "GET");
          String pem = sandbox.juyifuMerchantPrivateKeyPem();
          if (pem == null) {
            throw new IllegalArgumentException(
                "this sandbox trusts a merchant key of your own: the sandbox has no private half");
          }
          return Reply.text(200, pem);
        case "/keys/juyifu-platform-public-key.pem":
          requireMethod(r, "GET");
          return Reply.text(200, sandbox.juyifuPlatformPublicKeyPem());
        case "/shutdown":
          requireMethod(r, "POST");
          return okJson().reply().thenRun(sandbox::closeSoon);
        case "/sink/juyifu":
          return Reply.text(200, "success");
        case "/sink/yinqiantong":
          return Reply.json(200, "{\"code\":200,\"msg\":\"ok\"}");
        case "/sink/qbitpay":
          return Reply.json(200, "{\"received\":true}");
        default:
          return error(404, "no such control endpoint: /sandbox" + sub);
      }
    } catch (IllegalArgumentException e) {
      return error(e.getMessage().startsWith("no ") ? 404 : 400, e.getMessage());
    } catch (IllegalStateException e) {
      return error(409, e.getMessage());
    } catch (MethodNotAllowed e) {
      return error(405, "method " + r.method + " not allowed on /sandbox" + sub);
    }
  }

  private static final class MethodNotAllowed extends Exception {
    private static final long serialVersionUID = 1L;
  }

  private static void requireMethod(InboundRequest r, String method) throws MethodNotAllowed {
    if (!r.method.equals(method)) throw new MethodNotAllowed();
  }

  private Reply pay(InboundRequest r) {
    Gateway gateway = Gateway.parse(r.queryParam("gateway"));
    String id = required(r, "id");
    JsonReply out = okJson().put("gateway", gateway.wireName()).put("id", id);
    String redirect = sandbox.payAndReturnRedirect(gateway, id);
    out.putIfNotNull("redirectUrl", redirect);
    return out.reply();
  }

  private Reply yinqiantongState(InboundRequest r, boolean fail) {
    Gateway gateway = Gateway.parse(r.queryParam("gateway") == null ? "yinqiantong" : r.queryParam("gateway"));
    if (gateway != Gateway.YINQIANTONG) {
      throw new IllegalArgumentException("only gateway=yinqiantong orders can be failed or expired");
    }
    String id = required(r, "id");
    if (fail) {
      sandbox.failYinqiantongOrder(id);
    } else {
      sandbox.expireYinqiantongOrder(id);
    }
    return okJson().put("gateway", gateway.wireName()).put("id", id).reply();
  }

  private Reply injectFault(InboundRequest r) {
    String kind = required(r, "kind").toLowerCase(Locale.ROOT);
    int times = intParam(r, "times", 1);
    Fault fault;
    switch (kind) {
      case "drop":
      case "drop-after-processing":
        fault = Fault.dropAfterProcessing();
        break;
      case "drop-before-processing":
        fault = Fault.dropBeforeProcessing();
        break;
      case "delay":
        fault = Fault.delay(Duration.ofMillis(intParam(r, "millis", 1000)));
        break;
      case "status":
        fault = Fault.status(intParam(r, "status", 503));
        break;
      case "html":
        fault = Fault.html(intParam(r, "status", 502));
        break;
      case "truncated-json":
        fault = Fault.truncatedJson();
        break;
      default:
        throw new IllegalArgumentException(
            "kind must be drop-after-processing, drop-before-processing, delay, status, html or truncated-json");
    }
    String gateway = r.queryParam("gateway");
    if (gateway == null || gateway.isEmpty()) {
      sandbox.injectFault(fault, times);
    } else {
      sandbox.injectFault(Gateway.parse(gateway), fault, times);
    }
    return okJson().put("fault", fault.toString()).put("pending", sandbox.pendingFaults()).reply();
  }

  private Reply deliveries() {
    List<Object> data = new ArrayList<>();
    for (Delivery d : sandbox.deliveries()) {
      data.add(
          Json.obj()
              .put("gateway", d.gateway().wireName())
              .put("reference", d.reference())
              .put("eventType", d.eventType())
              .put("url", d.url())
              .put("attempt", d.attempt())
              .put("statusCode", d.statusCode())
              .put("success", d.success())
              .put("responseBody", d.responseBody())
              .put("requestBody", d.requestBody())
              .put("error", d.error())
              .put("sentAt", QbitPayGateway.ISO.format(d.sentAt()))
              .build());
    }
    return Reply.json(200, Json.obj().put("object", "list").put("data", data).json());
  }

  private Reply seed(InboundRequest r) {
    Gateway gateway = Gateway.parse(r.queryParam("gateway") == null ? "qbitpay" : r.queryParam("gateway"));
    if (gateway != Gateway.QBITPAY) {
      throw new IllegalArgumentException("only gateway=qbitpay can be seeded (聚易付 sold items are seeded at start)");
    }
    List<Object> ids = new ArrayList<Object>(sandbox.seedQbitCharges(intParam(r, "n", 10)));
    return okJson().put("ids", ids).reply();
  }

  private static String required(InboundRequest r, String name) {
    String v = r.queryParam(name);
    if (v == null || v.isEmpty()) throw new IllegalArgumentException("query parameter " + name + " is required");
    return v;
  }

  private static int intParam(InboundRequest r, String name, int dflt) {
    String v = r.queryParam(name);
    if (v == null || v.isEmpty()) return dflt;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer");
    }
  }

  private static JsonReply okJson() {
    return new JsonReply().put("ok", true);
  }

  private static Reply error(int status, String message) {
    return new JsonReply().put("ok", false).put("error", message).reply(status);
  }

  private static final class JsonReply {
    private final Json.Obj obj = Json.obj();

    JsonReply put(String key, Object value) {
      obj.put(key, value);
      return this;
    }

    JsonReply putIfNotNull(String key, Object value) {
      obj.putIfNotNull(key, value);
      return this;
    }

    Reply reply() {
      return reply(200);
    }

    Reply reply(int status) {
      return Reply.json(status, obj.json());
    }
  }
}
