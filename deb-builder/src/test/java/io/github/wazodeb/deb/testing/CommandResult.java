package io.github.wazodeb.deb.testing;

import java.util.List;

/**
 * How an external command ended: its exit code and what it printed, standard output and error
 * interleaved as they came. A non-zero exit is a result like any other, for the test to assert on.
 *
 * @param command the command line, for messages
 * @param exitCode the process's exit code
 * @param output everything it printed
 */
public record CommandResult(List<String> command, int exitCode, String output) {

    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** For assertion messages: the command, its exit code and its output. */
    public String describe() {
        return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
    }

    @Override
    public String toString() {
        return describe();
    }
}
