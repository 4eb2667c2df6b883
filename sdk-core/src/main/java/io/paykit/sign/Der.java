package io.paykit.sign;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Just enough DER to tell key formats apart, read algorithm identifiers, and wrap PKCS#1 RSA keys
 * into PKCS#8 / SubjectPublicKeyInfo without BouncyCastle (which is optional for RSA users).
 */
final class Der {
  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OID = 0x06;
  static final int SEQUENCE = 0x30;

  private Der() {}

  /** Thrown for any structural problem; callers turn it into a message that says which key was bad. */
  static final class DerException extends Exception {
    private static final long serialVersionUID = 1L;

    DerException(String message) {
      super(message);
    }
  }

  /** One TLV element, a view into the encoded bytes. */
  static final class Element {
    final int tag;
    private final byte[] buffer;
    private final int start;
    final int offset;
    final int length;

    Element(int tag, byte[] buffer, int start, int offset, int length) {
      this.tag = tag;
      this.buffer = buffer;
      this.start = start;
      this.offset = offset;
      this.length = length;
    }

    /** The whole element, header included, as it was encoded. */
    byte[] encoded() {
      byte[] copy = new byte[offset + length - start];
      System.arraycopy(buffer, start, copy, 0, copy.length);
      return copy;
    }

    byte[] value() {
      byte[] copy = new byte[length];
      System.arraycopy(buffer, offset, copy, 0, length);
      return copy;
    }

    /** The elements inside a constructed element (SEQUENCE, context tags). */
    List<Element> children() throws DerException {
      if ((tag & 0x20) == 0) {
        throw new DerException("expected a constructed DER element");
      }
      List<Element> children = new ArrayList<>();
      int position = offset;
      int end = offset + length;
      while (position < end) {
        Element child = read(buffer, position, end);
        children.add(child);
        position = child.offset + child.length;
      }
      return Collections.unmodifiableList(children);
    }

    BigInteger integer() throws DerException {
      expect(INTEGER);
      if (length == 0) {
        throw new DerException("empty DER INTEGER");
      }
      return new BigInteger(value());
    }

    String oid() throws DerException {
      expect(OID);
      if (length == 0) {
        throw new DerException("empty DER OBJECT IDENTIFIER");
      }
      StringBuilder out = new StringBuilder();
      long arc = 0;
      boolean first = true;
      for (int i = offset; i < offset + length; i++) {
        int b = buffer[i] & 0xff;
        if (arc > (Long.MAX_VALUE >> 7)) {
          throw new DerException("DER OBJECT IDENTIFIER arc too large");
        }
        arc = (arc << 7) | (b & 0x7f);
        if ((b & 0x80) == 0) {
          if (first) {
            int top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
            out.append(top).append('.').append(arc - 40L * top);
            first = false;
          } else {
            out.append('.').append(arc);
          }
          arc = 0;
        } else if (i == offset + length - 1) {
          throw new DerException("truncated DER OBJECT IDENTIFIER");
        }
      }
      return out.toString();
    }

    void expect(int expectedTag) throws DerException {
      if (tag != expectedTag) {
        throw new DerException(
            String.format("expected DER tag 0x%02x but found 0x%02x", expectedTag, tag));
      }
    }
  }

  /** Parses {@code der}, which must hold exactly one element and nothing after it. */
  static Element parse(byte[] der) throws DerException {
    Element element = read(der, 0, der.length);
    if (element.offset + element.length != der.length) {
      throw new DerException("trailing bytes after the DER structure");
    }
    return element;
  }

  static Element read(byte[] buffer, int position, int end) throws DerException {
    if (end - position < 2) {
      throw new DerException("truncated DER element");
    }
    int start = position;
    int tag = buffer[position++] & 0xff;
    if ((tag & 0x1f) == 0x1f) {
      throw new DerException("unsupported DER high tag number");
    }
    int first = buffer[position++] & 0xff;
    int length;
    if (first < 0x80) {
      length = first;
    } else {
      int count = first & 0x7f;
      if (count == 0 || count > 4) {
        throw new DerException("unsupported DER length encoding");
      }
      if (end - position < count) {
        throw new DerException("truncated DER length");
      }
      long value = 0;
      for (int i = 0; i < count; i++) {
        value = (value << 8) | (buffer[position++] & 0xff);
      }
      if (value > Integer.MAX_VALUE) {
        throw new DerException("DER length too large");
      }
      length = (int) value;
    }
    if (length > end - position) {
      throw new DerException("truncated DER element");
    }
    return new Element(tag, buffer, start, position, length);
  }

  // Writer: only what wrapping keys needs.

  static byte[] sequence(byte[]... parts) {
    return tlv(SEQUENCE, parts);
  }

  static byte[] integer(BigInteger value) {
    return tlv(INTEGER, value.toByteArray());
  }

  static byte[] octetString(byte[] value) {
    return tlv(OCTET_STRING, value);
  }

  /** A BIT STRING with no unused bits, the only kind keys use. */
  static byte[] bitString(byte[] value) {
    return tlv(BIT_STRING, new byte[] {0}, value);
  }

  static byte[] nullValue() {
    return new byte[] {NULL, 0};
  }

  /** Encodes a dotted OID such as {@code 1.2.840.113549.1.1.1}. */
  static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeBase128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      writeBase128(out, Long.parseLong(arcs[i]));
    }
    return tlv(OID, out.toByteArray());
  }

  /** An explicit context-specific tag [n] around already-encoded content. */
  static byte[] contextTag(int number, byte[] content) {
    return tlv(0xa0 | number, content);
  }

  static byte[] tlv(int tag, byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
    out.write(tag);
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    for (byte[] part : parts) {
      out.write(part, 0, part.length);
    }
    return out.toByteArray();
  }

  private static void writeBase128(ByteArrayOutputStream out, long value) {
    int groups = 1;
    for (long v = value >>> 7; v != 0; v >>>= 7) {
      groups++;
    }
    for (int i = groups - 1; i >= 0; i--) {
      int b = (int) ((value >>> (7 * i)) & 0x7f);
      out.write(i == 0 ? b : b | 0x80);
    }
  }
}
