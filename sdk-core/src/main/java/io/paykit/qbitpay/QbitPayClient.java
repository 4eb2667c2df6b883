package io.paykit.qbitpay;

import io.paykit.AccessToken;
import io.paykit.ApiException;
import io.paykit.AuthenticationException;
import io.paykit.InvalidResponseException;
import io.paykit.NetworkException;
import io.paykit.PayKitException;
import io.paykit.RateLimitException;
import io.paykit.RequestOptions;
import io.paykit.http.ApiRequest;
import io.paykit.http.ApiResponse;
import io.paykit.http.Interceptor;
import io.paykit.http.Sleeper;
import io.paykit.http.TokenCache;
import io.paykit.http.Transport;
import io.paykit.page.Page;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Qbit Pay client: charges, cursor-paged charge lists, the hosted page's access token and test
 * webhook events. Webhooks are verified with {@link QbitPayWebhook}.
 *
 * <pre>{@code
 * QbitPayClient qbit = QbitPayClient.builder().apiKey(System.getenv("QBIT_API_KEY")).build();
 * Charge charge = qbit.createCharge(ChargeCreateParams.builder()
 *     .amount(new BigDecimal("10.50")).currency("USD").externalOrderId("order-1001")
 *     .cbUrl("https://shop.example/qbit/webhook").redirectUrl("https://shop.example/paid").build());
 * String page = qbit.paymentPageUrl(charge);   // open it in the payer's browser or WebView
 * }</pre>
 *
 * <p>Every call authenticates with HTTP Basic, the API key as user name and no password. Build one
 * client and share it: immutable and thread-safe.
 */
public final class QbitPayClient {
  /** The production base URL (Qbit Pay docs since 2020-03). */
  public static final String DEFAULT_BASE_URL = "https://api.qbitnetwork.com";

  static final String CHARGES_PATH = "/api/v1/charges";
  static final String ACCESS_TOKEN_PATH = "/api/v1/accessToken";
  static final String TEST_EVENT_PATH = "/api/v1/events/test";
  /** A cached token is replaced this long before its {@code exp}. */
  static final Duration TOKEN_REFRESH_MARGIN = Duration.ofSeconds(60);
  /** How long a token without a readable {@code exp} is reused: the docs give no lifetime. */
  static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(5);
  /** A token whose exp is already (nearly) past by our clock is still reused this long. */
  static final Duration MIN_TOKEN_REUSE = Duration.ofSeconds(30);
  static final Duration RECONCILE_INITIAL_WAIT = Duration.ofMillis(500);
  static final Duration RECONCILE_MAX_WAIT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(QbitPayClient.class);

  private final Transport transport;
  private final TokenCache tokens;
  private final Clock clock;
  private final Sleeper sleeper;
  private final int maxRetries;

  QbitPayClient(Builder b, Transport transport) {
    this.transport = transport;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.maxRetries = b.maxRetries;
    this.tokens = new TokenCache(this::fetchAccessToken, b.clock, TOKEN_REFRESH_MARGIN);
  }

