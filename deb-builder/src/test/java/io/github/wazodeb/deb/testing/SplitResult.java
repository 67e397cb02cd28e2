package io.github.wazodeb.deb.testing;

import java.util.List;

/**
 * How an external command ended, with what it wrote to standard output and to standard error kept apart:
 * for tests that read one stream exactly, or that require the other to stay empty. A non-zero exit is a
 * result like any other, for the test to assert on.
 *
 * @param command the command line, for messages
 * @param exitCode the process's exit code
 * @param stdout what it wrote to standard output
 * @param stderr what it wrote to standard error
 */
public record SplitResult(List<String> command, int exitCode, String stdout, String stderr) {

    public SplitResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** For assertion messages: the command, its exit code and both streams. */
    public String describe() {
        return String.join(" ", command) + " exited " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
    }

    @Override
    public String toString() {
        return describe();
    }
}
