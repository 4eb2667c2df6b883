package io.paykit.bench;

import io.paykit.bench.baseline.BaselineQbit;
import io.paykit.bench.baseline.BaselineYinqiantong;
import io.paykit.qbitpay.Charge;
import io.paykit.qbitpay.ChargeCreateParams;
import io.paykit.qbitpay.QbitPayClient;
import io.paykit.yinqiantong.CreateOrderParams;
import io.paykit.yinqiantong.Order;
import io.paykit.yinqiantong.YinqiantongClient;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ByteString;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PayKit's own cost per call, without the network (µs/op, and bytes/op with {@code -prof gc}): the
 * same create calls as {@link RoundTripBenchmark}, but an OkHttp application interceptor (given to
 * both sides through their {@code OkHttpClient}) writes the request body out and answers the canned
 * response at once. What remains is everything the SDK and the baseline do on the calling thread:
 * params, signing, JSON both ways, OkHttp's own request and response handling. On a shared machine
 * this is far steadier than the loopback round trip, whose wall time depends on scheduling.
 * {@link #setUp()} proves both sides hand OkHttp identical requests (method, URL, headers, body).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
public class ClientOverheadBenchmark {
  /** Never connected to: the interceptor answers first. */
  static final String BASE_URL = "http://127.0.0.1:9";

  private QbitPayClient qbit;
  private YinqiantongClient yqt;
  private BaselineQbit qbitBaseline;
  private BaselineYinqiantong yqtBaseline;
  private CannedAnswers canned;

  /** Answers every request with the canned response for its path, after writing its body out. */
  static final class CannedAnswers implements Interceptor {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final ByteString CHARGE = ByteString.encodeUtf8(Canned.QBIT_CHARGE);
    private static final ByteString YQT = ByteString.encodeUtf8(Canned.YQT_CREATED);
    volatile String last;

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      Buffer body = new Buffer();
      if (request.body() != null) request.body().writeTo(body);
      if (last != null) {
        last = request.method() + " " + request.url() + "\n" + request.headers() + "\n"
            + (request.body() == null ? "" : request.body().contentType() + "\n") + body.readUtf8();
      }
      ByteString answer = request.url().encodedPath().endsWith("/order") ? YQT : CHARGE;
      return new Response.Builder()
          .request(request)
          .protocol(Protocol.HTTP_1_1)
          .code(200)
          .message("OK")
          .header("Content-Type", JSON.toString())
          .header("Content-Length", Integer.toString(answer.size()))
          .body(ResponseBody.create(answer, JSON))
          .build();
    }
  }

  @Setup
  public void setUp() throws IOException {
    canned = new CannedAnswers();
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(canned).build();
    qbit = QbitPayClient.builder().apiKey(Canned.QBIT_API_KEY).baseUrl(BASE_URL).okHttpClient(http).build();
    yqt =
        YinqiantongClient.builder()
            .appId(Canned.YQT_APP_ID)
            .appSecret(Canned.YQT_APP_SECRET)
            .baseUrl(BASE_URL + "/yqt")
            .clock(Canned.YQT_CLOCK)
            .okHttpClient(http)
            .build();
    qbitBaseline =
        new BaselineQbit(http, BASE_URL, Canned.QBIT_API_KEY, Gateways.userAgent("qbitpay"));
    yqtBaseline =
        new BaselineYinqiantong(
            http, BASE_URL + "/yqt", Canned.YQT_APP_ID,
            Canned.YQT_APP_SECRET, Canned.YQT_CLOCK,
            Gateways.userAgent("yinqiantong"));
    same("Qbit Pay createCharge", this::qbitPayKit, this::qbitBaseline);
    same("银钱通 createOrder", this::yqtPayKit, this::yqtBaseline);
  }

  interface Call {
    Object run() throws IOException;
  }

  private void same(String what, Call payKit, Call baseline) throws IOException {
    canned.last = "";
    payKit.run();
    String a = canned.last;
    canned.last = "";
    baseline.run();
    String b = canned.last;
    canned.last = null;
    if (!a.equals(b)) {
      throw new IllegalStateException(
          what + ": PayKit and the baseline built different requests\n--- PayKit ---\n" + a
              + "\n--- baseline ---\n" + b);
    }
  }

  @Benchmark
  public Charge qbitCreateChargePayKit(CpuCounter cpu) {
    cpu.calls++;
    return qbitPayKit();
  }

  Charge qbitPayKit() {
    return qbit.createCharge(
        ChargeCreateParams.builder()
            .amount(Canned.QBIT_AMOUNT)
            .currency(Canned.QBIT_CURRENCY)
            .externalOrderId(Canned.QBIT_ORDER_ID)
            .cbUrl(Canned.QBIT_CB_URL)
            .redirectUrl(Canned.QBIT_REDIRECT_URL)
            .build());
  }

  @Benchmark
  public BaselineQbit.Charge qbitCreateChargeBaseline(CpuCounter cpu) throws IOException {
    cpu.calls++;
    return qbitBaseline();
  }

  BaselineQbit.Charge qbitBaseline() throws IOException {
    return qbitBaseline.createCharge(
        Canned.QBIT_AMOUNT, Canned.QBIT_CURRENCY,
        Canned.QBIT_ORDER_ID, Canned.QBIT_CB_URL,
        Canned.QBIT_REDIRECT_URL);
  }

  @Benchmark
  public Order yqtCreateOrderMd5PayKit(CpuCounter cpu) {
    cpu.calls++;
    return yqtPayKit();
  }

  Order yqtPayKit() {
    return yqt.createOrder(
        CreateOrderParams.builder()
            .clientOutTradeNo(Canned.YQT_ORDER_NO)
            .channel(Canned.YQT_CHANNEL)
            .platform(Canned.YQT_PLATFORM)
            .money(Canned.YQT_MONEY)
            .clientIp(Canned.YQT_CLIENT_IP)
            .notifyUrl(Canned.YQT_NOTIFY_URL)
            .subject(Canned.YQT_SUBJECT)
            .build());
  }

  @Benchmark
  public BaselineYinqiantong.Order yqtCreateOrderMd5Baseline(CpuCounter cpu) throws IOException {
    cpu.calls++;
    return yqtBaseline();
  }

  BaselineYinqiantong.Order yqtBaseline() throws IOException {
    return yqtBaseline.createOrder(
        Canned.YQT_ORDER_NO, Canned.YQT_CHANNEL.getCode(),
        Canned.YQT_PLATFORM.getCode(), Canned.YQT_MONEY,
        Canned.YQT_CLIENT_IP, Canned.YQT_NOTIFY_URL,
        Canned.YQT_SUBJECT);
  }
}
