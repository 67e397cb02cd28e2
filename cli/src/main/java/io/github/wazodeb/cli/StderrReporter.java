package io.github.wazodeb.cli;

import io.github.wazodeb.deb.BuildListener;
import io.github.wazodeb.deb.BuildResult;
import io.github.wazodeb.deb.RulesStep;
import io.github.wazodeb.model.Problem;
import java.io.PrintWriter;
import java.util.Locale;

/** Shows a build's progress on standard error: each stage, the steps' own output, then the result. */
final class StderrReporter implements BuildListener {

    private final PrintWriter err;
    private final boolean quiet;

    StderrReporter(PrintWriter err, boolean quiet) {
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
    public synchronized void rulesOutput(RulesStep step, String line) {
        if (!quiet) {
            err.println("  " + line);
            err.flush();
        }
    }

    @Override
    public synchronized void warning(Problem problem) {
        err.println(problem.format());
        err.flush();
    }

    @Override
    public synchronized void warning(String message) {
        err.println("wazo-deb: warning: " + message);
        err.flush();
    }

    synchronized void built(BuildResult result) {
        if (!quiet) {
            err.println("wazo-deb: built " + result.debFile().getFileName() + " (" + humanSize(result.size())
                    + ", sha256 " + result.sha256() + ")");
            err.flush();
        }
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
