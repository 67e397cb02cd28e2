package io.github.wazodeb.deb;

import io.github.wazodeb.model.InvalidPluginException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Turns a Wazo plugin directory into its Debian package, as wazo-plugind would build it on a server:
 *
 * <pre>{@code
 * BuildResult result = new DebBuilder(BuildOptions.builder().outputDirectory(out).build())
 *         .build(Path.of("my-plugin"));
 * }</pre>
 *
 * Immutable and thread-safe: one builder may run several builds at once, each with its own staging.
 */
public final class DebBuilder {

    private final BuildOptions options;

    public DebBuilder(BuildOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public BuildOptions options() {
        return options;
    }

    /**
     * Validates, runs the rules steps, stages and writes the package.
     *
     * @throws InvalidPluginException the plugin directory breaks the rules; nothing ran
     * @throws BuildException a rules step failed or I/O did; no package, temporary file or staging is left
     */
    public BuildResult build(Path pluginDirectory) throws InvalidPluginException, BuildException {
        throw new UnsupportedOperationException("being written");
    }
}
