package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.DebBuilder;
import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.repo.testing.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wazo-deb repo}, run from the built jar on a folder of packages, as a publishing CI step would. */
class RepoCommandIT {

    private static final PluginFixture BASE = PluginFixture.plugin("base");
    private static final PluginFixture ADDON = PluginFixture.plugin("addon").withDependency(BASE);
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path work;

    private Path repository;
    private List<String> debs;

    @BeforeEach
    void packages() throws Exception {
        repository = work.resolve("repo");
        DebBuilder builder = new DebBuilder(BuildOptions.builder().outputDirectory(repository).build());
        builder.build(BASE.writeTo(work.resolve("base")));
        builder.build(ADDON.writeTo(work.resolve("addon")));
        debs = filesIn(repository);
    }

    @Test
    void repoWritesTheIndexAndPrintsItsPaths() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of("SOURCE_DATE_EPOCH", "1700000000"), "repo", repository.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).containsExactly(
                repository.resolve("Packages").toString(),
                repository.resolve("Packages.gz").toString(),
                repository.resolve("Packages.xz").toString(),
                repository.resolve("Release").toString());
        assertThat(run.err()).contains("2 packages listed, unsigned");
        assertThat(Files.readString(repository.resolve("Packages")))
                .contains("Package: " + ADDON.packageName() + "\n")
                .contains("Filename: ./" + BASE.packageName() + "_1.0_all.deb\n");
        assertThat(Files.readString(repository.resolve("Release"))).startsWith("Date: Tue, 14 Nov 2023 22:13:20 UTC\n");
    }

    @Test
    void withAKeyAndItsPassphraseTheReleaseIsSigned() throws Exception {
        TestKeys.TestKey key = TestKeys.generate(work.resolve("key"), PASSPHRASE);

        CliRun run = CliRun.wazoDeb(work, Map.of("WAZO_DEB_KEY_PASSPHRASE", PASSPHRASE), "repo", repository.toString(),
                "--key", key.secretKeyFile().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).contains(repository.resolve("InRelease").toString(),
                repository.resolve("Release.gpg").toString());
        assertThat(run.err()).contains("signed by " + key.fingerprint());
        Requirements.assumeAvailable(Requirement.GPGV);
        CommandResult gpgv = Commands.run(List.of("gpgv", "--keyring", key.publicKeyring().toString(),
                repository.resolve("InRelease").toString()));
        assertThat(gpgv.succeeded()).as(gpgv.describe()).isTrue();
    }

    @Test
    void aWrongPassphraseIsOneLineExitTwoAndNothingWritten() throws Exception {
        TestKeys.TestKey key = TestKeys.generate(work.resolve("key"), PASSPHRASE);

        CliRun run = CliRun.wazoDeb(work, Map.of("WAZO_DEB_KEY_PASSPHRASE", "wrong"), "repo", repository.toString(),
                "--key", key.secretKeyFile().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("wazo-deb: " + key.secretKeyFile()
                + ": the passphrase does not unlock secret key " + key.fingerprint()
                + " (the passphrase is read from WAZO_DEB_KEY_PASSPHRASE)");
        assertThat(filesIn(repository)).isEqualTo(debs);
    }

    @Test
    void aProtectedKeyWithoutThePassphraseVariableSaysItIsNotSet() throws Exception {
        TestKeys.TestKey key = TestKeys.generate(work.resolve("key"), PASSPHRASE);

        CliRun run = CliRun.wazoDeb(work, Map.of(), "repo", repository.toString(), "--key", key.secretKeyFile().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().endsWith("WAZO_DEB_KEY_PASSPHRASE, which is not set)");
        assertThat(filesIn(repository)).isEqualTo(debs);
    }

    @Test
    void aDebThatIsNotAPackageIsNamedAndNothingIsWritten() throws Exception {
        Files.writeString(repository.resolve("notes.deb"), "not a package\n");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "repo", repository.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("notes.deb").doesNotContain("\tat ");
        assertThat(filesIn(repository)).doesNotContain("Packages", "Release");
    }

    @Test
    void anIndexTheFileSystemRefusesIsOneLineWithTheReasonNoTrace() throws Exception {
        // A folder where the index must go: no one, root included, can replace it with a file.
        Files.createDirectory(repository.resolve("Packages"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "repo", repository.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines()).as(run.toString()).singleElement().asString()
                .startsWith("wazo-deb: ").contains(repository.resolve("Packages").toString())
                .endsWith(": Is a directory");
        UserMessages.assertPlain(run.err());
        assertThat(repository.resolve("Packages")).isEmptyDirectory();
    }

    @Test
    void aMissingKeyFileIsInvalidInput() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "repo", repository.toString(), "--key", "nowhere.asc");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("wazo-deb: nowhere.asc: no such file (--key)");
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
