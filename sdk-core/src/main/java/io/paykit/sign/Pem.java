package io.paykit.sign;

import java.util.Base64;

/**
 * Reads the first PEM block of a text, or bare Base64, and the strict Base64 of signatures. Error
 * messages describe the structure only: key text never reaches a message, not even one character of
 * it.
 */
final class Pem {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  /** A decoded PEM block: its label (e.g. {@code PRIVATE KEY}) and DER body. */
  static final class Block {
    final String type;
    final byte[] der;

    Block(String type, byte[] der) {
      this.type = type;
      this.der = der;
    }
  }

  private Pem() {}

  static boolean isPem(String text) {
    return text.contains(BEGIN);
  }

  /**
   * Parses the first PEM block in {@code text}; anything before it (such as OpenSSL's "Bag
   * Attributes") is ignored.
   *
   * @param what names the key for messages, e.g. "RSA private key"
   */
  static Block parse(String text, String what) {
    int begin = text.indexOf(BEGIN);
    int labelEnd = text.indexOf(DASHES, begin + BEGIN.length());
    if (begin < 0 || labelEnd < 0) {
      throw invalid(what, "the PEM BEGIN line is malformed");
    }
    String type = text.substring(begin + BEGIN.length(), labelEnd);
    if (!isLabel(type)) {
      throw invalid(what, "the PEM BEGIN line is malformed");
    }
    String endLine = END + type + DASHES;
    int bodyStart = labelEnd + DASHES.length();
    int end = text.indexOf(endLine, bodyStart);
    if (end < 0) {
      throw invalid(what, "the PEM block '" + type + "' has no matching END line");
    }
    String body = text.substring(bodyStart, end);
    if (body.indexOf(':') >= 0) {
      throw invalid(
          what,
          "PEM headers (Proc-Type / DEK-Info) mean an encrypted key, which is not supported;"
              + " decrypt it first, e.g. with 'openssl pkey'");
    }
    byte[] der = base64OrNull(body);
    if (der == null || der.length == 0) {
      throw invalid(what, "the body of the PEM block '" + type + "' is not valid Base64");
    }
    return new Block(type, der);
  }

  /** Decodes standard Base64 with any whitespace removed, or returns null if it is not Base64. */
  static byte[] base64OrNull(String text) {
    StringBuilder compact = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        compact.append(c);
      }
    }
    try {
      return Base64.getDecoder().decode(compact.toString());
    } catch (IllegalArgumentException e) {
      // Its message quotes the offending character, a piece of the key: drop it.
      return null;
    }
  }

  /**
   * Decodes padded standard Base64 as signatures travel, or returns null for anything else. The JDK
   * decoder would also take unpadded text; refusing it keeps one accepted spelling per signature.
   * Here beside the lenient key reader rather than in a class of its own: one class fewer in the jar.
   */
  static byte[] signatureOrNull(String text) {
    if (text.length() % 4 != 0) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static IllegalArgumentException invalid(String what, String reason) {
    return new IllegalArgumentException("Invalid " + what + ": " + reason);
  }

  static IllegalArgumentException invalid(String what, String reason, Throwable cause) {
    return new IllegalArgumentException("Invalid " + what + ": " + reason, cause);
  }

  /** PEM labels are short upper-case words; anything else is not echoed back into a message. */
  private static boolean isLabel(String type) {
    if (type.isEmpty() || type.length() > 40) {
      return false;
    }
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != ' ' && c != '#') {
        return false;
      }
    }
    return true;
  }
}
