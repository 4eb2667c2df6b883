package io.paykit.qbitpay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a webhook body the way Qbit Pay signs it: the top-level members of one JSON object, each
 * value rendered as the Node.js signer renders it. Strings are their decoded text; numbers keep their
 * original text ({@code 1000} stays {@code 1000}, never {@code 1000.0}); booleans are {@code
 * true}/{@code false}; objects and arrays become compact JSON in their original key order, strings
 * escaped as {@code JSON.stringify} escapes them. Whitespace between tokens (a pretty-printed body)
 * does not change the result.
 *
 * <p>A single-pass reader over the text, written here because re-serializing through a Java object
 * model would reorder keys and rewrite numbers. Three depths of reading, cheapest first: {@link
 * #parseAssumingDataLast} does not read {@code data} at all, {@link #parseObject} only finds where a
 * compact nested value ends and cuts it out, {@link #parseObjectStrictly} validates every token and
 * rebuilds nested values. A value with whitespace or escapes to normalize is always rebuilt. Raw
 * control characters inside strings are not rejected: the gateway escapes them, so a body holding
 * them cannot match its signature anyway. Thread-safe: every parse uses its own state.
 */
final class WebhookJson {
  /** JSON kinds of a top-level member. */
  enum Kind {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL,
    OBJECT,
    ARRAY
  }

  /** A body that is not one well-formed JSON object; the message names what is wrong, not the data. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  /** One top-level member: its kind and its text as signed (null for JSON null). */
  static final class Member {
    final String name;
    final Kind kind;
    final String text;

    Member(String name, Kind kind, String text) {
      this.name = name;
      this.kind = kind;
      this.text = text;
    }
  }

  static final int MAX_DEPTH = 64;

  private final String s;
  private final int length;
  private int pos;
  /**
   * The index of the next backslash at or after the string being scanned ({@code length} when there
   * is none, -1 when unknown): strings are found with {@link String#indexOf(int, int)}, which the JVM
   * vectorizes, and one backslash search serves every string up to it.
   */
  private int nextBackslash = -1;

  private final Mode mode;

  private WebhookJson(String body, Mode mode) {
    this.s = body;
    this.length = body.length();
    this.mode = mode;
  }

  /** How much of a nested value is read. */
  private enum Mode {
    /** {@code data}, when it is the last member, is taken as is: see {@link #parseAssumingDataLast}. */
    DATA_LAST,
    /** A compact nested value is checked for balanced brackets and closed strings, then cut out. */
    SCAN,
    /** Every nested token is validated against JSON's grammar. */
    STRICT
  }

  /**
   * Parses the usual gateway body, {@code JSON.stringify} output whose last member is {@code data},
   * without reading {@code data}: its text is taken to be everything from its opening bracket to the
   * last bracket before the body's closing brace. Returns null when the body does not have that shape
   * or fails a check below; the caller then parses with {@link #parseObject}.
   *
   * <p>Only a matching signature makes the result trustworthy, and the checks make a match prove that
   * {@code data} is exactly the text the gateway signed: (1) no other member's name or value holds a
   * bracket, so every bracket of our signing string before the {@code &key=} suffix lies in {@code
   * data}, which starts and ends with one; the gateway's string is the same string, so its {@code
   * data} starts and ends at the same places, unless (2) its brackets belong to more than one nested
   * member, which would put a closing bracket right before an {@code &} inside our {@code data}: so
   * {@code data} must not hold {@code }&} or {@code ]&}. Genuine bodies pass (event ids, types,
   * dates, counts and flags hold no brackets); any other body takes the full parse.
   */
  static List<Member> parseAssumingDataLast(String body) {
    try {
      List<Member> members = new WebhookJson(body, Mode.DATA_LAST).topLevel();
      boolean sawData = false;
      for (Member m : members) {
        if (m.name.equals("data") && (m.kind == Kind.OBJECT || m.kind == Kind.ARRAY)) {
          sawData = true;
        } else if (hasBracket(m.name) || (m.text != null && hasBracket(m.text))) {
          return null;
        }
      }
      return sawData ? members : null;
    } catch (MalformedException e) {
      return null;
    }
  }

  private static boolean hasBracket(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '}' || c == '[' || c == ']') return true;
    }
    return false;
  }

  /**
   * Parses a body that must be exactly one JSON object, members in order. A nested value that is
   * already compact is only checked for balanced brackets and closed strings, then cut out as is;
   * call {@link #parseObjectStrictly} to validate every token, e.g. to explain why a signature did
   * not match.
   *
   * @throws MalformedException if it is not, or repeats a top-level key
   */
  static List<Member> parseObject(String body) throws MalformedException {
    return new WebhookJson(body, Mode.SCAN).topLevel();
  }

  /**
   * Parses like {@link #parseObject} but validates nested values against JSON's grammar too.
   *
   * @throws MalformedException if the body is not one well-formed JSON object
   */
  static List<Member> parseObjectStrictly(String body) throws MalformedException {
    return new WebhookJson(body, Mode.STRICT).topLevel();
  }

  /** Returns the members as the name → text map the signature is computed over. */
  static Map<String, String> signingValues(List<Member> members) {
    Map<String, String> values = new HashMap<>(members.size() * 2);
    for (Member m : members) values.put(m.name, m.text);
    return values;
  }

  private List<Member> topLevel() throws MalformedException {
    if (length > 0 && s.charAt(0) == '\uFEFF') pos = 1;
    skipWhitespace();
    if (pos >= length) throw new MalformedException("the body is empty");
    if (s.charAt(pos) != '{') throw new MalformedException("the body is not a JSON object");
    pos++;
    List<Member> members = new ArrayList<>(8);
    skipWhitespace();
    if (peek() == '}') {
      pos++;
    } else {
      while (true) {
        skipWhitespace();
        if (peek() != '"') throw error("expected a member name");
        String name = decodeString();
        for (Member m : members) {
          if (m.name.equals(name)) throw new MalformedException("the body repeats a top-level key");
        }
        skipWhitespace();
        expect(':');
        skipWhitespace();
        members.add(member(name));
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == '}') break;
        if (c != ',') throw error("expected ',' or '}'", pos - 1);
      }
    }
    skipWhitespace();
    if (pos != length) throw error("unexpected text after the JSON object");
    // Package-private and never handed out: a plain list keeps the callers' loops monomorphic.
    return members;
  }

  private Member member(String name) throws MalformedException {
    char c = peek();
    switch (c) {
      case '"':
        return new Member(name, Kind.STRING, decodeString());
      case '{':
      case '[':
        {
          Kind kind = c == '{' ? Kind.OBJECT : Kind.ARRAY;
          int start = pos;
          int end;
          if (mode == Mode.DATA_LAST && name.equals("data")) {
            end = dataLastEnd(start, c == '{' ? '}' : ']');
          } else {
            end = mode == Mode.STRICT ? -1 : compactEnd(start);
          }
          if (end > 0) {
            pos = end;
            return new Member(name, kind, s.substring(start, end));
          }
          nextBackslash = -1;
          StringBuilder out = new StringBuilder(length - start);
          compactValue(out, 1);
          return new Member(name, kind, out.toString());
        }
      case 't':
        literal("true");
        return new Member(name, Kind.BOOLEAN, "true");
      case 'f':
        literal("false");
        return new Member(name, Kind.BOOLEAN, "false");
      case 'n':
        literal("null");
        return new Member(name, Kind.NULL, null);
      default:
        int start = pos;
        number();
        return new Member(name, Kind.NUMBER, s.substring(start, pos));
    }
  }

  /**
   * Returns the index just after a value that runs to the last bracket before the body's closing
   * brace, as {@link #parseAssumingDataLast} assumes.
   *
   * @throws MalformedException if the body does not have that shape (the caller gives up on it)
   */
  private int dataLastEnd(int start, char close) throws MalformedException {
    int last = length - 1;
    while (last > start && s.charAt(last) <= ' ') last--;
    if (s.charAt(last) != '}') throw error("no closing brace");
    int end = last - 1;
    while (end > start && s.charAt(end) <= ' ') end--;
    if (end <= start || s.charAt(end) != close) throw error("data is not the last member");
    // JSON.stringify output holds no raw line break: this is a pretty-printed body.
    if (s.indexOf('\n', start) >= 0) throw error("data is not compact");
    for (int amp = s.indexOf('&', start); amp >= 0 && amp < end; amp = s.indexOf('&', amp + 1)) {
      char before = s.charAt(amp - 1);
      if (before == '}' || before == ']') throw error("data holds a closing bracket before '&'");
    }
    return end + 1;
  }

  /**
   * Returns the index just after the object or array starting at {@code start} when its text is
   * already compact (no whitespace between tokens, no escape in a string), or -1 when it is not and
   * must be rebuilt. Only brackets and string boundaries are checked here: a value the gateway did not
   * produce with {@code JSON.stringify} cannot match its signature anyway.
   *
   * @throws MalformedException on an unterminated string, nesting deeper than {@link #MAX_DEPTH} or
   *     a body that ends inside the value
   */
  private int compactEnd(int start) throws MalformedException {
    String text = s;
    int n = length;
    int depth = 0;
    for (int i = start; i < n; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        int open = i;
        for (i++; i < n; i++) {
          char d = text.charAt(i);
          if (d == '"') break;
          if (d == '\\') return -1;
        }
        if (i >= n) throw error("unterminated string", open);
      } else if (c == '{' || c == '[') {
        if (++depth > MAX_DEPTH) throw error("JSON nested too deeply", i);
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return i + 1;
      } else if (c <= ' ') {
        return -1;
      }
    }
    throw error("unexpected end of the body");
  }

  /** Validates the value at {@code pos} and rebuilds it as compact JSON. */
  private void compactValue(StringBuilder out, int depth) throws MalformedException {
    char c = peek();
    switch (c) {
      case '{':
        if (depth > MAX_DEPTH) throw error("JSON nested too deeply");
        pos++;
        out.append('{');
        skipWhitespace();
        if (peek() == '}') {
          pos++;
          out.append('}');
          return;
        }
        while (true) {
          skipWhitespace();
          if (peek() != '"') throw error("expected a member name");
          compactString(out);
          skipWhitespace();
          expect(':');
          out.append(':');
          skipWhitespace();
          compactValue(out, depth + 1);
          skipWhitespace();
          char next = peek();
          pos++;
          if (next == '}') {
            out.append('}');
            return;
          }
          if (next != ',') throw error("expected ',' or '}'", pos - 1);
          out.append(',');
        }
      case '[':
        if (depth > MAX_DEPTH) throw error("JSON nested too deeply");
        pos++;
        out.append('[');
        skipWhitespace();
        if (peek() == ']') {
          pos++;
          out.append(']');
          return;
        }
        while (true) {
          skipWhitespace();
          compactValue(out, depth + 1);
          skipWhitespace();
          char next = peek();
          pos++;
          if (next == ']') {
            out.append(']');
            return;
          }
          if (next != ',') throw error("expected ',' or ']'", pos - 1);
          out.append(',');
        }
      case '"':
        compactString(out);
        return;
      case 't':
        literal("true");
        out.append("true");
        return;
      case 'f':
        literal("false");
        out.append("false");
        return;
      case 'n':
        literal("null");
        out.append("null");
        return;
      default:
        int start = pos;
        number();
        out.append(s, start, pos);
    }
  }

  /** Scans a number with JSON's grammar and leaves its text untouched. */
  private void number() throws MalformedException {
    int start = pos;
    if (pos < length && s.charAt(pos) == '-') pos++;
    if (pos < length && s.charAt(pos) == '0') {
      pos++;
    } else if (pos < length && s.charAt(pos) >= '1' && s.charAt(pos) <= '9') {
      digits();
    } else {
      throw error("expected a value", start);
    }
    if (pos < length && s.charAt(pos) == '.') {
      pos++;
      if (digits() == 0) throw error("expected a digit after '.'");
    }
    if (pos < length && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      pos++;
      if (pos < length && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
      if (digits() == 0) throw error("expected a digit in the exponent");
    }
  }

  private int digits() {
    int start = pos;
    while (pos < length && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
    return pos - start;
  }

  /** Returns the decoded text of the string at {@code pos}. */
  private String decodeString() throws MalformedException {
    int start = pos + 1;
    int end = plainStringEnd(start);
    if (end >= 0) {
      pos = end + 1;
      return s.substring(start, end);
    }
    StringBuilder out = new StringBuilder();
    decodeInto(out);
    return out.toString();
  }

  /** Appends the string at {@code pos} as {@code JSON.stringify} would write it. */
  private void compactString(StringBuilder out) throws MalformedException {
    int start = pos;
    int end = plainStringEnd(start + 1);
    if (end >= 0) {
      out.append(s, start, end + 1);
      pos = end + 1;
      return;
    }
    StringBuilder decoded = new StringBuilder();
    decodeInto(decoded);
    out.append('"');
    escapeLikeJavaScript(decoded, out);
    out.append('"');
  }

  /**
   * Returns the index of the closing quote of a string without escapes, whose raw text is its
   * decoded text, or -1 when the string holds a backslash.
   *
   * <p>Raw control characters and lone surrogates, which JSON.stringify would have escaped, are not
   * looked for: the gateway never sends them, and a string holding them cannot match its signature.
   *
   * @throws MalformedException on a missing closing quote
   */
  private int plainStringEnd(int start) throws MalformedException {
    int quote = s.indexOf('"', start);
    if (quote < 0) throw error("unterminated string", start - 1);
    if (nextBackslash < start) {
      int backslash = s.indexOf('\\', start);
      nextBackslash = backslash < 0 ? length : backslash;
    }
    return nextBackslash < quote ? -1 : quote;
  }

  /** Decodes the string at {@code pos} into {@code out}. */
  private void decodeInto(StringBuilder out) throws MalformedException {
    int start = pos;
    pos++;
    while (true) {
      if (pos >= length) throw error("unterminated string", start);
      char c = s.charAt(pos++);
      if (c == '"') return;
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= length) throw error("unterminated string", start);
      char e = s.charAt(pos++);
      char decoded;
      switch (e) {
        case '"':
        case '\\':
        case '/':
          decoded = e;
          break;
        case 'b':
          decoded = '\b';
          break;
        case 'f':
          decoded = '\f';
          break;
        case 'n':
          decoded = '\n';
          break;
        case 'r':
          decoded = '\r';
          break;
        case 't':
          decoded = '\t';
          break;
        case 'u':
          if (pos + 4 > length) throw error("bad \\u escape", pos - 2);
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0) throw error("bad \\u escape", pos - 2);
            code = (code << 4) | d;
          }
          pos += 4;
          decoded = (char) code;
          break;
        default:
          throw error("bad escape", pos - 2);
      }
      out.append(decoded);
    }
  }

  /**
   * Escapes like ECMAScript's {@code JSON.stringify}: quote, backslash, the short escapes for \b \f \n
   * \r \t, a backslash-u escape with four lowercase hex digits for other control characters and for
   * lone surrogates; everything else, U+2028/U+2029 and non-ASCII included, as is.
   */
  static void escapeLikeJavaScript(CharSequence text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            appendUnicodeEscape(c, out);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            appendUnicodeEscape(c, out);
          } else {
            out.append(c);
          }
      }
    }
  }

  private static void appendUnicodeEscape(char c, StringBuilder out) {
    String hex = Integer.toHexString(c);
    out.append("\\u");
    for (int i = hex.length(); i < 4; i++) out.append('0');
    out.append(hex);
  }

  private void literal(String word) throws MalformedException {
    int n = word.length();
    if (pos + n > length) throw error("expected a value");
    for (int i = 0; i < n; i++) {
      if (s.charAt(pos + i) != word.charAt(i)) throw error("expected a value");
    }
    pos += n;
  }

  private void expect(char c) throws MalformedException {
    if (peek() != c) throw error("expected '" + c + "'");
    pos++;
  }

  private char peek() throws MalformedException {
    if (pos >= length) throw error("unexpected end of the body");
    return s.charAt(pos);
  }

  /** Skips JSON whitespace; returns whether there was any. */
  private boolean skipWhitespace() {
    int start = pos;
    while (pos < length) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
      pos++;
    }
    return pos != start;
  }

  private MalformedException error(String what) {
    return error(what, pos);
  }

  private static MalformedException error(String what, int at) {
    return new MalformedException(what + " at offset " + at);
  }
}
