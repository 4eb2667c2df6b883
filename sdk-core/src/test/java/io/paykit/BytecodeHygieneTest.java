package io.paykit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * sdk-core is Java 8 bytecode, which has no nestmates: a private member used across a nest costs a
 * synthetic {@code access$NNN} method (jar size, Android dex methods). CONTRIBUTING.md asks for
 * package-private instead; this keeps it so.
 */
class BytecodeHygieneTest {
  @Test
  void noSyntheticAccessors() throws Exception {
    Path classes =
        Paths.get(PayKitException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
    }
    assertTrue(files.size() > 100, "found " + files.size() + " classes under " + classes);
    List<String> offenders =
        files.stream()
            .filter(BytecodeHygieneTest::declaresAccessor)
            .map(p -> classes.relativize(p).toString())
            .collect(Collectors.toList());
    assertEquals(java.util.Collections.emptyList(), offenders, "classes with synthetic access$ methods");
  }

  private static boolean declaresAccessor(Path file) {
    try {
      // Method names live in the constant pool as plain modified-UTF-8 text.
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("access$");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
