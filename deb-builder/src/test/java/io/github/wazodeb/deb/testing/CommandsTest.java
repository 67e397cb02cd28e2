package io.github.wazodeb.deb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command runner every test's external tool goes through: clean environment, streams, time limits. */
class CommandsTest {

    @TempDir
    Path temp;

    @Test
    void standardOutputAndErrorAreKeptApartWhenAsked() {
        SplitResult result = Commands.runSplit(List.of("sh", "-c", "echo out; echo err >&2; exit 3"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
    }

    @Test
    void standardOutputAndErrorAreInterleavedOtherwise() {
        CommandResult result = Commands.run(List.of("sh", "-c", "echo one; echo two >&2; echo three"));

        assertThat(result.output()).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    void theEnvironmentHoldsOnlyPathLocaleZoneAndWhatTheCallerAdds() {
        SplitResult result = Commands.runSplit(List.of("env"), Map.of("EXTRA", "yes"), Commands.DEFAULT_TIMEOUT);

        assertThat(result.stdout().lines().sorted())
                .containsExactly("EXTRA=yes", "LC_ALL=C", "PATH=" + Commands.PATH, "TZ=UTC");
    }

    @Test
    void aCommandThatOutlivesItsTimeLimitIsKilledAndFailsTheTest() {
        Path marker = temp.resolve("survived");

        assertThatThrownBy(() -> Commands.run(List.of("sh", "-c", "echo started; sleep 30; touch " + marker),
                Map.of(), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not finish within 1 s")
                .hasMessageContaining("started");
        assertThat(marker).doesNotExist();
    }

    @Test
    void stdoutOfFailsTheTestWithWhatAFailingCommandSaid() {
        assertThatThrownBy(() -> Commands.stdoutOf("sh", "-c", "echo why >&2; exit 1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("exited 1")
                .hasMessageContaining("why");
    }

    @Test
    void shellArgumentsArePassedAsPositionalParametersNeverSpliced() {
        assertThat(Commands.shell("printf '%s' \"$1\"", "a b; echo injected")).isEqualTo("a b; echo injected");
    }

    @Test
    void aFailureInsideAShellPipelineFailsIt() {
        assertThatThrownBy(() -> Commands.shell("false | cat"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void headOfStdoutReadsTheFirstBytesOfAnEndlessStreamAndStopsIt() {
        byte[] head = Commands.headOfStdout(List.of("yes", "abc"), 10, Commands.DEFAULT_TIMEOUT);

        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("abc\nabc\nab");
    }

    @Test
    void programsAreFoundOnTheHarnessPath() {
        assertThat(Commands.locate("sh")).hasValueSatisfying(sh -> assertThat(sh).isAbsolute().isExecutable());
        assertThat(Commands.locate("no-such-program-wazodeb")).isEmpty();
    }
}
