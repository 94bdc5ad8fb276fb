package dev.strata.compare;

/**
 * A difference a noise rule set aside.
 *
 * @param subject the path (or "label:NAME" for labels) that differed
 * @param change added, removed or changed
 * @param rule the rule that set it aside
 */
public record NoiseHit(String subject, String change, NoiseRule rule) {}
