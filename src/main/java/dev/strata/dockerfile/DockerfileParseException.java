package dev.strata.dockerfile;

/**
 * A Dockerfile that cannot be read or parsed, located at a 1-based line and column.
 * {@link #getMessage()} is {@code file:line:column: reason}.
 */
public final class DockerfileParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String reason;

  public DockerfileParseException(String file, int line, int column, String reason) {
    super(file + ":" + line + ":" + column + ": " + reason);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without the location prefix. */
  public String reason() {
    return reason;
  }
}
