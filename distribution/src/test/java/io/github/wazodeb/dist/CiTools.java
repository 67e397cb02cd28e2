package io.github.wazodeb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * What the CI pipeline tests run: the npm tools CI installs (gitlab-ci-local, action-validator), git, and a
 * plugin written by {@code wazo-deb new} in a git repository of its own.
 */
final class CiTools {

    private CiTools() {
    }

    /** The tool's path; the test is skipped without it, or fails where CI requires every tool. */
    static Path require(String program) {
        var found = Commands.locate(program);
        if (found.isEmpty()) {
            String reason = program + " is not installed (npm install -g, as .ci/run does)";
            if ("1".equals(System.getenv(Requirements.REQUIRE_VARIABLE))) {
                throw new IllegalStateException(reason + ", and " + Requirements.REQUIRE_VARIABLE + "=1");
            }
            System.out.println("skipped: " + reason);
            Assumptions.abort(reason);
        }
        return found.get();
    }

    /** The environment the pipeline's shell steps get: this JVM as Java, a home of their own. */
    static Map<String, String> environment(Path home) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", Files.createDirectories(home).toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return environment;
    }

    /** {@code wazo-deb new DIR --name hello --namespace acme ARGS...}, committed on {@code main} of a new repository. */
    static Path newPluginRepository(Path dir, Map<String, String> environment, String... newArguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", Built.cliJar().toString(),
                "new", dir.toString(), "--name", "hello", "--namespace", "acme"));
        command.addAll(List.of(newArguments));
        succeeds(Commands.run(command, environment, Duration.ofMinutes(2)));
        git(dir, environment, "init", "-q", "-b", "main");
        git(dir, environment, "add", "-A");
        git(dir, environment, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "New plugin");
        return dir;
    }

    static CommandResult git(Path dir, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(arguments));
        return succeeds(Commands.run(command, environment, Duration.ofMinutes(1)));
    }

    /** Runs {@code command} with {@code dir} as its working directory. */
    static CommandResult inDirectory(Path dir, List<String> command, Map<String, String> environment, Duration timeout) {
        List<String> inDir = new ArrayList<>(List.of("sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh",
                dir.toString()));
        inDir.addAll(command);
        return Commands.run(inDir, environment, timeout);
    }

    static CommandResult succeeds(CommandResult result) {
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result;
    }
}