  /**
   * Returns a new builder.
   *
   * @return a new, unconfigured builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates a charge ({@code POST /api/v1/charges}), safely: however the network fails, at most one
   * charge exists per {@code externalOrderId} created by this call.
   *
   * <p>Qbit Pay has no idempotency key, so after an attempt that may have reached the gateway (read
   * timeout, connection reset after sending, HTTP 408 or 5xx, an unreadable success body) the client
   * waits briefly, lists charges by {@code externalOrderId} and returns the charge it finds (same
   * externalOrderId, amount and currency; the newest if several); only when there is none does it send
   * again, up to {@code maxRetries} times. The lookup is an ordinary GET, retried as reads are.
   *
   * <p>What the caller gets:
   *
   * <ul>
   *   <li>the charge: created by this call, or found by the lookup after an ambiguous attempt;
   *   <li>{@link ApiException} with a 4xx status (400 {@code invalid_request_error}, 402, 404), {@link
   *       AuthenticationException} (401), {@link RateLimitException} (429, or 403 {@code
   *       rate_limit_error}): the gateway refused the request, nothing was created, {@code
   *       isRetrySafe()} is true;
   *   <li>{@link NetworkException} with {@code mayHaveReachedServer() == false}: the request never
   *       left (after the transport's retries); nothing was created; safe to call again;
   *   <li>the last ambiguous failure ({@link NetworkException}, {@link ApiException} 5xx or {@link
   *       InvalidResponseException}, {@code mayHaveReachedServer() == true}): every attempt was
   *       ambiguous and the lookup after the last one found no charge. Most likely nothing was
   *       created, but a request the gateway is still processing can land later: list by {@code
   *       externalOrderId} before creating again;
   *   <li>{@link ChargeReconciliationException}: an attempt may have landed and the lookup failed, or
   *       found a charge with this externalOrderId but another amount or currency. Do not create again
   *       before {@code listCharges} by {@code externalOrderId} shows whether the charge exists.
   * </ul>
   *
   * @param params the charge to create
   * @return the charge, created by this call or found by the lookup after an ambiguous attempt
   * @throws IllegalArgumentException if {@code params} is null (the params builder validates the
   *     fields before anything is sent)
   */
  public Charge createCharge(ChargeCreateParams params) {
    return createCharge(params, RequestOptions.defaults());
  }

  /**
   * Creates a charge with per-request options; see {@link #createCharge(ChargeCreateParams)}. The
   * options' {@code maxRetries} also bounds how often the create is sent again after a lookup.
   *
   * @param params the charge to create
   * @param options per-request options
   * @return the charge, created by this call or found by the lookup after an ambiguous attempt
   * @throws IllegalArgumentException if {@code params} is null
   */
  public Charge createCharge(ChargeCreateParams params, RequestOptions options) {
    if (params == null) throw new IllegalArgumentException("params is required");
    ApiRequest request =
        ApiRequest.builder(ApiRequest.Method.POST, CHARGES_PATH, "createCharge")
            .bodyEncoding(ApiRequest.BodyEncoding.JSON)
            .body("amount", params.getAmount())
            .body("currency", params.getCurrency())
            .body("externalOrderId", params.getExternalOrderId())
            .body("cbUrl", params.getCbUrl())
            .body("redirectUrl", params.getRedirectUrl())
            .body("baseCurrency", params.getBaseCurrency())
            .body("quoteCurrency", params.getQuoteCurrency())
            .body("paymentType", params.getPaymentType())
            .body("payerName", params.getPayerName())
            .options(options)
            .build();
    int resends = retries(options);
    for (int attempt = 0; ; attempt++) {
      PayKitException[] ambiguity = new PayKitException[1];
      Charge created = sendOnce(request, ambiguity);
      if (created != null) return created;
      PayKitException ambiguous = ambiguity[0];
      LOG.warn(
          "createCharge for externalOrderId {} may have reached Qbit Pay ({}); looking it up before"
              + " sending again",
          params.getExternalOrderId(),
          ambiguous.getMessage());
      pause(attempt, ambiguous);
      Charge existing = reconcile(params, ambiguous, options);
      if (existing != null) {
        LOG.info(
            "createCharge for externalOrderId {}: the earlier attempt created charge {}",
            params.getExternalOrderId(),
            existing.getId());
        return existing;
      }
      if (attempt >= resends) throw ambiguous;
    }
  }

  /**
   * Sends a charge write once. Returns the charge; or throws what shows the write did not happen; or
   * returns null with the failure that leaves it open (timeout after sending, 5xx, unreadable success)
   * in {@code ambiguous[0]}, for the caller to settle by reading the gateway's state.
   */
  private Charge sendOnce(ApiRequest request, PayKitException[] ambiguous) {
    ApiResponse response;
    try {
      response = transport.execute(request);
    } catch (NetworkException e) {
      if (!e.mayHaveReachedServer()) throw e;
      ambiguous[0] = e;
      return null;
    } catch (InvalidResponseException e) {
      ambiguous[0] = e;
      return null;
    }
    if (response.isSuccessful()) {
      try {
        return readCharge(response);
      } catch (InvalidResponseException e) {
        ambiguous[0] = e;
        return null;
      }
    }
    PayKitException error = QbitErrors.map(transport, response);
    if (!QbitErrors.ambiguous(response.status())) throw error;
    ambiguous[0] = error;
    return null;
  }

