package dev.strata.compare;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A runtime-config field that differs.
 *
 * @param field one of env, entrypoint, cmd, user, workdir, exposed-ports, volumes, labels,
 *     platform, stop-signal, healthcheck, shell, onbuild
 * @param key for map- or set-valued fields, the variable / label / port / volume that differs;
 *     null for whole-value fields
 * @param from value in A (JSON; null when absent)
 * @param to value in B (JSON; null when absent)
 */
public record ConfigChange(String field, String key, JsonNode from, JsonNode to) implements Cause {
    @Override
    public String kind() {
        return "config-changed";
    }
}
