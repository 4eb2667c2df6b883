package io.paykit.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local sandbox of the three gateways PayKit speaks — 聚易付, 银钱通 and Qbit Pay — on one HTTP
 * port, for trying PayKit without a gateway account and for testing a merchant's integration.
 *
 * <p>It enforces each documented wire contract the way a strict gateway would (signatures,
 * timestamps, required fields, uniqueness, pagination), keeps state, simulates the payer ({@link
 * #pay(Gateway, String)}) by posting signed notifications and webhooks to the merchant, records what
 * the merchant answered ({@link #deliveries()}), and injects faults on demand ({@link
 * #injectFault(Fault, int)}). It is written from the contract documents alone and shares no code
 * with the PayKit clients.
 *
 * <pre>{@code
 * try (PayKitSandbox sandbox = PayKitSandbox.start()) {
 *   String qbitBaseUrl = sandbox.baseUrl(Gateway.QBITPAY); // http://127.0.0.1:<port>/qbitpay
 *   // ... point a client at it, create a charge, then:
 *   sandbox.payQbitCharge(chargeId);
 *   List<Delivery> webhooks = sandbox.awaitDeliveries(1, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Standalone: {@code java -jar paykit-sandbox-<version>.jar --port 8080} (see {@link
 * #main(String[])}), with HTTP control endpoints under {@code /sandbox}.
 *
 * <p>Thread-safe: every method may be called from any thread while requests are being served.
 */
public final class PayKitSandbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PayKitSandbox.class);

  /** The default 聚易付 {@code app_id} (also the {@code app_key} of the 2014 query). */
  public static final String DEFAULT_JUYIFU_APP_ID = "1000";
  /** The default 聚易付 MD5 secret ({@code sign_type} 1). */
  public static final String DEFAULT_JUYIFU_MD5_SECRET = "sandbox_md5_secret";
  /** The default 银钱通 {@code appid}. */
  public static final String DEFAULT_YINQIANTONG_APP_ID = "00000000";
  /** The default 银钱通 {@code appkey} (V1 only). */
  public static final String DEFAULT_YINQIANTONG_APP_KEY = "1234567890123456";
  /** The default 银钱通 {@code app_secret}. */
  public static final String DEFAULT_YINQIANTONG_APP_SECRET = "your_app_secret";
  /** The default Qbit Pay API key (HTTP Basic user name, empty password; also the webhook key). */
  public static final String DEFAULT_QBITPAY_API_KEY = "sk_sandbox";

  /**
   * TEST-ONLY 聚易付 merchant private key (2048-bit RSA, PKCS#8 PEM): sign {@code sign_type} 2/3
   * requests with it. Published on purpose; never use it with a real account.
   */
  public static final String JUYIFU_MERCHANT_PRIVATE_KEY_PEM = resource("juyifu-merchant-private-key.pem");
  /** The public half of {@link #JUYIFU_MERCHANT_PRIVATE_KEY_PEM} (X.509 PEM), which the sandbox trusts by default. */
  public static final String JUYIFU_MERCHANT_PUBLIC_KEY_PEM = resource("juyifu-merchant-public-key.pem");
  /**
   * TEST-ONLY 聚易付 platform public key (X.509 PEM): verifies the sandbox's signed query data and
   * {@code sign_type} 2 notifications, when the sandbox uses its default platform key.
   */
  public static final String JUYIFU_PLATFORM_PUBLIC_KEY_PEM = resource("juyifu-platform-public-key.pem");

  static final String JUYIFU_PLATFORM_PRIVATE_KEY_PEM = resource("juyifu-platform-private-key.pem");

  private final Config config;
  private final HttpServer server;
  private final ExecutorService httpExecutor;
  private final Notifier notifier;
  private final FaultQueue faults = new FaultQueue();
  private final JuyifuGateway juyifu;
  private final YinqiantongGateway yinqiantong;
  private final QbitPayGateway qbitPay;
  private final boolean defaultMerchantKey;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PayKitSandbox(Builder b, PublicKey merchantKey, PrivateKey platformKey) throws IOException {
    disableNagle();
    InetAddress bind = InetAddress.getByName(b.host);
    this.server = HttpServer.create(new InetSocketAddress(bind, b.port), 128);
    this.port = server.getAddress().getPort();
    String host = bind.isAnyLocalAddress() || bind.isLoopbackAddress()
        ? "127.0.0.1"
        : (b.host.indexOf(':') >= 0 ? "[" + b.host + "]" : b.host);
    String baseUrl = "http://" + host + ":" + port;
    String publicBaseUrl = b.publicBaseUrl == null ? baseUrl : stripTrailingSlash(b.publicBaseUrl);
    this.config =
        new Config(
            b.juyifuAppId,
            b.juyifuMd5Secret,
            merchantKey,
            platformKey,
            b.juyifuDefaultNotifyUrl,
            b.yinqiantongAppId,
            b.yinqiantongAppKey,
            b.yinqiantongAppSecret,
            b.qbitPayApiKey,
            b.qbitPayListHasMore,
            b.notificationRetries,
            b.notificationRetryInterval,
            b.clock,
            baseUrl,
            publicBaseUrl);
    this.defaultMerchantKey =
        Arrays.equals(merchantKey.getEncoded(), Crypto.rsaPublicKey(JUYIFU_MERCHANT_PUBLIC_KEY_PEM).getEncoded());
    this.notifier = new Notifier(b.notificationRetries, b.notificationRetryInterval, b.clock);
    this.juyifu = new JuyifuGateway(config, notifier);
    this.yinqiantong = new YinqiantongGateway(config, notifier);
    this.qbitPay = new QbitPayGateway(config, notifier);
    this.httpExecutor = Executors.newCachedThreadPool(Threads.daemon("paykit-sandbox-http"));
    server.setExecutor(httpExecutor);
    server.createContext("/", new Router(juyifu, yinqiantong, qbitPay, new ControlApi(this), faults));
    server.start();
    LOG.info("PayKit sandbox listening on {} (bound to {})", baseUrl, server.getAddress());
  }

  /**
   * Starts a sandbox with the default credentials on a random free loopback port.
   *
   * @return the running sandbox
   * @throws UncheckedIOException if no port can be bound
   */
  public static PayKitSandbox start() {
    return builder().start();
  }

  /**
   * Starts a sandbox with the default credentials on this loopback port (0 picks a free one).
   *
   * @param port the port to listen on, or 0
   * @return the running sandbox
   * @throws IllegalArgumentException if the port is outside 0–65535
   * @throws UncheckedIOException if the port cannot be bound (for example it is in use)
   */
  public static PayKitSandbox start(int port) {
    return builder().port(port).start();
  }

  /**
   * Returns a builder with the default credentials, a random loopback port and a 3 × 100 ms retry schedule.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the port the sandbox listens on.
   *
   * @return the listening port
   */
  public int port() {
    return port;
  }

  /**
   * Returns the base URL to configure a client with, e.g. {@code http://127.0.0.1:8080/juyifu/v1},
   * {@code http://127.0.0.1:8080/yinqiantong} or {@code http://127.0.0.1:8080/qbitpay}.
   *
   * @param gateway the gateway
   * @return the gateway's base URL, without a trailing slash
   * @throws IllegalArgumentException if {@code gateway} is null
   */
  public String baseUrl(Gateway gateway) {
    if (gateway == null) throw new IllegalArgumentException("gateway must not be null");
    return config.baseUrl + gateway.pathPrefix();
  }

  /**
   * Returns the 聚易付 {@code app_id} this sandbox accepts.
   *
   * @return the 聚易付 {@code app_id}
   */
  public String juyifuAppId() {
    return config.juyifuAppId;
  }

  /**
   * Returns the 聚易付 MD5 secret this sandbox accepts (a sandbox credential, not a real secret).
   *
   * @return the 聚易付 MD5 secret
   */
  public String juyifuMd5Secret() {
    return config.juyifuMd5Secret;
  }

  /**
   * Returns the 聚易付 merchant private key (PKCS#8 PEM) matching the public key this sandbox trusts,
   * or null when the builder configured a merchant public key of your own.
   *
   * @return the merchant private key PEM, or null
   */
  public String juyifuMerchantPrivateKeyPem() {
    return defaultMerchantKey ? JUYIFU_MERCHANT_PRIVATE_KEY_PEM : null;
  }

  /**
   * Returns the 聚易付 platform public key (X.509 PEM) that verifies this sandbox's signatures.
   *
   * @return the platform public key PEM
   */
  public String juyifuPlatformPublicKeyPem() {
    return config.juyifuPlatformPublicKeyPem;
  }

  /**
   * Returns the 银钱通 {@code appid} this sandbox accepts.
   *
   * @return the 银钱通 {@code appid}
   */
  public String yinqiantongAppId() {
    return config.yinqiantongAppId;
  }

  /**
   * Returns the 银钱通 {@code appkey} this sandbox accepts (V1).
   *
   * @return the 银钱通 {@code appkey}
   */
  public String yinqiantongAppKey() {
    return config.yinqiantongAppKey;
  }

  /**
   * Returns the 银钱通 {@code app_secret} this sandbox accepts.
   *
   * @return the 银钱通 {@code app_secret}
   */
  public String yinqiantongAppSecret() {
    return config.yinqiantongAppSecret;
  }

  /**
   * Returns the Qbit Pay API key this sandbox accepts and signs webhooks with.
   *
   * @return the Qbit Pay API key
   */
  public String qbitPayApiKey() {
    return config.qbitPayApiKey;
  }

  // ---------------------------------------------------------------- payer simulation

  /**
   * Simulates the payer paying, then posts the signed notification or webhook to the merchant in
   * the background (see {@link #deliveries()}).
   *
   * @param gateway the gateway that holds the order or charge
   * @param merchantOrderKey the 聚易付 order id, the 银钱通 {@code client_out_trade_no} (or {@code
   *     out_trade_no}), or the Qbit Pay charge id
   * @throws IllegalArgumentException if there is no such order or charge
   * @throws IllegalStateException if it cannot be paid (already paid, failed, expired) or the
   *     sandbox is closed
   */
  public void pay(Gateway gateway, String merchantOrderKey) {
    payAndReturnRedirect(gateway, merchantOrderKey);
  }

  String payAndReturnRedirect(Gateway gateway, String key) {
    requireOpen();
    if (gateway == null) throw new IllegalArgumentException("gateway must not be null");
    requireNonEmpty(key, "merchantOrderKey");
    switch (gateway) {
      case JUYIFU:
        if (!juyifu.pay(key)) {
          LOG.warn("聚易付 order {} paid, but it has no notify_url and no default is configured: nothing sent", key);
        }
        return null;
      case YINQIANTONG:
        yinqiantong.pay(key);
        return null;
      default:
        return qbitPay.pay(key);
    }
  }

  /**
   * Pays a 聚易付 order ({@code order_pay_status} 3) and posts the form notification to its {@code
   * notify_url} (or the builder's default): MD5-signed when the order was created with {@code
   * sign_type} 1, else RSA-signed by the platform key ({@code sign_type} 2).
   *
   * @param orderId the 聚易付 order id
   * @throws IllegalArgumentException if there is no such order
   * @throws IllegalStateException if it is already paid or the sandbox is closed
   */
  public void payJuyifuOrder(String orderId) {
    pay(Gateway.JUYIFU, orderId);
  }

  /**
   * Pays a 银钱通 order (status 1) and posts the notification of the order's generation: V2 JSON
   * body, or V1 headers plus order JSON.
   *
   * @param clientOutTradeNo the order's {@code client_out_trade_no} (or {@code out_trade_no})
   * @throws IllegalArgumentException if there is no such order
   * @throws IllegalStateException if it is not awaiting payment or the sandbox is closed
   */
  public void payYinqiantongOrder(String clientOutTradeNo) {
    pay(Gateway.YINQIANTONG, clientOutTradeNo);
  }

  /**
   * Completes a Qbit Pay charge (pending or buyerPaid → {@code closed}, {@code paid: true}) and
   * posts a signed {@code charge.succeeded} event to its {@code cbUrl}.
   *
   * @param chargeId the Qbit Pay charge id
   * @throws IllegalArgumentException if there is no such charge
   * @throws IllegalStateException if it is not payable or the sandbox is closed
   */
  public void payQbitCharge(String chargeId) {
    pay(Gateway.QBITPAY, chargeId);
  }

  /**
   * Marks an unpaid 银钱通 order as failed (the V2 query then answers 4400). No notification is sent.
   *
   * @param clientOutTradeNo the order's {@code client_out_trade_no} (or {@code out_trade_no})
   * @throws IllegalArgumentException if there is no such order
   * @throws IllegalStateException if it is not awaiting payment
   */
  public void failYinqiantongOrder(String clientOutTradeNo) {
    requireNonEmpty(clientOutTradeNo, "clientOutTradeNo");
    yinqiantong.setStatus(clientOutTradeNo, YinqiantongGateway.STATUS_FAILED);
  }

  /**
   * Expires an unpaid 银钱通 order now (the V2 query then answers 4408); orders also expire by
   * themselves 7200 s after creation.
   *
   * @param clientOutTradeNo the order's {@code client_out_trade_no} (or {@code out_trade_no})
   * @throws IllegalArgumentException if there is no such order
   * @throws IllegalStateException if it is not awaiting payment
   */
  public void expireYinqiantongOrder(String clientOutTradeNo) {
    requireNonEmpty(clientOutTradeNo, "clientOutTradeNo");
    yinqiantong.setStatus(clientOutTradeNo, YinqiantongGateway.STATUS_EXPIRED);
  }

  /**
   * Invalidates every 聚易付 access token issued so far: the next request that carries one gets
   * HTTP 401 with code 1002 (to test a client's refresh after a 401).
   */
  public void revokeJuyifuAccessTokens() {
    juyifu.revokeTokens();
  }

  /**
   * Creates {@code n} pending Qbit Pay charges at once (USD, amounts 1.00 to 100.00, {@code
   * externalOrderId} {@code seed-<k>}, webhooks to the sandbox's own sink), for pagination tests.
   *
   * @param n how many charges to create, 1 to 100000
   * @return the new charge ids, oldest first
   * @throws IllegalArgumentException if {@code n} is not between 1 and 100000
   */
  public List<String> seedQbitCharges(int n) {
    if (n < 1 || n > 100_000) throw new IllegalArgumentException("n must be between 1 and 100000");
    return qbitPay.seed(n);
  }

  // ---------------------------------------------------------------- deliveries

  /**
   * Returns every delivery attempt so far, in the order they completed (a snapshot).
   *
   * @return an unmodifiable snapshot of the delivery attempts
   */
  public List<Delivery> deliveries() {
    return notifier.deliveries();
  }

  /**
   * Waits until at least {@code n} delivery attempts (retries included) have completed, without
   * polling or sleeping, and returns all of them.
   *
   * @param n how many attempts to wait for, 0 or more
   * @param timeout how long to wait at most
   * @return an unmodifiable snapshot of all attempts completed so far
   * @throws IllegalArgumentException if {@code n} is negative or {@code timeout} is null
   * @throws IllegalStateException if fewer than {@code n} completed within {@code timeout}, or the
   *     thread was interrupted
   */
  public List<Delivery> awaitDeliveries(int n, Duration timeout) {
    if (n < 0) throw new IllegalArgumentException("n must not be negative");
    if (timeout == null) throw new IllegalArgumentException("timeout must not be null");
    return notifier.await(n, timeout);
  }

  /** Forgets the recorded deliveries (attempts still scheduled are recorded when they complete). */
  public void clearDeliveries() {
    notifier.clear();
  }

  // ---------------------------------------------------------------- faults

  /**
   * Plays {@code fault} on the next {@code times} gateway requests (of any gateway); control
   * endpoints and checkout pages are never affected. Faults queue up in the order injected.
   *
   * @param fault the fault to play
   * @param times how many requests to play it on, at least 1
   * @throws IllegalArgumentException if {@code fault} is null or {@code times} is below 1
   */
  public void injectFault(Fault fault, int times) {
    addFault(null, fault, times);
  }

  /**
   * Plays {@code fault} on the next {@code times} requests to this gateway only.
   *
   * @param gateway the gateway whose requests get the fault
   * @param fault the fault to play
   * @param times how many requests to play it on, at least 1
   * @throws IllegalArgumentException if an argument is null or {@code times} is below 1
   */
  public void injectFault(Gateway gateway, Fault fault, int times) {
    if (gateway == null) throw new IllegalArgumentException("gateway must not be null");
    addFault(gateway, fault, times);
  }

  private void addFault(Gateway gateway, Fault fault, int times) {
    if (fault == null) throw new IllegalArgumentException("fault must not be null");
    if (times < 1) throw new IllegalArgumentException("times must be at least 1");
    faults.add(gateway, fault, times);
  }

  /**
   * Returns how many injected fault uses are still waiting.
   *
   * @return the number of fault uses still queued
   */
  public int pendingFaults() {
    return faults.pending();
  }

  /** Removes every waiting fault. */
  public void clearFaults() {
    faults.clear();
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Stops serving at once, cancels scheduled notification retries and releases the port.
   * Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    server.stop(0);
    httpExecutor.shutdownNow();
    notifier.close();
    LOG.info("PayKit sandbox on port {} closed", port);
  }

  /** Closes from a new thread, so an HTTP handler can finish its answer first. */
  void closeSoon() {
    Thread t = new Thread(this::close, "paykit-sandbox-shutdown");
    t.start();
  }

  boolean isClosed() {
    return closed.get();
  }

  private void requireOpen() {
    if (closed.get()) throw new IllegalStateException("the sandbox is closed");
  }

  @Override
  public String toString() {
    return "PayKitSandbox{" + config.baseUrl + (closed.get() ? ", closed" : "") + "}";
  }

  /** The JSON that {@code GET /sandbox} answers: URLs, credentials, seeds and control endpoints. */
  String infoJson() {
    Json.Obj juyifuCredentials =
        Json.obj()
            .put("app_id", config.juyifuAppId)
            .put("md5_secret", config.juyifuMd5Secret)
            .put("sign_types", "1 MD5, 2 SHA1withRSA, 3 SHA256withRSA (4 SM2 unsupported)")
            .put("platform_public_key_pem", config.juyifuPlatformPublicKeyPem);
    juyifuCredentials.putIfNotNull("merchant_private_key_pem", juyifuMerchantPrivateKeyPem());
    return Json.obj()
        .put("name", "PayKit sandbox")
        .put("version", version())
        .put(
            "baseUrls",
            Json.obj()
                .put("juyifu", baseUrl(Gateway.JUYIFU))
                .put("yinqiantong", baseUrl(Gateway.YINQIANTONG))
                .put("qbitpay", baseUrl(Gateway.QBITPAY))
                .build())
        .put("publicBaseUrl", config.publicBaseUrl)
        .put(
            "credentials",
            Json.obj()
                .put("juyifu", juyifuCredentials.build())
                .put(
                    "yinqiantong",
                    Json.obj()
                        .put("appid", config.yinqiantongAppId)
                        .put("appkey", config.yinqiantongAppKey)
                        .put("app_secret", config.yinqiantongAppSecret)
                        .build())
                .put("qbitpay", Json.obj().put("api_key", config.qbitPayApiKey).build())
                .build())
        .put(
            "seeded",
            Json.obj()
                .put("juyifu_sold_items", JuyifuGateway.SEEDED_SALES)
                .put("juyifu_sold_dates", "2026-11-01 to 2026-11-03 (Asia/Shanghai)")
                .put("juyifu_product_ids", "P001, P002, P003")
                .build())
        .put("pendingFaults", faults.pending())
        .put("deliveries", notifier.deliveries().size())
        .put(
            "control",
            Arrays.<Object>asList(
                "POST /sandbox/pay?gateway=juyifu|yinqiantong|qbitpay&id=…",
                "POST /sandbox/fail?gateway=yinqiantong&id=…",
                "POST /sandbox/expire?gateway=yinqiantong&id=…",
                "POST /sandbox/faults?kind=drop-after-processing|drop-before-processing|delay|status|html|truncated-json"
                    + "&times=1[&status=503][&millis=1000][&gateway=…]",
                "DELETE /sandbox/faults",
                "GET /sandbox/deliveries",
                "DELETE /sandbox/deliveries",
                "POST /sandbox/seed?gateway=qbitpay&n=250",
                "POST /sandbox/juyifu/revoke-tokens",
                "GET /sandbox/keys/juyifu-merchant-private-key.pem",
                "GET /sandbox/keys/juyifu-platform-public-key.pem",
                "POST /sandbox/shutdown"))
        .json();
  }

  String banner() {
    StringBuilder sb = new StringBuilder();
    String nl = System.lineSeparator();
    sb.append("PayKit sandbox ").append(version()).append(" — TEST ONLY, no real money moves").append(nl);
    sb.append("  聚易付 (Juyifu)      ").append(baseUrl(Gateway.JUYIFU))
        .append("   app_id ").append(config.juyifuAppId)
        .append(", MD5 secret ").append(config.juyifuMd5Secret).append(nl);
    sb.append("                      RSA keys: GET ").append(config.baseUrl)
        .append("/sandbox/keys/juyifu-merchant-private-key.pem and juyifu-platform-public-key.pem").append(nl);
    sb.append("  银钱通 (Yinqiantong) ").append(baseUrl(Gateway.YINQIANTONG))
        .append("   appid ").append(config.yinqiantongAppId)
        .append(", appkey ").append(config.yinqiantongAppKey)
        .append(", app_secret ").append(config.yinqiantongAppSecret).append(nl);
    sb.append("  Qbit Pay             ").append(baseUrl(Gateway.QBITPAY))
        .append("   API key ").append(config.qbitPayApiKey).append(" (Basic auth, empty password)").append(nl);
    if (!config.publicBaseUrl.equals(config.baseUrl)) {
      sb.append("  pages and links use  ").append(config.publicBaseUrl).append(nl);
    }
    sb.append("  control: ").append(config.baseUrl).append("/sandbox  (pay, faults, deliveries, seed, shutdown)").append(nl);
    return sb.toString();
  }

  private static String version() {
    String v = PayKitSandbox.class.getPackage() == null ? null : PayKitSandbox.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  // ---------------------------------------------------------------- standalone

  /**
   * Runs the sandbox standalone until the JVM is stopped (or {@code POST /sandbox/shutdown}).
   *
   * <pre>
   * java -jar paykit-sandbox-&lt;version&gt;.jar [--port 8080] [--host 127.0.0.1]
   *     [--public-url http://10.0.2.2:8080] [--juyifu-notify-url URL]
   *     [--notification-retries 3] [--notification-retry-interval-ms 100] [--qbitpay-has-more]
   * </pre>
   *
   * <p>{@code --host 0.0.0.0} accepts other machines; {@code --public-url} is the address that
   * payment page links use (an Android emulator reaches the host as {@code 10.0.2.2}). Prints the
   * URLs and credentials on start; exits with status 2 on a bad argument.
   *
   * @param args the command-line options shown above
   */
  public static void main(String[] args) {
    PayKitSandbox sandbox;
    try {
      sandbox = launch(args, System.out);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      System.err.println("paykit-sandbox: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (sandbox == null) return;
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "paykit-sandbox-shutdown-hook"));
  }

  static final String USAGE =
      "usage: java -jar paykit-sandbox.jar [--port 8080] [--host 127.0.0.1] [--public-url URL]"
          + " [--juyifu-notify-url URL] [--notification-retries 3] [--notification-retry-interval-ms 100]"
          + " [--qbitpay-has-more]";

  /** Parses the arguments, starts the sandbox and prints the banner; returns null after --help. */
  static PayKitSandbox launch(String[] args, PrintStream out) {
    Builder b = builder().port(8080);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help":
        case "-h":
          out.println(USAGE);
          return null;
        case "--port":
          b.port(intArg(args, ++i, arg));
          break;
        case "--host":
          b.host(stringArg(args, ++i, arg));
          break;
        case "--public-url":
          b.publicBaseUrl(stringArg(args, ++i, arg));
          break;
        case "--juyifu-notify-url":
          b.juyifuDefaultNotifyUrl(stringArg(args, ++i, arg));
          break;
        case "--notification-retries":
          b.notificationRetries(intArg(args, ++i, arg));
          break;
        case "--notification-retry-interval-ms":
          b.notificationRetryInterval(Duration.ofMillis(intArg(args, ++i, arg)));
          break;
        case "--qbitpay-has-more":
          b.qbitPayListHasMore(true);
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    PayKitSandbox sandbox = b.start();
    out.print(sandbox.banner());
    out.flush();
    return sandbox;
  }

  private static String stringArg(String[] args, int i, String name) {
    if (i >= args.length) throw new IllegalArgumentException(name + " needs a value");
    return args[i];
  }

  private static int intArg(String[] args, int i, String name) {
    try {
      return Integer.parseInt(stringArg(args, i, name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs an integer");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static void requireNonEmpty(String value, String name) {
    if (value == null || value.isEmpty()) throw new IllegalArgumentException(name + " must not be empty");
  }

  /**
   * The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the
   * client's delayed ACK then costs about 40 ms per call. The JDK reads this switch once, when its
   * server classes first load, so it is set before the first server is created (unless the embedding
   * application chose otherwise).
   */
  static void disableNagle() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String resource(String name) {
    try (InputStream in = PayKitSandbox.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing sandbox resource " + name);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      int n;
      while ((n = in.read(buf)) != -1) out.write(buf, 0, n);
      return new String(out.toByteArray(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Configures a sandbox; every setting has a default (see {@link PayKitSandbox#builder()}).
   * Validation happens in {@link #start()}. Not thread-safe; a started sandbox does not see later
   * changes.
   */
  public static final class Builder {
    private int port = 0;
    private String host = "127.0.0.1";
    private String publicBaseUrl;
    private String juyifuAppId = DEFAULT_JUYIFU_APP_ID;
    private String juyifuMd5Secret = DEFAULT_JUYIFU_MD5_SECRET;
    private String juyifuMerchantPublicKeyPem = JUYIFU_MERCHANT_PUBLIC_KEY_PEM;
    private String juyifuPlatformPrivateKeyPem = JUYIFU_PLATFORM_PRIVATE_KEY_PEM;
    private String juyifuDefaultNotifyUrl;
    private String yinqiantongAppId = DEFAULT_YINQIANTONG_APP_ID;
    private String yinqiantongAppKey = DEFAULT_YINQIANTONG_APP_KEY;
    private String yinqiantongAppSecret = DEFAULT_YINQIANTONG_APP_SECRET;
    private String qbitPayApiKey = DEFAULT_QBITPAY_API_KEY;
    private boolean qbitPayListHasMore;
    private int notificationRetries = 3;
    private Duration notificationRetryInterval = Duration.ofMillis(100);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The port to listen on; 0 (the default) picks a free one.
     *
     * @param port the port, 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * The address to bind, {@code 127.0.0.1} by default; {@code 0.0.0.0} accepts other machines
     * (it is a sandbox: anyone who reaches it can pay orders).
     *
     * @param host the address to bind
     * @return this builder
     */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /**
     * The base URL that links the sandbox hands out use (Qbit Pay {@code paymentPageUrl}, 银钱通
     * {@code pay_body}), when browsers reach the sandbox at another address than your code does
     * (an Android emulator: {@code http://10.0.2.2:8080}). Defaults to the sandbox's own URL.
     *
     * @param publicBaseUrl an http(s) base URL, or null for the sandbox's own
     * @return this builder
     */
    public Builder publicBaseUrl(String publicBaseUrl) {
      this.publicBaseUrl = publicBaseUrl;
      return this;
    }

    /**
     * The 聚易付 {@code app_id} to accept; default {@value PayKitSandbox#DEFAULT_JUYIFU_APP_ID}.
     *
     * @param appId the {@code app_id}
     * @return this builder
     */
    public Builder juyifuAppId(String appId) {
      this.juyifuAppId = appId;
      return this;
    }

    /**
     * The 聚易付 MD5 secret; default {@value PayKitSandbox#DEFAULT_JUYIFU_MD5_SECRET}.
     *
     * @param secret the MD5 secret
     * @return this builder
     */
    public Builder juyifuMd5Secret(String secret) {
      this.juyifuMd5Secret = secret;
      return this;
    }

    /**
     * The merchant RSA public key (X.509 PEM) to trust for {@code sign_type} 2/3 requests.
     *
     * @param pem the merchant public key in X.509 PEM
     * @return this builder
     */
    public Builder juyifuMerchantPublicKeyPem(String pem) {
      this.juyifuMerchantPublicKeyPem = pem;
      return this;
    }

    /**
     * The platform RSA private key (PKCS#8 or PKCS#1 PEM) the sandbox signs with.
     *
     * @param pem the platform private key in PEM
     * @return this builder
     */
    public Builder juyifuPlatformPrivateKeyPem(String pem) {
      this.juyifuPlatformPrivateKeyPem = pem;
      return this;
    }

    /**
     * Where 聚易付 notifications go for orders created without {@code notify_url} (the app's
     * console setting in the real gateway); none by default.
     *
     * @param url an http(s) notification URL, or null for none
     * @return this builder
     */
    public Builder juyifuDefaultNotifyUrl(String url) {
      this.juyifuDefaultNotifyUrl = url;
      return this;
    }

    /**
     * The 银钱通 {@code appid}; default {@value PayKitSandbox#DEFAULT_YINQIANTONG_APP_ID}.
     *
     * @param appId the {@code appid}
     * @return this builder
     */
    public Builder yinqiantongAppId(String appId) {
      this.yinqiantongAppId = appId;
      return this;
    }

    /**
     * The 银钱通 V1 {@code appkey}; default {@value PayKitSandbox#DEFAULT_YINQIANTONG_APP_KEY}.
     *
     * @param appKey the {@code appkey}
     * @return this builder
     */
    public Builder yinqiantongAppKey(String appKey) {
      this.yinqiantongAppKey = appKey;
      return this;
    }

    /**
     * The 银钱通 {@code app_secret}; default {@value PayKitSandbox#DEFAULT_YINQIANTONG_APP_SECRET}.
     *
     * @param appSecret the {@code app_secret}
     * @return this builder
     */
    public Builder yinqiantongAppSecret(String appSecret) {
      this.yinqiantongAppSecret = appSecret;
      return this;
    }

    /**
     * The Qbit Pay API key; default {@value PayKitSandbox#DEFAULT_QBITPAY_API_KEY}.
     *
     * @param apiKey the API key
     * @return this builder
     */
    public Builder qbitPayApiKey(String apiKey) {
      this.qbitPayApiKey = apiKey;
      return this;
    }

    /**
     * Whether Qbit Pay lists carry {@code has_more}; false by default, as documented.
     *
     * @param hasMore true to include {@code has_more} in lists
     * @return this builder
     */
    public Builder qbitPayListHasMore(boolean hasMore) {
      this.qbitPayListHasMore = hasMore;
      return this;
    }

    /**
     * How many times an unacknowledged notification or webhook is retried (default 3; the real
     * gateways retry over minutes or hours, the sandbox compresses that).
     *
     * @param retries retries after the first attempt, 0 to 100
     * @return this builder
     */
    public Builder notificationRetries(int retries) {
      this.notificationRetries = retries;
      return this;
    }

    /**
     * The pause between notification attempts (default 100 ms).
     *
     * @param interval the pause, 0 to 1 hour
     * @return this builder
     */
    public Builder notificationRetryInterval(Duration interval) {
      this.notificationRetryInterval = interval;
      return this;
    }

    /**
     * The clock for timestamps, {@code ts} windows, token lifetimes and expiry (default UTC system clock).
     *
     * @param clock the clock, not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Validates the settings, binds the port and starts serving.
     *
     * @return the running sandbox
     * @throws IllegalArgumentException naming the first invalid setting
     * @throws UncheckedIOException if the port cannot be bound
     */
    public PayKitSandbox start() {
      if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be between 0 and 65535");
      requireNonEmpty(host, "host");
      if (publicBaseUrl != null && !Urls.isHttpUrl(publicBaseUrl)) {
        throw new IllegalArgumentException("publicBaseUrl must be an http(s) URL");
      }
      requireNonEmpty(juyifuAppId, "juyifuAppId");
      requireNonEmpty(juyifuMd5Secret, "juyifuMd5Secret");
      PublicKey merchantKey;
      try {
        merchantKey = Crypto.rsaPublicKey(juyifuMerchantPublicKeyPem);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("juyifuMerchantPublicKeyPem must be an RSA public key in X.509 PEM", e);
      }
      PrivateKey platformKey;
      try {
        platformKey = Crypto.rsaPrivateKey(juyifuPlatformPrivateKeyPem);
        Crypto.publicOf(platformKey);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("juyifuPlatformPrivateKeyPem must be an RSA private key in PEM", e);
      }
      if (juyifuDefaultNotifyUrl != null && !Urls.isHttpUrl(juyifuDefaultNotifyUrl)) {
        throw new IllegalArgumentException("juyifuDefaultNotifyUrl must be an http(s) URL");
      }
      requireNonEmpty(yinqiantongAppId, "yinqiantongAppId");
      requireNonEmpty(yinqiantongAppKey, "yinqiantongAppKey");
      requireNonEmpty(yinqiantongAppSecret, "yinqiantongAppSecret");
      requireNonEmpty(qbitPayApiKey, "qbitPayApiKey");
      if (notificationRetries < 0 || notificationRetries > 100) {
        throw new IllegalArgumentException("notificationRetries must be between 0 and 100");
      }
      if (notificationRetryInterval == null
          || notificationRetryInterval.isNegative()
          || notificationRetryInterval.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("notificationRetryInterval must be between 0 and 1 hour");
      }
      if (clock == null) throw new IllegalArgumentException("clock must not be null");
      try {
        return new PayKitSandbox(this, merchantKey, platformKey);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
      }
    }

    @Override
    public String toString() {
      return "PayKitSandbox.Builder{host=" + host + ", port=" + port + "}";
    }
  }
}
