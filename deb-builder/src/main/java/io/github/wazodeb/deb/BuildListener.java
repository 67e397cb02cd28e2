package io.github.wazodeb.deb;

import io.github.wazodeb.model.Problem;

/**
 * Where a build reports what it does, so each host shows it its own way (Maven's log, the CLI's standard
 * error, an embedding tool's UI). Calls may come from several threads of one build (a step's standard
 * output and error are read concurrently), so implementations must be thread-safe. Every method does
 * nothing by default.
 */
public interface BuildListener {

    /** A listener that ignores everything. */
    BuildListener SILENT = new BuildListener() {
    };

    /** A stage of the build starts ({@code "Running wazo/rules build"}, {@code "Writing ..."}). */
    default void progress(String message) {
    }

    /** A line a rules step printed, without its line terminator. */
    default void rulesOutput(RulesStep step, String line) {
    }

    /** A warning about the plugin that does not stop the build. */
    default void warning(Problem problem) {
    }

    /**
     * A warning about the build itself that does not change its outcome (an entry left out of the working
     * copy, a staging directory that could not be removed after the package was written).
     */
    default void warning(String message) {
    }
}
