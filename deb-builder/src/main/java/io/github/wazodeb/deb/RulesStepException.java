package io.github.wazodeb.deb;

import java.util.List;
import java.util.OptionalInt;

/** A {@code wazo/rules} step failed, timed out or could not start. */
public class RulesStepException extends BuildException {

    private final RulesStep step;
    private final OptionalInt exitStatus;
    private final boolean timedOut;
    private final List<String> lastLines;

    public RulesStepException(String message, RulesStep step, OptionalInt exitStatus, boolean timedOut,
            List<String> lastLines) {
        super(message);
        this.step = step;
        this.exitStatus = exitStatus;
        this.timedOut = timedOut;
        this.lastLines = List.copyOf(lastLines);
    }

    public RulesStep step() {
        return step;
    }

    /** The exit status, absent when the step never finished on its own (timed out) or never started. */
    public OptionalInt exitStatus() {
        return exitStatus;
    }

    public boolean timedOut() {
        return timedOut;
    }

    /** The last lines the step printed (standard output and error interleaved), oldest first. */
    public List<String> lastLines() {
        return lastLines;
    }
}
