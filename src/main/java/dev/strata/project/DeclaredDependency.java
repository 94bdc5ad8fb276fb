package dev.strata.project;

/**
 * A dependency a manifest declares (pyproject.toml, Pipfile, DESCRIPTION, Project.toml,
 * environment.yml, requirements.in): where, and its name as written.
 */
public record DeclaredDependency(String file, int line, String name) {}
