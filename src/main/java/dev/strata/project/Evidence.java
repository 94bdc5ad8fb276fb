package dev.strata.project;

/**
 * What decided a layer's status: a file (relative to the project root, "/" separated), the line
 * (1-based, 0 when the whole file is the evidence) and a short statement of what was found.
 */
public record Evidence(String file, int line, String statement) {}
