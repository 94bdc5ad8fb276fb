package dev.strata.rules;

import dev.strata.project.Layer;

/**
 * What a rule is, independent of any input: the metadata reports and docs are built from.
 *
 * @param id the slug id (also the docs page name: docs/rules/&lt;id&gt;.md)
 * @param hadolint the equivalent hadolint id, or null
 * @param severity the default severity
 * @param layer the repository layer the rule protects
 * @param title one sentence: what the rule fires on
 */
public record RuleInfo(String id, String hadolint, Severity severity, Layer layer, String title) {}
