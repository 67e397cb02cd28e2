package io.github.wazodeb.provd.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A plugin's {@code plugin-info}: its version, and every field as written, which {@code plugins.db}
 * repeats whole.
 *
 * @param version the {@code version} field, the only place a plugin's version is written
 * @param fields every top-level field, in file order, as plain Java values (maps, lists, strings, numbers,
 *     booleans, null)
 * @param lines the 1-based line of each top-level key, for messages
 */
public record PluginInfo(PluginVersion version, Map<String, Object> fields, Map<String, Integer> lines) {

    public PluginInfo {
        Objects.requireNonNull(version, "version");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        lines = Map.copyOf(lines);
    }

    /** The line of {@code key}, or 0 when it is not in the file. */
    public int lineOf(String key) {
        return lines.getOrDefault(key, 0);
    }
}
