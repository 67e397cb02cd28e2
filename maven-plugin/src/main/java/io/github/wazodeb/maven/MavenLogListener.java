package io.github.wazodeb.maven;

import io.github.wazodeb.deb.BuildListener;
import io.github.wazodeb.deb.RulesStep;
import io.github.wazodeb.model.Problem;
import java.util.Objects;
import org.apache.maven.plugin.logging.Log;

/**
 * Shows a build's progress, its rules steps' output and its warnings in the Maven log. A step's standard
 * output and error arrive on different threads, and Maven's {@link Log} promises nothing about
 * concurrent callers, so every call holds this listener's lock: lines come out whole, one at a time.
 */
final class MavenLogListener implements BuildListener {

    private final Log log;
    private final boolean logWarnings;

    MavenLogListener(Log log) {
        this(log, true);
    }

    /** @param logWarnings false where {@code wazo:validate} already logged this plugin's warnings */
    MavenLogListener(Log log, boolean logWarnings) {
        this.log = Objects.requireNonNull(log, "log");
        this.logWarnings = logWarnings;
    }

    @Override
    public synchronized void progress(String message) {
        log.info(message);
    }

    @Override
    public synchronized void rulesOutput(RulesStep step, String line) {
        log.info("[rules " + step.argument() + "] " + line);
    }

    @Override
    public synchronized void warning(Problem problem) {
        if (logWarnings) {
            log.warn(problem.format());
        }
    }

    @Override
    public synchronized void warning(String message) {
        log.warn(message);
    }
}
