package dev.strata.compare;

/** A {@code .strata.yaml} compare section is malformed; the message names the file and key. */
public class NoiseConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoiseConfigException(String message) {
        super(message);
    }
}
