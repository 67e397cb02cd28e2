package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entry times: SOURCE_DATE_EPOCH, else the last commit that touched the tree, else the fixed default; said once. */
class ProvdBuildTimeIT {

    @TempDir
    Path work;

    Path repository;

    @BeforeEach
    void writeTree() throws Exception {
        repository = work.resolve("repository");
        ProvdTreeFixture.acme(repository.resolve("plugins"));
    }

    @Test
    void aGitCheckoutIsDatedByTheLastCommitThatTouchedTheTree() throws Exception {
        git("init", "-q", "-b", "main");
        commit("2024-05-06T07:08:09Z", "the plugins");
        Files.writeString(repository.resolve("README.md"), "outside the tree\n");
        commit("2025-01-01T00:00:00Z", "a later commit outside plugins/");

        CliRun run = CliRun.wazoDeb(repository, Map.of(), "provd", "build", "plugins", "-o", "testing");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err().lines().filter(line -> line.contains("entry times")))
                .singleElement().asString().startsWith("wazo-deb: entry times: 2024-05-06T07:08:09Z (the last commit"
                        + " of the tree, ");
        assertThat(entryTimes(repository.resolve("testing/wazo-acme-1-1.0.9.tar.bz2")))
                .containsOnly(Instant.parse("2024-05-06T07:08:09Z"));
    }

    @Test
    void sourceDateEpochWinsAndATreeOutsideGitGetsTheFixedDefault() throws Exception {
        git("init", "-q", "-b", "main");
        commit("2024-05-06T07:08:09Z", "the plugins");
        Path copy = Files.createDirectories(work.resolve("exported"));
        Files.move(repository.resolve("plugins"), copy.resolve("plugins"));
        git("checkout", "-q", "--", "plugins");

        CliRun epoch = CliRun.wazoDeb(repository, Map.of("SOURCE_DATE_EPOCH", "1700000000"), "provd", "build", "plugins",
                "-o", "testing");
        CliRun exported = CliRun.wazoDeb(copy, Map.of(), "provd", "build", "plugins", "-o", "testing");

        assertThat(epoch.exitCode()).as(epoch.toString()).isZero();
        assertThat(epoch.err()).contains("wazo-deb: entry times: 2023-11-14T22:13:20Z (SOURCE_DATE_EPOCH)");
        assertThat(entryTimes(repository.resolve("testing/wazo-acme-2-2.0.tar.bz2")))
                .containsOnly(Instant.ofEpochSecond(1700000000));
        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        assertThat(exported.err()).contains("wazo-deb: entry times: 2000-01-01T00:00:00Z (the fixed default");
        assertThat(entryTimes(copy.resolve("testing/wazo-acme-2-2.0.tar.bz2")))
                .containsOnly(Instant.parse("2000-01-01T00:00:00Z"));
    }

    private void commit(String date, String message) throws Exception {
        git(Map.of(), "add", "-A");
        git(Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date), "commit", "-q", "-m", message);
    }

    private void git(String... args) throws Exception {
        git(Map.of(), args);
    }

    private void git(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=tests", "-c", "user.email=t@invalid"));
        command.addAll(List.of(args));
        Files.createDirectories(repository);
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).inheritIO();
        builder.environment().putAll(environment);
        assertThat(builder.start().waitFor()).as(String.join(" ", command)).isZero();
    }

    private static List<Instant> entryTimes(Path archive) throws Exception {
        List<Instant> times = new ArrayList<>();
        try (InputStream in = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new BZip2CompressorInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                times.add(entry.getLastModifiedTime().toInstant());
            }
        }
        return times;
    }
}
