package io.paykit.bench;

import io.paykit.qbitpay.Event;
import io.paykit.qbitpay.QbitPayWebhook;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying a 2 KB Qbit Pay webhook event (ops/s) with {@link QbitPayWebhook#constructEvent}, compact
 * and pretty-printed, against the raw floor: {@link MessageDigest} MD5 over the already prepared
 * signing string (UTF-8 encoding included, engine reused per thread) and a constant-time compare
 * with the expected digest. The SDK also parses the body and rebuilds the signing string.
 *
 * <p>Run: {@code java -cp <classpath> org.openjdk.jmh.Main QbitWebhook -f 1 -wi 2 -w 1s -i 3 -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class QbitWebhookBenchmark {
  static final String KEY = "T9uTy95uSifOOuTy";

  /** {@code cjk}: the payer's and bank's names in Chinese; {@code ascii}: the same event in pinyin. */
  @Param({"cjk", "ascii"})
  public String text;

  private String body;
  private String prettyBody;
  private String signature;
  private String prepared;
  private MessageDigest md5;
  private byte[] expectedDigest;

  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    StringBuilder data =
        new StringBuilder(localize(
            "{\"id\":\"5\",\"object\":\"charge\",\"createdAt\":\"2019-02-25T16:13:12.278Z\",\"paid\":false,"
                + "\"status\":\"pending\",\"amount\":1000,\"currency\":\"USD\",\"externalOrderId\":\"DTSifOuTy95ui\","
                + "\"paymentPageUrl\":\"https://qbitpay.blockscape.co/?zh#/otc/payment?tradeId=DTSifOuTy95ifOuTy95\","
                + "\"cbUrl\":\"https://api.blockscape.co\",\"redirectUrl\":\"https://qbitpay.blockscape.co\","
                + "\"totalCost\":6884.3,\"price\":6.85,\"baseAmount\":1005.0023,\"baseCurrency\":\"USDT\","
                + "\"quoteCurrency\":\"CNY\",\"fee\":0.5,\"payerName\":\"张三\","
                + "\"expiresAt\":\"2019-02-25T16:43:12.278Z\",\"paymentMethod\":{\"object\":\"paymentMethod\","
                + "\"type\":\"bankAccount\",\"currency\":\"CNY\",\"status\":\"active\","
                + "\"typeLabel\":{\"en\":\"Bank account\",\"zh\":\"银行卡\"},\"bankName\":\"中国银行\","
                + "\"bankAccountNum\":\"6222020000000000000\",\"swift\":\"BKCHCNBJ\",\"country\":\"CN\"},"
                + "\"metadata\":["));
    String envelope =
        "{\"id\":\"fDOuTy95uSiTi\",\"type\":\"charge.succeeded\",\"createdAt\":\"2019-02-25T16:13:12.278Z\","
            + "\"object\":\"event\",\"pendingWebhooks\":0,\"livemode\":true,\"data\":";
    // Metadata entries until the body reaches 2 KB of UTF-8.
    for (int i = 0; utf8Length(envelope + data + "]}}") < 2048; i++) {
      if (i > 0) data.append(',');
      data.append("{\"k\":\"note-").append(i).append("\",\"v\":").append(i * 37).append(".25}");
    }
    data.append("]}");
    body = envelope + data + "}";
    prettyBody = pretty(body);
    prepared =
        "createdAt=2019-02-25T16:13:12.278Z&data=" + data + "&id=fDOuTy95uSiTi&livemode=true&object=event"
            + "&pendingWebhooks=0&type=charge.succeeded&key=" + KEY;
    md5 = MessageDigest.getInstance("MD5");
    expectedDigest = md5.digest(prepared.getBytes(StandardCharsets.UTF_8));
    signature = hex(expectedDigest);
    if (!signature.equals(QbitPayWebhook.signature(body, KEY))
        || !signature.equals(QbitPayWebhook.signature(prettyBody, KEY))) {
      throw new IllegalStateException("the prepared signing string does not match the SDK's");
    }
    int bytes = body.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < 2048 || bytes > 2100) throw new IllegalStateException("body is " + bytes + " bytes");
  }

  /** Indents JSON outside strings, as a pretty-printing proxy or framework would. */
  private static String pretty(String json) {
    StringBuilder out = new StringBuilder(json.length() * 2);
    boolean inString = false;
    int depth = 0;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      out.append(c);
      if (inString) {
        if (c == '\\') {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else {
        switch (c) {
          case '"':
            inString = true;
            break;
          case '{':
          case '[':
            depth++;
            newline(out, depth);
            break;
          case ',':
            newline(out, depth);
            break;
          case ':':
            out.append(' ');
            break;
          default:
            break;
        }
      }
      if (!inString && i + 1 < json.length() && (json.charAt(i + 1) == '}' || json.charAt(i + 1) == ']')) {
        depth--;
        newline(out, depth);
      }
    }
    return out.toString();
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n');
    for (int i = 0; i < depth; i++) out.append("  ");
  }

  private String localize(String json) {
    if (text.equals("cjk")) return json;
    return json.replace("张三", "Zhang San").replace("中国银行", "Bank of China").replace("银行卡", "Yinhangka");
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String hex(byte[] digest) {
    StringBuilder out = new StringBuilder(32);
    for (byte b : digest) out.append(String.format("%02X", b));
    return out.toString();
  }

  @Benchmark
  public Event constructEvent(CpuCounter cpu) {
    cpu.calls++;
    return QbitPayWebhook.constructEvent(body, signature, KEY);
  }

  @Benchmark
  public Event constructEventPrettyPrinted(CpuCounter cpu) {
    cpu.calls++;
    return QbitPayWebhook.constructEvent(prettyBody, signature, KEY);
  }

  @Benchmark
  public boolean rawMd5OfPreparedString(CpuCounter cpu) {
    cpu.calls++;
    return MessageDigest.isEqual(expectedDigest, md5.digest(prepared.getBytes(StandardCharsets.UTF_8)));
  }
}
