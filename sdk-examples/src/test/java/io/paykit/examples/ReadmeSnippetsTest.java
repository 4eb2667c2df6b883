package io.paykit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: every {@code java} block in it is a region of a source file the build
 * compiles, the sandbox snippet runs, and the README's version is the pom's.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Paths.get("..");
  private static final Path[] SNIPPET_SOURCES = {
    Paths.get("src/test/java/io/paykit/examples/ReadmeSnippets.java"),
    ROOT.resolve("sdk-android/src/test/java/io/paykit/android/ReadmeSnippets.java"),
  };

  @Test
  void everyJavaBlockInTheReadmeIsCompiledCode() throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    for (Path source : SNIPPET_SOURCES) regions.putAll(regions(read(source)));
    List<String> blocks = javaBlocks(read(ROOT.resolve("README.md")));

    assertTrue(blocks.size() >= 8, "the README should show its snippets; found " + blocks.size());
    for (String block : blocks) {
      assertTrue(regions.containsValue(block), "README block is not compiled code:\n" + block);
    }
    for (Map.Entry<String, String> region : regions.entrySet()) {
      assertTrue(blocks.contains(region.getValue()), "snippet " + region.getKey() + " is not in the README");
    }
  }

  @Test
  void theSandboxSnippetRuns() {
    new ReadmeSnippets().merchantTestAgainstTheSandbox();
  }

  @Test
  void readmeVersionIsThePomVersion() throws IOException {
    String pom = read(ROOT.resolve("pom.xml"));
    Matcher v = Pattern.compile("<artifactId>paykit-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertTrue(v.find());
    String readme = read(ROOT.resolve("README.md"));
    Matcher shown = Pattern.compile("<version>([^<]+)</version>").matcher(readme);
    int count = 0;
    while (shown.find()) {
      assertEquals(v.group(1), shown.group(1), "README install snippet");
      count++;
    }
    assertTrue(count >= 1, "README has no Maven install snippet");
    assertTrue(readme.contains("Version: `" + v.group(1) + "`"));
    assertTrue(readme.contains("io.paykit:paykit-core:" + v.group(1)), "README Gradle snippet");
    assertTrue(read(ROOT.resolve("CHANGELOG.md")).contains("[" + v.group(1) + "]"), "CHANGELOG has the version");
    assertFalse(readme.contains("TODO"));
  }

  static Map<String, String> regions(String source) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?s)// README:(\\w+)\\n(.*?)\\n[ \\t]*// README:end").matcher(source);
    while (m.find()) out.put(m.group(1), dedent(m.group(2)));
    return out;
  }

  static List<String> javaBlocks(String markdown) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?s)```java\\n(.*?)\\n```").matcher(markdown);
    while (m.find()) out.add(dedent(m.group(1)));
    return out;
  }

  static String dedent(String text) {
    String[] lines = text.split("\n", -1);
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (line.trim().isEmpty()) continue;
      int i = 0;
      while (i < line.length() && line.charAt(i) == ' ') i++;
      indent = Math.min(indent, i);
    }
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      if (sb.length() > 0) sb.append('\n');
      sb.append(line.length() >= indent ? line.substring(indent) : line.trim());
    }
    return sb.toString().replaceAll("[ \\t]+\\n", "\n").trim();
  }

  private static String read(Path path) throws IOException {
    return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
  }
}
