package dev.strata.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON array of strings the way BuildKit's {@code parseJSON} does with Go's
 * {@code encoding/json}: the whole text must be one valid JSON value (nesting at most 10000
 * deep) followed only by JSON white space; then every element must be a string. Hand-written
 * and iterative, so deeply nested or huge input cannot overflow the stack or backtrack.
 */
final class JsonArray {
  private static final int MAX_DEPTH = 10000;

  /** Outcome of reading: valid array of strings, valid JSON that is not, or not JSON. */
  enum Kind { STRINGS, NOT_STRING_ARRAY, INVALID }

  /** One string element: its decoded value and the range of its literal (quotes included). */
  record Element(String value, int start, int end) {}

  record Result(Kind kind, List<Element> elements) {}

  private static final Result INVALID = new Result(Kind.INVALID, List.of());
  private static final Result NOT_STRINGS = new Result(Kind.NOT_STRING_ARRAY, List.of());

  private final String text;
  private final int end;
  private int pos;

  private JsonArray(String text, int start, int end) {
    this.text = text;
    this.pos = start;
    this.end = end;
  }

  /** Reads {@code text[start, end)}, which starts with {@code '['}. */
  static Result read(String text, int start, int end) {
    return new JsonArray(text, start, end).read();
  }

  private Result read() {
    List<Element> elements = new ArrayList<>();
    boolean allStrings = true;
    // Explicit stack of open containers: '[' or '{'. The outer array is depth 1.
    char[] stack = new char[16];
    int depth = 0;
    // state: expecting a value (after '[' or ',' or ':'), or after a value
    boolean expectValue = true;
    boolean allowClose = false; // an empty container may close right after opening
    boolean expectKey = false;
    if (pos >= end || text.charAt(pos) != '[') {
      return INVALID;
    }
    while (true) {
      skipWhitespace();
      if (pos >= end) {
        return INVALID;
      }
      char c = text.charAt(pos);
      if (expectValue) {
        if (allowClose && (c == ']' && stack[depth - 1] == '[' || c == '}' && stack[depth - 1] == '{')) {
          pos++;
          depth--;
          allowClose = false;
          expectValue = false;
          if (depth == 0) {
            break;
          }
          continue;
        }
        allowClose = false;
        if (expectKey) {
          if (c != '"' || skipString() < 0) {
            return INVALID;
          }
          skipWhitespace();
          if (pos >= end || text.charAt(pos) != ':') {
            return INVALID;
          }
          pos++;
          expectKey = false;
          continue;
        }
        int valueStart = pos;
        if (c == '[' || c == '{') {
          if (depth >= MAX_DEPTH) {
            return INVALID;
          }
          if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, depth * 2);
          }
          stack[depth++] = c;
          pos++;
          if (depth == 2) {
            allStrings = false;
          }
          if (depth == 1) {
            expectValue = true;
          } else {
            expectValue = true;
          }
          allowClose = true;
          expectKey = c == '{';
          continue;
        }
        if (c == '"') {
          if (depth == 1) {
            String value = decodeString();
            if (value == null) {
              return INVALID;
            }
            elements.add(new Element(value, valueStart, pos));
          } else if (skipString() < 0) {
            return INVALID;
          }
        } else if (!skipLiteralOrNumber()) {
          return INVALID;
        } else if (depth == 1) {
          allStrings = false;
        }
        expectValue = false;
        continue;
      }
      // after a value: ',' or the closing bracket of the current container
      char open = stack[depth - 1];
      if (c == ',') {
        pos++;
        expectValue = true;
        expectKey = open == '{';
        continue;
      }
      if (c == ']' && open == '[' || c == '}' && open == '{') {
        pos++;
        depth--;
        if (depth == 0) {
          break;
        }
        continue;
      }
      return INVALID;
    }
    skipWhitespace();
    if (pos != end) {
      return INVALID;
    }
    return allStrings ? new Result(Kind.STRINGS, elements) : NOT_STRINGS;
  }

  private void skipWhitespace() {
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }

  private boolean skipLiteralOrNumber() {
    if (text.startsWith("true", pos) && pos + 4 <= end) {
      pos += 4;
      return true;
    }
    if (text.startsWith("false", pos) && pos + 5 <= end) {
      pos += 5;
      return true;
    }
    if (text.startsWith("null", pos) && pos + 4 <= end) {
      pos += 4;
      return true;
    }
    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    int p = pos;
    if (p < end && text.charAt(p) == '-') {
      p++;
    }
    if (p >= end) {
      return false;
    }
    char c = text.charAt(p);
    if (c == '0') {
      p++;
    } else if (c >= '1' && c <= '9') {
      while (p < end && isDigit(text.charAt(p))) {
        p++;
      }
    } else {
      return false;
    }
    if (p < end && text.charAt(p) == '.') {
      p++;
      int digits = p;
      while (p < end && isDigit(text.charAt(p))) {
        p++;
      }
      if (p == digits) {
        return false;
      }
    }
    if (p < end && (text.charAt(p) == 'e' || text.charAt(p) == 'E')) {
      p++;
      if (p < end && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
        p++;
      }
      int digits = p;
      while (p < end && isDigit(text.charAt(p))) {
        p++;
      }
      if (p == digits) {
        return false;
      }
    }
    pos = p;
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Skips a string literal at {@code pos}; returns -1 when it is malformed. */
  private int skipString() {
    return decodeString() == null ? -1 : pos;
  }

  /** Decodes the string literal at {@code pos} (a {@code '"'}), or null when malformed. */
  private String decodeString() {
    StringBuilder out = new StringBuilder();
    pos++;
    while (pos < end) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        return null;
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= end) {
        return null;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"': case '\\': case '/': out.append(e); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case 'u': {
          int u = hex4(pos);
          if (u < 0) {
            return null;
          }
          pos += 4;
          if (Character.isSurrogate((char) u)) {
            int low = pos + 6 <= end && text.charAt(pos) == '\\' && text.charAt(pos + 1) == 'u'
                ? hex4(pos + 2) : -1;
            if (Character.isHighSurrogate((char) u) && low >= 0
                && Character.isLowSurrogate((char) low)) {
              out.append((char) u).append((char) low);
              pos += 6;
            } else {
              out.append('\uFFFD');
            }
          } else {
            out.append((char) u);
          }
          break;
        }
        default:
          return null;
      }
    }
    return null;
  }

  private int hex4(int at) {
    if (at + 4 > end) {
      return -1;
    }
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      int d = Character.digit(text.charAt(i), 16);
      if (d < 0 || text.charAt(i) > 'f') {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }
}
