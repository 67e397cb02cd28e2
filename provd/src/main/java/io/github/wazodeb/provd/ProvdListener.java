package io.github.wazodeb.provd;

/**
 * Where the provisioning-plugin commands report what they do, so each host (the CLI, Maven, an embedding
 * tool) shows it its own way. Calls may come from a helper thread; implementations must be thread-safe.
 */
public interface ProvdListener {

    /** A listener that ignores everything. */
    ProvdListener SILENT = new ProvdListener() {
    };

    /** A stage or a result ({@code "wazo_acme target v1: copied in-process"}). */
    default void progress(String message) {
    }

    /** Something allowed but worth a look ({@code --allow-external-links}'s links), formatted as a problem line. */
    default void warning(String message) {
    }

    /** A line printed by a target that runs through Python. */
    default void targetOutput(String target, String line) {
    }
}
