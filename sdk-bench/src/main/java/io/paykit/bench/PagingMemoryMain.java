package io.paykit.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.paykit.bench.baseline.BaselineQbit;
import io.paykit.qbitpay.Charge;
import io.paykit.qbitpay.ChargeListParams;
import io.paykit.qbitpay.QbitPayClient;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import okhttp3.OkHttpClient;

/**
 * Auto-pages 1,000,000 Qbit Pay charges (10,000 pages of 100 over loopback HTTP) in a small heap and
 * reports the heap it needed: run it with {@code -Xmx64m}. It must complete; a client that kept
 * earlier pages reachable would run out of memory.
 *
 * <p>Reported: items/s, the peak heap in use (sum of the heap pools' peaks, garbage included, so
 * bounded by -Xmx), the peak live heap (the largest heap in use just after any collection: what paging
 * really retains), GC count and time.
 *
 * <p>Usage: {@code java -Xmx64m -cp <classpath> io.paykit.bench.PagingMemoryMain paykit|baseline
 * [items] [baseUrl] [resultFile]}; without a base URL it starts its own loopback server.
 */
public final class PagingMemoryMain {
  private PagingMemoryMain() {}

  public static void main(String[] args) throws Exception {
    String side = args.length > 0 ? args[0] : "paykit";
    long items = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    LoopbackServer own = args.length > 2 ? null : LoopbackServer.start();
    String baseUrl = own != null ? own.baseUrl() : args[2];
    List<MemoryPoolMXBean> heap = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) heap.add(pool);
    }
    AtomicLong peakLive = new AtomicLong();
    watchLiveHeap(heap, peakLive);
    long start = System.nanoTime();
    long seen;
    OkHttpClient http = null;
    if (side.equals("paykit")) {
      QbitPayClient client = QbitPayClient.builder().apiKey(Canned.QBIT_API_KEY).baseUrl(baseUrl).build();
      seen = 0;
      long sink = 0;
      for (Charge c : client.listCharges(ChargeListParams.builder().limit(Canned.PAGE_SIZE).build())
          .autoPagingIterable()) {
        sink += c.getId().length();
        ++seen;
        if (seen == items) break;
      }
      if (sink == 0) throw new IllegalStateException("nothing read");
    } else if (side.equals("baseline")) {
      http = new OkHttpClient();
      BaselineQbit baseline = new BaselineQbit(http, baseUrl, Canned.QBIT_API_KEY, Gateways.userAgent("qbitpay"));
      seen = 0;
      long sink = 0;
      String after = null;
      outer:
      while (true) {
        List<BaselineQbit.Charge> data = baseline.listCharges(Canned.PAGE_SIZE, after).data;
        for (BaselineQbit.Charge c : data) {
          sink += c.id.length();
          if (++seen == items) break outer;
        }
        after = data.get(data.size() - 1).id;
      }
      if (sink == 0) throw new IllegalStateException("nothing read");
    } else {
      throw new IllegalArgumentException("side must be paykit or baseline: " + side);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peakUsed = 0;
    for (MemoryPoolMXBean pool : heap) peakUsed += pool.getPeakUsage().getUsed();
    long gcCount = 0;
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    String json =
        String.format(
            "{\"side\":\"%s\",\"items\":%d,\"seconds\":%.3f,\"itemsPerSecond\":%.0f,\"maxHeapBytes\":%d,"
                + "\"peakUsedBytes\":%d,\"peakLiveAfterGcBytes\":%d,\"gcCount\":%d,\"gcMillis\":%d}",
            side, seen, seconds, seen / seconds, Runtime.getRuntime().maxMemory(), peakUsed, peakLive.get(),
            gcCount, gcMillis);
    System.out.println(json);
    if (args.length > 3) Files.write(Paths.get(args[3]), (json + "\n").getBytes(StandardCharsets.UTF_8));
    if (http != null) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    if (own != null) own.close();
    if (seen != items) throw new IllegalStateException("walked " + seen + " of " + items);
  }

  /**
   * Records, after every collection, the heap still in use (all heap pools): the part paging keeps
   * alive. A listener rather than polling, so no collection is missed.
   */
  private static void watchLiveHeap(List<MemoryPoolMXBean> heap, AtomicLong peakLive) {
    Set<String> heapPools = new HashSet<>();
    for (MemoryPoolMXBean pool : heap) heapPools.add(pool.getName());
    NotificationListener listener =
        (notification, handback) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
          }
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long live = 0;
          for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) live += e.getValue().getUsed();
          }
          peakLive.accumulateAndGet(live, Math::max);
        };
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
    }
  }

}
