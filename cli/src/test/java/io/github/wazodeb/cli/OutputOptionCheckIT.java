package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output or temporary directory that cannot be made is refused before anything runs (SPEC section 2):
 * exit status 2, one line naming the option, no rules step started, no git fetch, nothing created.
 */
class OutputOptionCheckIT {

    @TempDir
    Path work;

    @Test
    void anOutputThatIsALinkToNothingIsRefusedBeforeTheStepsRun() throws Exception {
        Path marker = work.resolve("build-step-ran");
        Path plugin = markingPlugin(work, marker);
        Path link = Files.createSymbolicLink(work.resolve("debs"), work.resolve("gone"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", link.toString());

        assertRefused(run, "the output directory " + link + " is a link to " + work.resolve("gone")
                + ", which does not exist (-o/--output)");
        assertThat(marker).as("the build step's marker").doesNotExist();
        assertThat(work.resolve("gone")).doesNotExist();
    }

    @Test
    void anOutputUnderALinkToNothingIsRefusedBeforeTheStepsRun() throws Exception {
        Path marker = work.resolve("build-step-ran");
        Path plugin = markingPlugin(work, marker);
        Path link = Files.createSymbolicLink(work.resolve("debs"), Path.of("gone"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "debs/unstable");

        assertRefused(run, "the output directory debs/unstable cannot be made: " + link
                + " is a link to gone, which does not exist (-o/--output)");
        assertThat(marker).as("the build step's marker").doesNotExist();
    }

    @Test
    void anOutputUnderAFileIsRefusedBeforeTheStepsRun() throws Exception {
        Path marker = work.resolve("build-step-ran");
        Path plugin = markingPlugin(work, marker);
        Path file = Files.writeString(work.resolve("out.txt"), "not a folder\n");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", file.resolve("debs").toString());

        assertRefused(run, "the output directory " + file.resolve("debs") + " is not a directory: " + file
                + " is a file (-o/--output)");
        assertThat(marker).as("the build step's marker").doesNotExist();
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void aTemporaryDirectoryThatIsAFileIsRefusedBeforeTheStepsRun() throws Exception {
        Path marker = work.resolve("build-step-ran");
        Path plugin = markingPlugin(work, marker);
        Path file = Files.writeString(work.resolve("tmp.txt"), "not a folder\n");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out",
                "--temp-dir", file.toString());

        assertRefused(run, "the temporary directory " + file + " is not a directory (--temp-dir)");
        assertThat(marker).as("the build step's marker").doesNotExist();
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void aGitSourceIsNotFetchedWhenTheOutputIsALinkToNothing() throws Exception {
        Requirements.assumeAvailable(Requirement.GIT);
        Path marker = work.resolve("build-step-ran");
        Path repository = markingPlugin(work.resolve("repository"), marker);
        Commands.shell("cd \"$1\" && git init -q && git add -A && git -c user.name=t -c user.email=t@example.org "
                + "commit -q -m plugin", repository.toString());
        Path link = Files.createSymbolicLink(work.resolve("debs"), work.resolve("gone"));
        Path temp = work.resolve("tmp");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", "--git", repository.toString(), "-o", link.toString(),
                "--temp-dir", temp.toString());

        assertRefused(run, "is a link to " + work.resolve("gone") + ", which does not exist (-o/--output)");
        assertThat(run.err()).doesNotContain("Fetching");
        assertThat(marker).as("the build step's marker").doesNotExist();
        assertThat(Leftovers.stagingDirectories(temp)).isEmpty();
    }

    /** Exit status 2 and exactly one line from wazo-deb, holding {@code message}. */
    static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines().filter(line -> line.startsWith("wazo-deb: ")))
                .as(run.toString()).singleElement().asString().contains(message);
        UserMessages.assertPlain(run.err());
    }

    /** A plugin whose build step leaves {@code marker}: it exists only if the steps ran. */
    static Path markingPlugin(Path parent, Path marker) {
        return PluginDirs.plugin(parent, PluginDirs.pluginYml("marking", "1.0"),
                PluginDirs.rulesWhere("build", "touch '" + marker + "'"));
    }
}
