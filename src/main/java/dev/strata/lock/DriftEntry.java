package dev.strata.lock;

/**
 * The drift of one locked input.
 *
 * @param kind {@code image}, {@code download}, {@code git} or {@code package}
 * @param subject what it is: image reference, URL, {@code url#ref}, {@code ecosystem:name}
 * @param status ok, moved, gone or unchecked
 * @param locked what the lock says (digest, sha256, commit, version)
 * @param current what the world says now, or null when nothing answers
 * @param detail one sentence explaining the status
 */
public record DriftEntry(String kind, String subject, DriftStatus status, String locked, String current, String detail) {}
