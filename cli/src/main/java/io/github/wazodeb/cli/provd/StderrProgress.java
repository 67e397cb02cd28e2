package io.github.wazodeb.cli.provd;

import io.github.wazodeb.provd.ProvdListener;
import java.io.PrintWriter;

/** Shows a provd command's progress and its Python targets' output on standard error. */
final class StderrProgress implements ProvdListener {

    private final PrintWriter err;
    private final boolean quiet;

    StderrProgress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public synchronized void progress(String message) {
        if (!quiet) {
            err.println("wazo-deb: " + message);
            err.flush();
        }
    }

    @Override
    public synchronized void warning(String message) {
        err.println(message);
        err.flush();
    }

    @Override
    public synchronized void targetOutput(String target, String line) {
        if (!quiet) {
            err.println("  [" + target + "] " + line);
            err.flush();
        }
    }
}
