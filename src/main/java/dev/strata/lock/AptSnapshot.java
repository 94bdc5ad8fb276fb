package dev.strata.lock;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The archive snapshot that still serves the apt versions locked: the time the image was built,
 * as a snapshot.debian.org / snapshot.ubuntu.com timestamp.
 *
 * @param distribution {@code debian} or {@code ubuntu}
 * @param timestamp {@code YYYYMMDDTHHMMSSZ}
 * @param url the snapshot archive URL to put in sources.list
 */
@JsonPropertyOrder({"distribution", "timestamp", "url"})
public record AptSnapshot(String distribution, String timestamp, String url) {}