  /** Finds the charge an ambiguous attempt may have created; null when there is none. */
  private Charge reconcile(
      ChargeCreateParams params, PayKitException ambiguous, RequestOptions options) {
    String externalOrderId = params.getExternalOrderId();
    Page<Charge> page;
    try {
      page =
          listCharges(ChargeListParams.builder().externalOrderId(externalOrderId).build(), options);
    } catch (PayKitException e) {
      throw new ChargeReconciliationException(
          "createCharge: the request may have reached Qbit Pay (" + ambiguous.getMessage()
              + ") and looking the charge up by externalOrderId " + externalOrderId + " failed ("
              + e.getMessage() + "); do not create it again before listCharges with this"
              + " externalOrderId shows whether it exists",
          externalOrderId,
          ambiguous,
          e);
    }
    Charge found = null;
    boolean conflicting = false;
    for (Charge c : page.getData()) {
      if (!externalOrderId.equals(c.getExternalOrderId())) continue;
      boolean same =
          c.getAmount() != null
              && c.getAmount().compareTo(params.getAmount()) == 0
              && params.getCurrency().equals(c.getCurrency());
      if (!same) {
        conflicting = true;
      } else if (found == null || newer(c, found)) {
        found = c;
      }
    }
    if (found == null && conflicting) {
      throw new ChargeReconciliationException(
          "createCharge: the request may have reached Qbit Pay (" + ambiguous.getMessage()
              + "), and a charge with externalOrderId " + externalOrderId
              + " exists with a different amount or currency; look it up with listCharges before"
              + " creating again",
          externalOrderId,
          ambiguous,
          null);
    }
    return found;
  }

  private static boolean newer(Charge a, Charge b) {
    return a.getCreatedAt() != null && b.getCreatedAt() != null && a.getCreatedAt().isAfter(b.getCreatedAt());
  }

