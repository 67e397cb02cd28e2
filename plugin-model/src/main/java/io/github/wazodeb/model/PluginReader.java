package io.github.wazodeb.model;

import java.nio.file.Path;

/**
 * Reads and validates a plugin directory: {@code wazo/plugin.yml} against the packaging contract, and
 * {@code wazo/rules} for presence and the executable bit. Stateless and thread-safe.
 */
public final class PluginReader {

    /** The metadata file, relative to the plugin directory, as problems name it. */
    public static final String PLUGIN_YML = "wazo/plugin.yml";
    /** The rules script, relative to the plugin directory. */
    public static final String RULES = "wazo/rules";

    private PluginReader() {
    }

    /**
     * Reads {@code dir/wazo/plugin.yml} and checks {@code dir/wazo/rules}. Never throws for bad input:
     * every problem, including an unreadable or missing file, is in the report.
     */
    public static PluginReport readDirectory(Path dir) {
        throw new UnsupportedOperationException("being written");
    }

    /**
     * Validates the text of a {@code plugin.yml}; {@code fileName} is how problems name the file. Checks
     * nothing on disk.
     */
    public static PluginReport readYaml(String yaml, String fileName) {
        throw new UnsupportedOperationException("being written");
    }
}
