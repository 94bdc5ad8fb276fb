package dev.strata.lock;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One platform of a multi-platform base image.
 *
 * @param platform {@code os/arch[/variant]}
 * @param digest that platform's manifest digest
 */
@JsonPropertyOrder({"platform", "digest"})
public record PlatformLock(String platform, String digest) {}
