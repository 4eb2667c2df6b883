package io.paykit.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Starts {@link ColdStartPayKit} and {@link ColdStartBaseline} as separate JVMs, alternately, {@code
 * runs} times each (after one discarded warm-up launch of each, so both find the jars in the page
 * cache), and writes the median, minimum and maximum of three figures per side:
 *
 * <ul>
 *   <li>{@code jvmMs}: JVM start (as the JVM records it) to the first createCharge response, the
 *       headline cold-start figure;
 *   <li>{@code mainMs}: {@code main} entry to the response ({@link System#nanoTime()}): class loading
 *       and initialisation of the client plus the call;
 *   <li>{@code processMs}: launch to exit as this runner sees it.
 * </ul>
 *
 * <p>Usage: {@code java -cp <classpath> io.paykit.bench.ColdStartRunner <classpath> <baseUrl> <runs>
 * <resultFile>}
 */
public final class ColdStartRunner {
  private ColdStartRunner() {}

  public static void main(String[] args) throws Exception {
    String classpath = args[0];
    String baseUrl = args[1];
    int runs = Integer.parseInt(args[2]);
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    String userAgent = Gateways.userAgent("qbitpay");
    String[][] sides = {
      {"paykit", ColdStartPayKit.class.getName()},
      {"baseline", ColdStartBaseline.class.getName()},
    };
    double[][][] figures = new double[2][3][runs];
    for (int run = -1; run < runs; run++) {
      for (int s = 0; s < 2; s++) {
        List<String> cmd =
            new ArrayList<>(Arrays.asList(java, "-Dpaykit.userAgent=" + userAgent, "-cp", classpath, sides[s][1], baseUrl));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String line;
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          while ((line = r.readLine()) != null) {
            all.append(line).append('\n');
            if (line.startsWith("coldstart ")) result = line;
          }
        }
        int exit = p.waitFor();
        double processMs = (System.nanoTime() - start) / 1e6;
        if (exit != 0 || result == null) {
          throw new IllegalStateException(sides[s][0] + " cold start failed (exit " + exit + "):\n" + all);
        }
        if (run < 0) continue;
        String[] parts = result.split(" ");
        figures[s][0][run] = Double.parseDouble(parts[3]);
        figures[s][1][run] = Double.parseDouble(parts[2]);
        figures[s][2][run] = processMs;
      }
    }
    String[] names = {"jvmMs", "mainMs", "processMs"};
    StringBuilder json = new StringBuilder("{\"runs\":").append(runs);
    for (int s = 0; s < 2; s++) {
      json.append(",\"").append(sides[s][0]).append("\":{");
      for (int f = 0; f < 3; f++) {
        double[] v = figures[s][f].clone();
        Arrays.sort(v);
        if (f > 0) json.append(',');
        json.append(String.format(Locale.ROOT, "\"%s\":{\"median\":%.1f,\"min\":%.1f,\"max\":%.1f,\"all\":%s}",
            names[f], median(v), v[0], v[v.length - 1], Arrays.toString(figures[s][f])));
      }
      json.append('}');
    }
    json.append('}');
    System.out.println(json);
    Files.write(Paths.get(args[3]), (json + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
