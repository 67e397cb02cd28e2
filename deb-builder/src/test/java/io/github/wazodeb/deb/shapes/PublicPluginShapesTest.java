package io.github.wazodeb.deb.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.BuildResult;
import io.github.wazodeb.deb.DebBuilder;
import io.github.wazodeb.deb.shapes.ContentsListing.Entry;
import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.deb.testing.PluginFixture.Rules;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Plugins shaped like the public Wazo plugins (wazo-confd plugins with {@code setup.py bdist}, {@code cp -R etc},
 * bash rules, {@code install -o root}, market metadata, a plugin in a repository's subdirectory, odd payloads)
 * build through the public API into packages that the real {@code dpkg-deb} reads back as staged, and that
 * install and remove in a throw-away dpkg root. Every build here also checks that the plugin directory is left
 * as it was, apart from what its own rules wrote.
 */
@ExtendWith(DpkgSandboxExtension.class)
class PublicPluginShapesTest {

    private static final Instant TIMESTAMP = Instant.parse("2021-03-04T05:06:07Z");
    private static final String PLUGINS = "usr/lib/wazo-plugind/plugins/shapes/";
    /** The first of the directories the payload plugin nests to make a path over 200 characters. */
    private static final String LONG_DIRECTORY = "a-directory-name-of-sixty-characters-to-make-a-long-path-000";

    @TempDir
    Path work;

    @Test
    void pythonBdistUntarredIntoPkgdirShipsTheModuleUnderSitePackages() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        assumePython3WithSetuptools();
        Path plugin = ShapeFixtures.copy("python-plugin", work.resolve("python-plugin"));

        BuildResult result = build(plugin, "build", "dist", "shapes_hello.egg-info");

        assertThat(DpkgDeb.field(result.debFile(), "Package")).isEqualTo("wazo-plugind-python-shape-shapes");
        List<String> modules = ContentsListing.of(result.debFile()).stream().map(Entry::path)
                .filter(path -> path.matches(".*/(site|dist)-packages/shapes_hello/__init__\\.py"))
                .toList();
        assertThat(modules).hasSize(1);
        Path extracted = extract(result.debFile(), work.resolve("extracted"));
        assertThat(extracted.resolve(modules.get(0))).hasSameBinaryContentAs(plugin.resolve("shapes_hello/__init__.py"));
    }

    @Test
    void anEtcTreeCopiedWithCpRIsShippedWithoutConffiles() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path plugin = ShapeFixtures.copy("etc-plugin", work.resolve("etc-plugin"));

        BuildResult result = build(plugin);

        assertThat(ContentsListing.of(result.debFile())).extracting(Entry::path)
                .contains("etc/etc-shape", "etc/etc-shape/main.conf",
                        "etc/etc-shape/conf.d", "etc/etc-shape/conf.d/50-nested.conf");
        assertThat(controlFiles(result.debFile(), work.resolve("control")))
                .containsExactly("control", "md5sums", "postinst", "postrm", "prerm");
        Path extracted = extract(result.debFile(), work.resolve("extracted"));
        assertThat(extracted.resolve("etc/etc-shape/conf.d/50-nested.conf"))
                .hasSameBinaryContentAs(plugin.resolve("etc/etc-shape/conf.d/50-nested.conf"));
    }

    @Test
    void theEtcTreeIsGoneAfterInstallThenRemove(DpkgSandbox sandbox) throws Exception {
        Path plugin = ShapeFixtures.copy("etc-plugin", work.resolve("etc-plugin"));
        BuildResult result = build(plugin);
        // A file no package owns: the removal must leave it, and so /etc, alone.
        Path hostname = Files.writeString(sandbox.path("/etc/hostname"), "sandbox\n");
        succeeds(sandbox.install(result.debFile()));
        assertThat(sandbox.path("/etc/etc-shape/conf.d/50-nested.conf")).as("installed").isRegularFile();

        succeeds(sandbox.remove(result.packageName()));

        assertThat(sandbox.path("/etc/etc-shape")).doesNotExist();
        assertThat(hostname).hasContent("sandbox");
    }

    @Test
    void bashOnlyRulesBuildAndPackage() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path plugin = ShapeFixtures.copy("bash-plugin", work.resolve("bash-plugin"));

        BuildResult result = build(plugin, "build");

        Path extracted = extract(result.debFile(), work.resolve("extracted"));
        assertThat(extracted.resolve("usr/share/bash-shape/alpha.txt")).hasContent("alpha built by bash 2");
        assertThat(extracted.resolve("usr/share/bash-shape/beta gamma.txt")).hasContent("beta gamma built by bash 2");
    }

    @Test
    void installWithRootOwnerAndModesInThePackageStepWorksAsRoot() throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.DPKG_DEB);
        Path plugin = ShapeFixtures.copy("install-plugin", work.resolve("install-plugin"));

        BuildResult result = build(plugin);

        assertThat(ContentsListing.of(result.debFile()))
                .filteredOn(entry -> entry.path().startsWith("usr/bin/") || entry.path().startsWith("usr/share/"))
                .extracting(Entry::path, Entry::mode, Entry::owner, Entry::group)
                .containsExactlyInAnyOrder(
                        tuple("usr/bin/install-shape", "-rwxr-xr-x", "root", "root"),
                        tuple("usr/share/install-shape", "drwxr-xr-x", "root", "root"),
                        tuple(
                                "usr/share/install-shape/plugin.yml", "-rw-r-----", "root", "root"));
        Path extracted = extract(result.debFile(), work.resolve("extracted"));
        assertThat(extracted.resolve("usr/bin/install-shape")).hasSameBinaryContentAs(plugin.resolve("bin/install-shape"));
    }

    @ParameterizedTest
    @EnumSource(value = Rules.class, names = {"SH_WITHOUT_POSTRM_IGNORING_UNKNOWN", "SH_WITHOUT_POSTRM_FAILING_UNKNOWN"})
    void aFormat1PluginWithoutAPostrmBranchInstallsRemovesAndPurges(Rules rules, DpkgSandbox sandbox) throws Exception {
        PluginFixture fixture = PluginFixture.plugin("no-postrm").withFormat(1).withRules(rules);
        BuildResult result = build(fixture.writeTo(work.resolve("no-postrm")), "build");

        succeeds(sandbox.install(result.debFile()));
        succeeds(sandbox.remove(fixture.packageName()));
        succeeds(sandbox.purge(fixture.packageName()));

        assertThat(sandbox.status(fixture.packageName())).isEmpty();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG))
                .containsExactly(fixture.call("install"), fixture.call("uninstall"));
        assertThat(sandbox.path(fixture.installedRules())).doesNotExist();
    }

    @Test
    void marketMetadataWithAnUnquotedMinWazoVersionIsInstalledByteForByte(DpkgSandbox sandbox) throws Exception {
        Path plugin = ShapeFixtures.copy("market-plugin", work.resolve("market-plugin"));
        BuildResult result = build(plugin);

        succeeds(sandbox.install(result.debFile()));

        Path installed = sandbox.path("/" + PLUGINS + "market-shape/wazo/plugin.yml");
        assertThat(installed).hasSameBinaryContentAs(plugin.resolve("wazo/plugin.yml"));
        assertThat(installed).content(StandardCharsets.UTF_8).contains("min_wazo_version: 20.10\n");
    }

    @Test
    void aPluginInARepositorySubdirectoryShipsOnlyItsWazoFolder() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path repository = ShapeFixtures.copy("repo", work.resolve("repo"));
        // Maven does not copy .git folders from resources: make the repository look like a clone here.
        Path git = Files.createDirectories(repository.resolve(".git"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/master\n");
        Files.writeString(git.resolve("config"), "[core]\n\trepositoryformatversion = 0\n");

        BuildResult result = build(repository.resolve("plugin"));

        assertThat(ContentsListing.of(result.debFile())).extracting(Entry::path).containsExactly(
                "", "usr", "usr/lib", "usr/lib/wazo-plugind", "usr/lib/wazo-plugind/plugins",
                "usr/lib/wazo-plugind/plugins/shapes", PLUGINS + "repo-shape", PLUGINS + "repo-shape/wazo",
                PLUGINS + "repo-shape/wazo/plugin.yml", PLUGINS + "repo-shape/wazo/rules");
    }

    @Test
    void aWazoFolderThatIsALinkToADirectoryIsShippedAsThatDirectory() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        // A repository that keeps the plugin's metadata elsewhere and links wazo/ to it.
        Path plugin = ShapeFixtures.copy("market-plugin", work.resolve("linked-plugin"));
        Files.move(plugin.resolve("wazo"), Files.createDirectories(plugin.resolve("metadata")).resolve("wazo"));
        Files.createSymbolicLink(plugin.resolve("wazo"), Path.of("metadata/wazo"));

        BuildResult result = build(plugin);

        assertThat(ContentsListing.of(result.debFile()))
                .filteredOn(entry -> entry.path().startsWith(PLUGINS + "market-shape/"))
                .extracting(Entry::path, Entry::mode)
                .containsExactly(
                        tuple(PLUGINS + "market-shape/wazo", "drwxr-xr-x"),
                        tuple(PLUGINS + "market-shape/wazo/plugin.yml", "-rw-r--r--"),
                        tuple(PLUGINS + "market-shape/wazo/rules", "-rwxr-xr-x"));
    }

    @Test
    void oddPayloadEntriesAreListedAsStagedWithLinksAsLinks() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path plugin = ShapeFixtures.copy("payload-plugin", work.resolve("payload-plugin"));

        BuildResult result = build(plugin);

        String share = "usr/share/payload-shape/";
        List<Entry> contents = ContentsListing.of(result.debFile());
        assertThat(contents).filteredOn(entry -> entry.path().startsWith(share))
                .filteredOn(entry -> !entry.path().startsWith(share + LONG_DIRECTORY + "/"))
                .extracting(Entry::path, Entry::mode, Entry::linkTarget)
                .containsExactlyInAnyOrder(
                        tuple(share + LONG_DIRECTORY, "drwxr-xr-x", null),
                        tuple(share + "dangling-link", "lrwxrwxrwx", "does-not-exist"),
                        tuple(share + "empty-dir", "drwxr-xr-x", null),
                        tuple(share + "link-to-dir", "lrwxrwxrwx", "real-dir"),
                        tuple(share + "real-dir", "drwxr-xr-x", null),
                        tuple(share + "real-dir/file.txt", "-rw-r--r--", null),
                        tuple(share + "tool.sh", "-rwxr-xr-x", null),
                        tuple(share + "été.txt", "-rw-r--r--", null));
        assertThat(contents).extracting(Entry::path)
                .filteredOn(path -> path.endsWith("/a-file-at-the-end-of-a-long-path.txt"))
                .singleElement().satisfies(path -> assertThat(path.length()).isGreaterThan(200));
    }

    @Test
    void oddPayloadEntriesExtractToTheTreeThePackageStepStaged() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path plugin = ShapeFixtures.copy("payload-plugin", work.resolve("payload-plugin"));
        BuildResult result = build(plugin);
        // The package step builds its payload from nothing: run again by hand, it stages the same tree.
        Path staged = Files.createDirectories(work.resolve("staged"));
        succeeds(Commands.run(List.of(plugin.resolve("wazo/rules").toString(), "package"),
                Map.of("pkgdir", staged.toString()), Commands.DEFAULT_TIMEOUT));

        Path extracted = extract(result.debFile(), work.resolve("extracted"));

        String share = "usr/share/payload-shape";
        assertThat(TreeSnapshot.of(extracted.resolve(share)).ignoringTimes())
                .isEqualTo(TreeSnapshot.of(staged.resolve(share)).ignoringTimes());
    }

    @Test
    void oddPayloadEntriesInstallAndRemoveWithLinksAsLinks(DpkgSandbox sandbox) throws Exception {
        Path plugin = ShapeFixtures.copy("payload-plugin", work.resolve("payload-plugin"));
        BuildResult result = build(plugin);

        succeeds(sandbox.install(result.debFile()));

        String share = "/usr/share/payload-shape/";
        assertThat(Files.readSymbolicLink(sandbox.path(share + "link-to-dir"))).isEqualTo(Path.of("real-dir"));
        assertThat(Files.readSymbolicLink(sandbox.path(share + "dangling-link"))).isEqualTo(Path.of("does-not-exist"));
        assertThat(sandbox.path(share + "empty-dir")).isEmptyDirectory();
        assertThat(sandbox.path(share + "été.txt")).isRegularFile();
        succeeds(sandbox.remove(result.packageName()));
        assertThat(sandbox.path(share)).doesNotExist();
    }

    @Test
    void aBuildWhoseStepsWriteNothingLeavesThePluginDirectoryIdentical() throws Exception {
        Path plugin = ShapeFixtures.copy("payload-plugin", work.resolve("payload-plugin"));
        // Entries the build must read without changing: a private file, an executable, a link and an
        // empty directory, inside and outside wazo/.
        Path secret = Files.writeString(plugin.resolve("wazo/secret.txt"), "private\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path script = Files.writeString(plugin.resolve("wazo/helper.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(plugin.resolve("wazo/link"), Path.of("helper.sh"));
        Files.createDirectories(plugin.resolve("wazo/empty"));
        Files.createDirectories(plugin.resolve("notes"));
        Files.writeString(plugin.resolve("notes/readme.txt"), "beside wazo/\n");
        TreeSnapshot before = TreeSnapshot.of(plugin);

        new DebBuilder(options()).build(plugin);

        assertThat(TreeSnapshot.of(plugin)).isEqualTo(before);
        assertThat(before.entries()).containsKeys("wazo/secret.txt", "wazo/link", "wazo/empty", "notes/readme.txt");
    }

    /**
     * Builds {@code plugin} and checks that the build changed nothing in it but the top-level entries its rules
     * write ({@code writtenByRules}): every file's content, mode and time, every link and directory, as before.
     */
    private BuildResult build(Path plugin, String... writtenByRules) throws Exception {
        TreeSnapshot before = TreeSnapshot.of(plugin);

        BuildResult result = new DebBuilder(options()).build(plugin);

        TreeSnapshot after = TreeSnapshot.of(plugin);
        for (String written : writtenByRules) {
            before = before.without(written);
            after = after.without(written);
        }
        assertThat(after).as("the plugin directory after the build").isEqualTo(before);
        return result;
    }

    private BuildOptions options() {
        return BuildOptions.builder().outputDirectory(work.resolve("out")).timestamp(TIMESTAMP).build();
    }

    private static void succeeds(CommandResult result) {
        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    /**
     * The Python plugin needs the {@code python3} its rules will find (the caller's PATH, as the builder passes
     * it on) to have setuptools. Skipped without it, unless CI demands every tool.
     */
    private static void assumePython3WithSetuptools() throws InterruptedException {
        Optional<String> problem;
        try {
            Process process = new ProcessBuilder("python3", "-c", "import setuptools")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            problem = process.waitFor() == 0 ? Optional.empty()
                    : Optional.of("python3 cannot import setuptools: " + output.strip());
        } catch (IOException e) {
            problem = Optional.of("python3 is not on the PATH: " + e.getMessage());
        }
        if (problem.isPresent()) {
            if ("1".equals(System.getenv(Requirements.REQUIRE_VARIABLE))) {
                throw new AssertionError(problem.get() + " (" + Requirements.REQUIRE_VARIABLE + "=1)");
            }
            System.out.println("Skipping: needs " + problem.get());
            Assumptions.abort(problem.get());
        }
    }

    /** {@code dpkg-deb --extract}: the payload as dpkg would unpack it. */
    private static Path extract(Path deb, Path directory) {
        DpkgDeb.extract(deb, directory);
        return directory;
    }

    /** {@code dpkg-deb --control}: the names of the control member's files. */
    private static List<String> controlFiles(Path deb, Path directory) throws IOException {
        DpkgDeb.extractControl(deb, directory);
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
