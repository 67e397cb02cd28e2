package io.github.wazodeb.maven;

import java.nio.file.Path;
import java.util.Map;

/**
 * Remembers, in the plugin context Maven keeps per project, which plugin directory {@code wazo:validate}
 * already checked, so that {@code wazo:package} in the same build does not log the same warnings again.
 */
final class ValidatedPlugins {

    private static final String KEY = "io.github.wazodeb.validatedPluginDirectory";

    private ValidatedPlugins() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // Maven's plugin context is a raw Map.
    static void remember(Map context, Path directory) {
        if (context != null) {
            context.put(KEY, directory.toString());
        }
    }

    static boolean wasValidated(Map<?, ?> context, Path directory) {
        return context != null && directory.toString().equals(context.get(KEY));
    }
}
