package dev.strata.packages;

/**
 * A package database found in an image that could not be read: an unsupported format (Berkeley DB
 * or NDB rpmdb), malformed content, or a file too large to capture. Reported, never skipped silently.
 *
 * @param path the database file
 * @param problem what is wrong, in a sentence
 */
public record DatabaseIssue(String path, String problem) {}
