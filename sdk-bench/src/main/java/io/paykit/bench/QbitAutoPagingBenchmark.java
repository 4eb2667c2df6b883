package io.paykit.bench;

import io.paykit.page.Page;
import io.paykit.qbitpay.Charge;
import io.paykit.qbitpay.QbitPayWebhook;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Auto-paging throughput (items/s) over Qbit Pay charges held in memory: 100 pages of 100 distinct
 * charges, each page handed out by an in-memory {@link Page.Fetcher} as the client's cursor would,
 * against a raw nested loop over the same pre-built lists. No network, no JSON: this measures the
 * paging machinery itself.
 *
 * <p>Run: {@code java -cp <classpath> org.openjdk.jmh.Main QbitAutoPaging -f 1 -wi 2 -w 1s -i 3 -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class QbitAutoPagingBenchmark {
  static final int PAGES = 100;
  static final int PAGE_SIZE = 100;
  static final int ITEMS = PAGES * PAGE_SIZE;

  private List<List<Charge>> pages;

  @Setup
  public void setUp() {
    String key = "T9uTy95uSifOOuTy";
    pages = new ArrayList<>(PAGES);
    for (int p = 0; p < PAGES; p++) {
      List<Charge> page = new ArrayList<>(PAGE_SIZE);
      for (int i = 0; i < PAGE_SIZE; i++) {
        String id = "c" + (p * PAGE_SIZE + i);
        String body =
            "{\"id\":\"evt_" + id + "\",\"type\":\"charge.succeeded\",\"object\":\"event\",\"data\":"
                + "{\"id\":\"" + id + "\",\"object\":\"charge\",\"createdAt\":\"2019-02-25T16:13:12.278Z\","
                + "\"paid\":false,\"status\":\"pending\",\"amount\":1000,\"currency\":\"USD\","
                + "\"externalOrderId\":\"DTSifOuTy95ui\"}}";
        // The public way to obtain Charge objects without a network: verified webhook events.
        page.add(QbitPayWebhook.constructEvent(body, QbitPayWebhook.signature(body, key), key).getCharge());
      }
      pages.add(page);
    }
  }

  private Page<Charge> page(int index) {
    return Page.of(
        pages.get(index),
        index < PAGES - 1,
        false,
        new Page.Fetcher<Charge>() {
          @Override
          public Page<Charge> fetchNext() {
            return page(index + 1);
          }

          @Override
          public Page<Charge> fetchPrevious() {
            return Page.empty(true);
          }
        });
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public void autoPagingIterable(Blackhole bh, CpuCounter cpu) {
    cpu.calls += ITEMS;
    for (Charge c : page(0).autoPagingIterable()) bh.consume(c);
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public void autoPagingStream(Blackhole bh, CpuCounter cpu) {
    cpu.calls += ITEMS;
    page(0).autoPagingStream().forEach(bh::consume);
  }

  @Benchmark
  @OperationsPerInvocation(ITEMS)
  public void rawNestedLoop(Blackhole bh, CpuCounter cpu) {
    cpu.calls += ITEMS;
    for (List<Charge> page : pages) {
      for (Charge c : page) bh.consume(c);
    }
  }
}
