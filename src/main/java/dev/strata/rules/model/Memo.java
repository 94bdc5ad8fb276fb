package dev.strata.rules.model;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Derived analyses of one model (package installs, downloads, ...) computed once and shared by the
 * rules that need them. Not thread-safe: a model is checked by one thread.
 */
public final class Memo {
    private final Map<String, Object> values = new HashMap<>();

    /** The value for {@code key}, computed by {@code compute} the first time. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        Object v = values.get(key);
        if (v == null) {
            v = compute.get();
            values.put(key, v);
        }
        return (T) v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Memo;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
