package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code wazo-deb new}, run from the built jar: a plugin that validates, packages and installs as written. */
@ExtendWith(DpkgSandboxExtension.class)
class NewCommandIT {

    @TempDir
    Path work;

    @Test
    void theNewPluginValidatesWithNoWarningPackagesInstallsAndPurges(DpkgSandbox sandbox) throws Exception {
        CliRun created = CliRun.wazoDeb(work, Map.of(), "new", "hello", "--name", "hello", "--namespace", "acme");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        Path plugin = work.resolve("hello");
        assertThat(created.out().lines()).containsExactly("hello/wazo/plugin.yml", "hello/wazo/rules",
                "hello/asterisk/hello.conf", "hello/README.md", "hello/.gitignore");
        assertThat(Files.getPosixFilePermissions(plugin.resolve("wazo/rules"))).contains(PosixFilePermission.OWNER_EXECUTE);

        CliRun validated = CliRun.wazoDeb(plugin, Map.of(), "validate");
        assertThat(validated.exitCode()).as(validated.toString()).isZero();
        assertThat(validated.err()).contains("valid: acme/hello 0.1.0 packages as wazo-plugind-hello-acme")
                .doesNotContainIgnoringCase("warning");

        CliRun packaged = CliRun.wazoDeb(plugin, Map.of(), "package", ".", "-o", work.resolve("dist").toString());
        assertThat(packaged.exitCode()).as(packaged.toString()).isZero();
        assertThat(packaged.err()).doesNotContainIgnoringCase("warning");
        Path deb = Path.of(packaged.out().strip());

        assertThat(sandbox.install(deb).exitCode()).isZero();
        assertThat(sandbox.path("/etc/asterisk/extensions_extra.d/hello.conf")).content().contains("***42");
        assertThat(sandbox.isInstalled("wazo-plugind-hello-acme")).isTrue();
        assertThat(sandbox.purge("wazo-plugind-hello-acme").exitCode()).isZero();
        assertThat(sandbox.path("/etc/asterisk/extensions_extra.d/hello.conf")).doesNotExist();
        assertThat(sandbox.status("wazo-plugind-hello-acme")).isEmpty();
    }

    @Test
    void mavenAndCiFilesAreWrittenOnlyWhenAsked() throws Exception {
        CliRun created = CliRun.wazoDeb(work, Map.of(), "new", "p", "--name", "hello", "--namespace", "acme",
                "--maven", "--ci", "both");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out().lines()).contains("p/pom.xml", "p/.gitlab-ci.yml", "p/.github/workflows/wazo-plugin.yml");
        assertThat(work.resolve("p/pom.xml")).content()
                .contains("<artifactId>wazo-maven-plugin</artifactId>", "<version>0.1.0</version>",
                        "<goal>package</goal>");
        assertThat(work.resolve("p/.gitlab-ci.yml")).content()
                .contains("--suite testing", "promote public testing stable \"$PLUGIN_PACKAGE=$version\"",
                        "PLUGIN_PACKAGE: \"wazo-plugind-hello-acme\"")
                .doesNotContain("@@");

        CliRun gitlabOnly = CliRun.wazoDeb(work, Map.of(), "new", "q", "--name", "hello", "--namespace", "acme",
                "--ci", "gitlab");
        assertThat(gitlabOnly.out().lines()).contains("q/.gitlab-ci.yml").doesNotContain("q/pom.xml")
                .noneMatch(line -> line.contains(".github"));
    }

    @Test
    void namesAndNamespacesAreCheckedAsPluginYmlChecksThemAndNothingIsWritten() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "new", "bad", "--name", "Bad_Name", "--namespace", "a-b");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "wazo-deb: --name \"Bad_Name\" must match ^[a-z0-9-]+$ (lower-case letters, digits and '-')",
                "wazo-deb: --namespace \"a-b\" must match ^[a-z0-9]+$ (lower-case letters and digits, no '-')");
        assertThat(work.resolve("bad")).doesNotExist();
    }

    @Test
    void aDirectoryThatIsNotEmptyIsRefusedUnlessForced() throws Exception {
        Path existing = Files.createDirectories(work.resolve("existing"));
        Files.writeString(existing.resolve("notes.txt"), "mine\n");

        CliRun refused = CliRun.wazoDeb(work, Map.of(), "new", "existing", "--name", "hello", "--namespace", "acme");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("existing is not empty", "--force").doesNotContain("\tat ");
        try (Stream<Path> entries = Files.list(existing)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactly("notes.txt");
        }

        CliRun forced = CliRun.wazoDeb(work, Map.of(), "new", "existing", "--name", "hello", "--namespace", "acme",
                "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(existing.resolve("notes.txt")).content().isEqualTo("mine\n");
        assertThat(existing.resolve("wazo/plugin.yml")).exists();
    }

    @Test
    void anUnknownCiIsAUsageError() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "new", "x", "--name", "hello", "--namespace", "acme", "--ci", "jenkins");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--ci").contains("jenkins");
        assertThat(List.of(work.toFile().list())).doesNotContain("x");
    }

    @Test
    void aDirectoryThatCannotBeMadeIsNamedWithTheReason() throws Exception {
        // A file where a parent folder must be: no one, root included, can make the directory.
        Path file = Files.writeString(work.resolve("a-file"), "mine\n");
        Path target = file.resolve("plugin");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "new", target.toString(), "--name", "hello", "--namespace", "acme");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).as(run.toString()).matches("wazo-deb: cannot write the plugin into "
                + Pattern.quote(target.toString()) + ": " + Pattern.quote(file.toString())
                + "[^:]*: [A-Za-z ]+; nothing of it was left there\n");
        assertThat(Files.readString(file)).isEqualTo("mine\n");
    }
}
