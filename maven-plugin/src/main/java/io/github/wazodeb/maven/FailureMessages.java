package io.github.wazodeb.maven;

import io.github.wazodeb.deb.RulesStepException;
import io.github.wazodeb.deb.UnusableOptionException;
import io.github.wazodeb.model.Problem;
import java.nio.file.Path;
import java.util.List;

/** The text of each build failure a user can fix, shaped for Maven's error summary. */
final class FailureMessages {

    private FailureMessages() {
    }

    /** One line per problem, each with its file, line, key and rule, under the directory they are about. */
    static String invalidPlugin(Path pluginDirectory, List<Problem> errors) {
        StringBuilder text = new StringBuilder("Invalid Wazo plugin in ").append(pluginDirectory)
                .append(" (").append(errors.size()).append(errors.size() == 1 ? " problem" : " problems").append("):");
        for (Problem problem : errors) {
            text.append(System.lineSeparator()).append("  ").append(problem.format());
        }
        return text.toString();
    }

    /** Names the step, how it ended and the last lines it printed. */
    static String failedStep(Path pluginDirectory, RulesStepException failure) {
        String step = "wazo/rules " + failure.step().argument();
        StringBuilder text = new StringBuilder();
        if (failure.timedOut()) {
            text.append(step).append(" timed out (see <stepTimeout>, property wazo.stepTimeout)");
        } else if (failure.exitStatus().isPresent()) {
            text.append(step).append(" failed with exit status ").append(failure.exitStatus().getAsInt());
        } else {
            text.append(step).append(" could not run: ").append(failure.getMessage());
        }
        text.append(" in ").append(pluginDirectory);
        if (!failure.lastLines().isEmpty()) {
            text.append(System.lineSeparator()).append("Last lines it printed:");
            for (String line : failure.lastLines()) {
                text.append(System.lineSeparator()).append("  ").append(line);
            }
        }
        return text.toString();
    }

    /** The message, and the parameter to change with its property. */
    static String unusableOption(UnusableOptionException failure) {
        String parameter = switch (failure.option()) {
            case OUTPUT_DIRECTORY -> "<outputDirectory> (property wazo.outputDirectory)";
            case TEMPORARY_DIRECTORY -> "the JVM's java.io.tmpdir";
        };
        return failure.getMessage() + ": change " + parameter;
    }

    /**
     * Running out of heap, in one sentence that says how to give Maven's JVM more (MAVEN_OPTS, or the
     * project's .mvn/jvm.config): four times what it had, at least 1 GiB.
     */
    static String outOfMemory(Path pluginDirectory, long maxHeapBytes) {
        long mib = maxHeapBytes / (1024 * 1024);
        long suggestedGib = Math.max(1, (mib * 4 + 1023) / 1024);
        return "Could not package " + pluginDirectory + ": ran out of memory (Maven's JVM may use at most " + mib
                + " MiB); give it more with MAVEN_OPTS=-Xmx" + suggestedGib + "g (or -Xmx" + suggestedGib
                + "g in .mvn/jvm.config)";
    }
}
