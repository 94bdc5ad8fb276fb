package dev.strata.project;

/**
 * A conda match spec from an environment.yml {@code dependencies:} list.
 *
 * @param channel  {@code channel::} prefix, "" if none
 * @param name     package name
 * @param version  version part as written ({@code "1.21.5"}, {@code ">=1.2"}, {@code "3.9.*"}), ""
 * @param build    build string ({@code "py39h…"}), "" if none
 * @param pinned   one exact version: {@code name==V}, {@code name=V=build}, {@code name V build},
 *                 {@code name V} (space form means ==), or {@code name=V} with a full version of at
 *                 least three parts and no wildcard (conda reads {@code =V} as the prefix
 *                 {@code V*}, which for a full release only admits its rebuilds)
 * @param spec     the spec as written
 */
public record CondaDependency(String file, int line, String channel, String name, String version,
        String build, boolean pinned, String spec) {}
