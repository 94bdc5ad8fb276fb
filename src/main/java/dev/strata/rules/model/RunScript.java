package dev.strata.rules.model;

import dev.strata.shell.Script;

/**
 * A RUN instruction split into simple commands by the shell parser, with the variables known
 * where it runs substituted into its words.
 */
public record RunScript(Step step, Script script) {}
