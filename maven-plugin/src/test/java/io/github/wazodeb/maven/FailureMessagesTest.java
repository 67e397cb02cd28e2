package io.github.wazodeb.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.RulesStep;
import io.github.wazodeb.deb.RulesStepException;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FailureMessagesTest {

    private static final Path DIR = Path.of("/src/my-plugin");

    @Test
    void invalidPluginListsEveryProblemOnItsOwnLine() {
        Problem name = new Problem(Severity.ERROR, "wazo/plugin.yml", 2, 7, "name", "no_underscore",
                "must match ^[a-z0-9-]+$ (lower-case letters, digits and '-')");
        Problem version = new Problem(Severity.ERROR, "wazo/plugin.yml", 0, 0, "version", null, "is required");

        String message = FailureMessages.invalidPlugin(DIR, List.of(name, version));

        assertThat(message.lines()).containsExactly(
                "Invalid Wazo plugin in /src/my-plugin (2 problems):",
                "  " + name.format(),
                "  " + version.format());
    }

    @Test
    void failedStepNamesTheStepItsExitStatusAndItsLastLines() {
        RulesStepException failure = new RulesStepException("failed", RulesStep.BUILD, OptionalInt.of(3), false,
                List.of("compiling", "error: boom"));

        assertThat(FailureMessages.failedStep(DIR, failure).lines()).containsExactly(
                "wazo/rules build failed with exit status 3 in /src/my-plugin",
                "Last lines it printed:",
                "  compiling",
                "  error: boom");
    }

    @Test
    void timedOutStepPointsAtTheTimeoutParameter() {
        RulesStepException failure = new RulesStepException("timed out", RulesStep.PACKAGE, OptionalInt.empty(),
                true, List.of());

        assertThat(FailureMessages.failedStep(DIR, failure))
                .isEqualTo("wazo/rules package timed out (see <stepTimeout>, property wazo.stepTimeout)"
                        + " in /src/my-plugin");
    }

    @Test
    void stepThatCouldNotStartSaysWhy() {
        RulesStepException failure = new RulesStepException("Permission denied", RulesStep.BUILD,
                OptionalInt.empty(), false, List.of());

        assertThat(FailureMessages.failedStep(DIR, failure)).startsWith("wazo/rules build could not run: Permission denied");
    }

    @Test
    void runningOutOfMemoryIsOneSentenceThatNamesMavenOpts() {
        String message = FailureMessages.outOfMemory(DIR, 512L * 1024 * 1024);

        assertThat(message).isEqualTo("Could not package /src/my-plugin: ran out of memory (Maven's JVM may use at "
                + "most 512 MiB); give it more with MAVEN_OPTS=-Xmx2g (or -Xmx2g in .mvn/jvm.config)");
        assertThat(message.lines()).hasSize(1);
    }
}
