package dev.strata.image;

/**
 * An image could not be read: malformed, truncated, hostile or inconsistent input. The message
 * names the file or blob and the reason, and is fit to show a user as is (exit code 2).
 */
public class ImageReadException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImageReadException(String message) {
        super(message);
    }

    public ImageReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