  /** Gives an attempt still being processed by the gateway time to land before it is looked up. */
  private void pause(int attempt, PayKitException ambiguous) {
    long millis = RECONCILE_INITIAL_WAIT.toMillis() << Math.min(attempt, 10);
    Duration wait = Duration.ofMillis(Math.min(millis, RECONCILE_MAX_WAIT.toMillis()));
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ambiguous;
    }
  }

  /**
   * Retrieves a charge ({@code GET /api/v1/charges/{id}}).
   *
   * @param id the charge id
   * @return the charge
   * @throws IllegalArgumentException if {@code id} is empty or not a plain id
   * @throws ApiException 404 when there is no such charge, or another gateway error
   * @throws PayKitException on network failures and unreadable responses
   */
  public Charge retrieveCharge(String id) {
    return retrieveCharge(id, RequestOptions.defaults());
  }

  /**
   * Retrieves a charge with per-request options; see {@link #retrieveCharge(String)}.
   *
   * @param id the charge id
   * @param options per-request options
   * @return the charge
   * @throws IllegalArgumentException if {@code id} is empty or not a plain id
   */
  public Charge retrieveCharge(String id, RequestOptions options) {
    String path = CHARGES_PATH + "/" + ApiRequest.pathSegment("id", id);
    ApiResponse response =
        transport.execute(
            ApiRequest.builder(ApiRequest.Method.GET, path, "retrieveCharge").options(options).build());
    if (!response.isSuccessful()) throw QbitErrors.map(transport, response);
    return readCharge(response);
  }

  /**
   * Tells the gateway the payer has paid ({@code PUT /api/v1/charges/{id}} with {@code
   * {"status":"buyerPaid"}}); only a {@code pending} charge can move to {@code buyerPaid}.
   *
   * <p>After an ambiguous failure (timeout, reset, 5xx) the client retrieves the charge and returns it
   * if it is {@code buyerPaid}; otherwise the failure is thrown, and calling again is safe.
   *
   * @param id the charge id
   * @return the charge, now {@code buyerPaid}
   * @throws IllegalArgumentException if {@code id} is empty or not a plain id
   * @throws ApiException if the gateway refuses the transition or another gateway error
   * @throws PayKitException on network failures and unreadable responses
   */
  public Charge markBuyerPaid(String id) {
    return markBuyerPaid(id, RequestOptions.defaults());
  }

  /**
   * Marks a charge as paid by the buyer, with per-request options; see {@link #markBuyerPaid(String)}.
   *
   * @param id the charge id
   * @param options per-request options
   * @return the charge, now {@code buyerPaid}
   * @throws IllegalArgumentException if {@code id} is empty or not a plain id
   */
  public Charge markBuyerPaid(String id, RequestOptions options) {
    String path = CHARGES_PATH + "/" + ApiRequest.pathSegment("id", id);
    ApiRequest request =
        ApiRequest.builder(ApiRequest.Method.PUT, path, "markBuyerPaid")
            .bodyEncoding(ApiRequest.BodyEncoding.JSON)
            .body("status", ChargeStatus.BUYER_PAID.getValue())
            .options(options)
            .build();
    PayKitException[] ambiguity = new PayKitException[1];
    Charge updated = sendOnce(request, ambiguity);
    if (updated != null) return updated;
    PayKitException ambiguous = ambiguity[0];
    Charge now;
    try {
      now = retrieveCharge(id, options);
    } catch (PayKitException e) {
      ambiguous.addSuppressed(e);
      throw ambiguous;
    }
    if (now.getStatus() == ChargeStatus.BUYER_PAID) return now;
    throw ambiguous;
  }

  /**
   * Lists the newest charges, 10 per page; see {@link #listCharges(ChargeListParams)}.
   *
   * @return the first page of charges
   * @throws PayKitException on gateway errors, network failures and unreadable responses
   */
  public Page<Charge> listCharges() {
    return listCharges(ChargeListParams.builder().build(), RequestOptions.defaults());
  }

  /**
   * Lists charges ({@code GET /api/v1/charges}), newest first, one page per call. {@link
   * Page#autoPagingIterable()} walks every later page lazily, holding one page at a time; a list
   * started with {@code endingBefore} walks backward, toward the newest charge.
   *
   * <p>The next page starts after the last charge's id ({@code starting_after}), the previous one
   * ends before the first charge's id ({@code ending_before}); the limit and the externalOrderId
   * filter carry over. The gateway sends no {@code has_more}: a page shorter than the limit, or
   * empty, is the last (a {@code has_more} it does send is honoured).
   *
   * @param params the filter, limit and cursor of the first page
   * @return the first requested page of charges
   * @throws IllegalArgumentException if {@code params} is null
   * @throws PayKitException on gateway errors, network failures and unreadable responses (including
   *     a page that contains its own cursor, which would otherwise page forever)
   */
  public Page<Charge> listCharges(ChargeListParams params) {
    return listCharges(params, RequestOptions.defaults());
  }

  /**
   * Lists charges with per-request options, which also apply to every page fetched from the result;
   * see {@link #listCharges(ChargeListParams)}.
   *
   * @param params the filter, limit and cursor of the first page
   * @param options per-request options, reused for later pages
   * @return the first requested page of charges
   * @throws IllegalArgumentException if {@code params} is null
   */
  public Page<Charge> listCharges(ChargeListParams params, RequestOptions options) {
    if (params == null) throw new IllegalArgumentException("params is required");
    ApiRequest request =
        ApiRequest.builder(ApiRequest.Method.GET, CHARGES_PATH, "listCharges")
            .query("limit", params.getLimit())
            .query("starting_after", params.getStartingAfter())
            .query("ending_before", params.getEndingBefore())
            .query("externalOrderId", params.getExternalOrderId())
            .options(options)
            .build();
    ApiResponse response = transport.execute(request);
    if (!response.isSuccessful()) throw QbitErrors.map(transport, response);
    QbitJson.ChargeList list = transport.parseJson(response, QbitJson.CHARGE_LIST);
    if (list.data == null) throw transport.invalidResponse(response, "list without data", null);
    String cursor =
        params.getStartingAfter() != null ? params.getStartingAfter() : params.getEndingBefore();
    List<Charge> data = new ArrayList<>(list.data.size());
    for (Charge c : list.data) {
      if (c == null) continue;
      if (c.getId() == null || c.getId().isEmpty()) {
        throw transport.invalidResponse(response, "charge without an id in a list", null);
      }
      if (c.getId().equals(cursor)) {
        throw transport.invalidResponse(
            response, "the page holds its own cursor (the gateway ignored it)", null);
      }
      data.add(c);
    }
    Boolean sentHasMore = list.hasMore();
    boolean hasMore =
        !data.isEmpty() && (sentHasMore != null ? sentHasMore : data.size() >= params.getLimit());
    return Page.of(
        data,
        hasMore,
        params.getEndingBefore() != null,
        new Cursor(
            this,
            params,
            options,
            data.isEmpty() ? null : data.get(0).getId(),
            data.isEmpty() ? null : data.get(data.size() - 1).getId()));
  }

  /**
   * Adds {@code Authorization: Basic <credentials>}, the Base64 of {@code "<apiKey>:"}: the API key
   * as user name, no password. A lambda rather than an interceptor class: one class fewer in the jar.
   */
  static Interceptor basicAuth(String credentials) {
    String header = "Basic " + credentials;
    return chain ->
        chain.proceed(chain.request().newBuilder().header("Authorization", header).build());
  }

  /** Fetches a page's neighbours: it keeps only the two boundary ids, so pages do not pile up. */
  private static final class Cursor implements Page.Fetcher<Charge> {
    private final QbitPayClient client;
    private final ChargeListParams params;
    private final RequestOptions options;
    private final String firstId;
    private final String lastId;

    Cursor(
        QbitPayClient client,
        ChargeListParams params,
        RequestOptions options,
        String firstId,
        String lastId) {
      this.client = client;
      this.params = params;
      this.options = options;
      this.firstId = firstId;
      this.lastId = lastId;
    }

    @Override
    public Page<Charge> fetchNext() {
      // An empty page has no id to page from.
      if (lastId == null) return Page.empty(false);
      return client.listCharges(
          params.toBuilder().endingBefore(null).startingAfter(lastId).build(), options);
    }

    @Override
    public Page<Charge> fetchPrevious() {
      if (firstId == null) return Page.empty(true);
      return client.listCharges(
          params.toBuilder().startingAfter(null).endingBefore(firstId).build(), options);
    }
  }

  /**
   * Returns the access token that opens the hosted payment page ({@code GET /api/v1/accessToken}).
   *
   * <p>The token is cached until its JWT {@code exp} (less a 60 s margin); a token without a readable
   * {@code exp} (not a JWT, or a payload that is not JSON) is reused for 5 minutes. However many
   * threads ask, one fetch runs at a time. When the page rejects a token, report it with {@link
   * #invalidateAccessToken(AccessToken)} so the next call fetches a new one. A 401 from this endpoint
   * itself means the API key is wrong: it is thrown, not retried with a new token.
   *
   * @return the cached or newly fetched access token
   * @throws AuthenticationException if the gateway refuses the API key
   * @throws PayKitException on other gateway errors, network failures and unreadable responses
   */
  public AccessToken accessToken() {
    return tokens.get();
  }

  /**
   * Forgets a token the hosted page rejected (HTTP 401), so the next {@link #accessToken()} fetches
   * a new one. A token that was already replaced is ignored, so a burst of reports for one stale token
   * causes one fetch.
   *
   * @param rejected the token the hosted page rejected
   * @throws IllegalArgumentException if {@code rejected} is null
   */
  public void invalidateAccessToken(AccessToken rejected) {
    if (rejected == null) throw new IllegalArgumentException("rejected token is required");
    tokens.invalidate(rejected);
  }

  /**
   * Returns the charge's payment page URL with the cached {@link #accessToken()} appended as {@code
   * accessToken=<token>}: after the {@code #…?} fragment's query when the page URL has a fragment
   * ({@code …#/otc/payment?tradeId=X&accessToken=T}), as {@code ?accessToken=} when that fragment has
   * no query. The URL holds the token: treat it as a secret.
   *
   * @param charge the charge whose payment page to open
   * @return the payment page URL with the access token
   * @throws IllegalArgumentException if {@code charge} is null or has no payment page URL
   * @throws PayKitException if a token had to be fetched and that failed
   */
  public String paymentPageUrl(Charge charge) {
    requirePageUrl(charge);
    return paymentPageUrl(charge, accessToken());
  }

  /**
   * Returns the charge's payment page URL with the given token appended; see {@link
   * #paymentPageUrl(Charge)}. Keep the token to report it with {@link
   * #invalidateAccessToken(AccessToken)} if the page rejects it.
   *
   * @param charge the charge whose payment page to open
   * @param token the access token to append
   * @return the payment page URL with the access token
   * @throws IllegalArgumentException if {@code charge} or {@code token} is null, or the charge has
   *     no payment page URL
   */
  public String paymentPageUrl(Charge charge, AccessToken token) {
    String pageUrl = requirePageUrl(charge);
    if (token == null) throw new IllegalArgumentException("token is required");
    return PageUrls.withAccessToken(pageUrl, token.getValue());
  }

  private static String requirePageUrl(Charge charge) {
    if (charge == null) throw new IllegalArgumentException("charge is required");
    String url = charge.getPaymentPageUrl();
    if (url == null || url.isEmpty()) {
      throw new IllegalArgumentException("charge " + charge.getId() + " has no paymentPageUrl");
    }
    return url;
  }

  /**
   * Asks the gateway to send one test event ({@code livemode: false}) to {@code cbUrl}, or to the URL
   * configured in the dashboard when {@code cbUrl} is null ({@code GET /api/v1/events/test}).
   *
   * @param cbUrl the URL to send the event to, or null for the dashboard's URL
   * @throws IllegalArgumentException if {@code cbUrl} is not an absolute http(s) URL
   * @throws PayKitException on gateway errors and network failures
   */
  public void sendTestEvent(String cbUrl) {
    sendTestEvent(cbUrl, RequestOptions.defaults());
  }

  /**
   * Sends a test event with per-request options; see {@link #sendTestEvent(String)}.
   *
   * @param cbUrl the URL to send the event to, or null for the dashboard's URL
   * @param options per-request options
   * @throws IllegalArgumentException if {@code cbUrl} is not an absolute http(s) URL
   */
  public void sendTestEvent(String cbUrl, RequestOptions options) {
    Checks.url("cbUrl", cbUrl, false);
    ApiResponse response =
        transport.execute(
            ApiRequest.builder(ApiRequest.Method.GET, TEST_EVENT_PATH, "sendTestEvent")
                .query("cbUrl", cbUrl)
                .options(options)
                .build());
    if (!response.isSuccessful()) throw QbitErrors.map(transport, response);
  }

  private AccessToken fetchAccessToken() {
    ApiResponse response =
        transport.execute(
            ApiRequest.builder(ApiRequest.Method.GET, ACCESS_TOKEN_PATH, "accessToken").build());
    if (!response.isSuccessful()) throw QbitErrors.map(transport, response);
    QbitJson.AccessTokenBody body = transport.parseJson(response, QbitJson.ACCESS_TOKEN);
    if (body.accessToken == null || body.accessToken.isEmpty()) {
      throw transport.invalidResponse(response, "no accessToken in the response", null);
    }
    Instant now = clock.instant();
    Instant exp = Jwt.expiry(body.accessToken);
    Instant expiresAt;
    if (exp == null) {
      LOG.debug("Qbit Pay access token has no readable exp; reusing it for {}", DEFAULT_TOKEN_LIFETIME);
      expiresAt = now.plus(DEFAULT_TOKEN_LIFETIME);
    } else {
      // A skewed clock must not turn every call into a token fetch.
      Instant floor = now.plus(TOKEN_REFRESH_MARGIN).plus(MIN_TOKEN_REUSE);
      expiresAt = exp.isBefore(floor) ? floor : exp;
    }
    return AccessToken.of(body.accessToken, expiresAt);
  }

  private Charge readCharge(ApiResponse response) {
    Charge charge = transport.parseJson(response, QbitJson.CHARGE);
    if (charge.getId() == null || charge.getId().isEmpty()) {
      throw transport.invalidResponse(response, "charge without an id", null);
    }
    return charge;
  }

  private int retries(RequestOptions options) {
    Integer override = options == null ? null : options.getMaxRetries();
    return override != null ? override : maxRetries;
  }

  @Override
  public String toString() {
    return "QbitPayClient{" + transport.baseUrl() + "}";
  }

  /** Builds a {@link QbitPayClient}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private String apiKey;
    private String baseUrl = DEFAULT_BASE_URL;
    private OkHttpClient okHttpClient;
    int maxRetries = Transport.DEFAULT_MAX_RETRIES;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration writeTimeout;
    private Duration callTimeout;
    Sleeper sleeper = Sleeper.SYSTEM;
    Clock clock = Clock.systemUTC();
    private boolean allowInsecureHttp;

    Builder() {}

    /**
     * Sets the API key (required): the HTTP Basic user name, and the key of webhook signatures.
     *
     * @param apiKey the API key
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Sets the base URL (default {@value QbitPayClient#DEFAULT_BASE_URL}); the 2019 host {@code
     * https://matrix-content-s.ailingual.cn} works too. HTTPS is required unless the host is
     * loopback or {@link #allowInsecureHttp()} is called.
     *
     * @param baseUrl the gateway's base URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Uses the caller's OkHttp client (proxy, pool, pinning); PayKit derives its own from it.
     *
     * @param okHttpClient the OkHttp client to derive from
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = okHttpClient;
      return this;
    }

    /**
     * Sets how many times a failed call is retried when that is safe, and how many times a create is
     * sent again after a lookup found no charge (default 2; 0 to 10).
     *
     * @param maxRetries the number of retries
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the connect timeout (default 10 s).
     *
     * @param timeout the connect timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * Sets the read timeout (default 30 s).
     *
     * @param timeout the read timeout
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /**
     * Sets the write timeout (default 30 s).
     *
     * @param timeout the write timeout
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = timeout;
      return this;
    }

    /**
     * Sets the timeout of one whole attempt (default 60 s).
     *
     * @param timeout the timeout of one attempt
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout;
      return this;
    }

    /**
     * Sets how the client waits between retries. For tests and custom schedulers.
     *
     * @param sleeper the sleeper to wait with
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Sets the clock that access-token expiry is compared with. For tests.
     *
     * @param clock the clock to use
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Allows a plain-HTTP base URL on a non-loopback host. For test environments only.
     *
     * @return this builder
     */
    public Builder allowInsecureHttp() {
      this.allowInsecureHttp = true;
      return this;
    }

    /**
     * Validates the settings and returns the client.
     *
     * @return a new client with this builder's settings
     * @throws IllegalArgumentException naming the setting: apiKey missing or holding a space, control,
     *     non-ASCII character or ':'; baseUrl not an http(s) URL, or plain HTTP on a non-loopback
     *     host; maxRetries outside 0..10; a timeout that is not positive; a null sleeper or clock
     */
    public QbitPayClient build() {
      if (apiKey == null || apiKey.isEmpty()) throw new IllegalArgumentException("apiKey is required");
      for (int i = 0; i < apiKey.length(); i++) {
        char c = apiKey.charAt(i);
        if (c <= 0x20 || c >= 0x7f || c == ':') {
          throw new IllegalArgumentException(
              "apiKey has a character HTTP Basic auth cannot carry at " + i
                  + " (space, control, non-ASCII or ':')");
        }
      }
      if (sleeper == null) throw new IllegalArgumentException("sleeper is required");
      if (clock == null) throw new IllegalArgumentException("clock is required");
      String credentials =
          Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
      Transport.Builder t =
          Transport.builder("qbitpay")
              .baseUrl(baseUrl)
              .maxRetries(maxRetries)
              .sleeper(sleeper)
              .clock(clock)
              .secret(apiKey)
              .secret(credentials)
              .addInterceptor(basicAuth(credentials));
      if (okHttpClient != null) t.okHttpClient(okHttpClient);
      if (connectTimeout != null) t.connectTimeout(connectTimeout);
      if (readTimeout != null) t.readTimeout(readTimeout);
      if (writeTimeout != null) t.writeTimeout(writeTimeout);
      if (callTimeout != null) t.callTimeout(callTimeout);
      if (allowInsecureHttp) t.allowInsecureHttp();
      return new QbitPayClient(this, t.build());
    }
  }
}
