package dev.strata.dockerfile;

/** Go's notions of white space and string quoting, which BuildKit's parser relies on. */
final class GoText {
  private GoText() {}

  /** Go's {@code unicode.IsSpace}. */
  static boolean isSpace(char c) {
    if (c > ' ' && c < 0x85) {
      return false;
    }
    switch (c) {
      case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0x85: case 0xA0:
        return true;
      default:
        if (c <= 0xFF) {
          return false;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR;
    }
  }

  /** The characters of BuildKit's {@code reWhitespace}: {@code [\t\v\f\r ]}. */
  static boolean isAsciiBlank(char c) {
    return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** The characters of Go RE2's {@code \s}: {@code [\t\n\f\r ]}. */
  static boolean isRe2Space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  /** Go's {@code strconv.Quote} for a valid Unicode string. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    appendQuoted(out, s);
    return out.toString();
  }

  static void appendQuoted(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"': out.append("\\\""); continue;
        case '\\': out.append("\\\\"); continue;
        case 0x07: out.append("\\a"); continue;
        case '\b': out.append("\\b"); continue;
        case '\f': out.append("\\f"); continue;
        case '\n': out.append("\\n"); continue;
        case '\r': out.append("\\r"); continue;
        case '\t': out.append("\\t"); continue;
        case 0x0B: out.append("\\v"); continue;
        default:
          break;
      }
      if (isPrint(cp)) {
        out.appendCodePoint(cp);
      } else if (cp < ' ' || cp == 0x7F) {
        out.append("\\x").append(hex(cp, 2));
      } else if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
        // A lone surrogate cannot be encoded in UTF-8; Go would print the replacement rune.
        out.append('\uFFFD');
      } else if (cp < 0x10000) {
        out.append("\\u").append(hex(cp, 4));
      } else {
        out.append("\\U").append(hex(cp, 8));
      }
    }
    out.append('"');
  }

  private static String hex(int v, int digits) {
    String h = Integer.toHexString(v);
    return "0".repeat(Math.max(0, digits - h.length())) + h;
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  static boolean isPrint(int cp) {
    if (cp < 0x80) {
      return cp >= 0x20 && cp < 0x7F;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER: case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER: case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER: case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK: case Character.COMBINING_SPACING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER: case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER: case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION: case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION: case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION: case Character.OTHER_PUNCTUATION:
      case Character.MATH_SYMBOL: case Character.CURRENCY_SYMBOL:
      case Character.MODIFIER_SYMBOL: case Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }
}
