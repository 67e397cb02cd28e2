package io.github.wazodeb.maven;

import io.github.wazodeb.provd.ProvdListener;
import org.apache.maven.plugin.logging.Log;

/** Shows a provd command's progress and its Python targets' output in the Maven log, one whole line at a time. */
final class ProvdLogListener implements ProvdListener {

    private final Log log;

    ProvdLogListener(Log log) {
        this.log = log;
    }

    @Override
    public synchronized void progress(String message) {
        log.info(message);
    }

    @Override
    public synchronized void warning(String message) {
        log.warn(message);
    }

    @Override
    public synchronized void targetOutput(String target, String line) {
        log.info("[" + target + "] " + line);
    }
}
