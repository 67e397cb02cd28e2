package io.github.wazodeb.provd.model;

import java.util.Objects;

/**
 * One {@code @target('<target id>', '<plugin id>'[, std_dirs=...])} of a family's {@code build.py} and the
 * function it decorates.
 *
 * @param id the target id, as the build script's command line names it
 * @param pluginId the published plugin id: the archive's top folder and the plugin's key in {@code plugins.db}
 * @param standardDirectories whether the build adds the empty {@code var/...} folders ({@code std_dirs})
 * @param line the decorator's line in {@code build.py}
 */
public record TargetDeclaration(String id, String pluginId, boolean standardDirectories, int line,
        TargetRecipe recipe) {

    public TargetDeclaration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(recipe, "recipe");
    }

    /** The archive's name without its version: the plugin id with {@code _} turned into {@code -}. */
    public String archiveBaseName() {
        return pluginId.replace('_', '-');
    }
}
