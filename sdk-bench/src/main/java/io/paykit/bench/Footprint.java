package io.paykit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures what PayKit adds to an application: the sdk-core jar and the runtime dependencies a
 * consumer gets (optional ones, such as BouncyCastle, are listed apart: a consumer does not inherit
 * them).
 *
 * <p>Usage: {@code java -cp <classpath> io.paykit.bench.Footprint <sdk-core jar> <dependency list>
 * <resultFile>}, the list being {@code mvn -pl sdk-core dependency:list -DincludeScope=runtime
 * -DoutputAbsoluteArtifactFilename=true -DoutputFile=…}.
 */
public final class Footprint {
  private Footprint() {}

  public static void main(String[] args) throws IOException {
    Path jar = Paths.get(args[0]);
    List<String> lines = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
    List<String> runtime = new ArrayList<>();
    List<String> optional = new ArrayList<>();
    long runtimeBytes = 0;
    for (String line : lines) {
      String t = line.trim();
      // group:artifact:type:version:scope:/absolute/path.jar [(optional)] [-- module …]
      String[] parts = t.split(":", 6);
      if (parts.length < 6 || !(parts[4].equals("compile") || parts[4].equals("runtime"))) continue;
      String rest = parts[5];
      int cut = rest.indexOf(".jar");
      if (cut < 0) continue;
      Path file = Paths.get(rest.substring(0, cut + 4));
      long size = Files.size(file);
      String name = parts[1] + " " + parts[3] + String.format(Locale.ROOT, " %,d KB", size / 1024);
      if (rest.contains("(optional)")) {
        optional.add(name);
      } else {
        runtime.add(name);
        runtimeBytes += size;
      }
    }
    String json =
        String.format(
            Locale.ROOT,
            "{\"sdkCoreJar\":\"%s\",\"sdkCoreJarBytes\":%d,\"runtimeDepCount\":%d,\"runtimeDepBytes\":%d,"
                + "\"runtimeDeps\":\"%s\",\"optionalDeps\":\"%s\"}",
            jar.getFileName(), Files.size(jar), runtime.size(), runtimeBytes, String.join(", ", runtime),
            String.join(", ", optional));
    System.out.println(json);
    Files.write(Paths.get(args[2]), (json + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
