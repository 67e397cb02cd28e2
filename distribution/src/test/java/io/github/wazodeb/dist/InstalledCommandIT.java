package io.github.wazodeb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.OptionValues;
import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.PluginDirectory;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.deb.testing.StandInPackages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wazo-deb as an installed command: the .deb installed by the real dpkg, the archive unpacked by the real
 * tar, each launcher run as a user runs it (no locale in the environment) and compared with
 * {@code java -jar wazo-deb.jar}.
 */
class InstalledCommandIT {

    @TempDir
    Path work;

    @Test
    void debInstalledByDpkgGivesAWazoDebCommandThatPackagesAsTheJarDoes() throws Exception {
        Requirements.assumeAvailable(Requirements.SANDBOX);
        try (DpkgSandbox root = DpkgSandbox.create(work.resolve("root"))) {
            Path javaStandIn = StandInPackages.build(work.resolve("stand-ins"), "default-jre-headless", "2:1.17");
            assertThat(root.install(javaStandIn).succeeded()).isTrue();

            CommandResult install = root.install(Built.deb());

            assertThat(install.succeeded()).as(install.describe()).isTrue();
            assertThat(root.isInstalled("wazo-deb")).isTrue();
            assertThat(root.path("/usr/share/wazo-deb/wazo-deb.jar")).hasSameBinaryContentAs(Built.cliJar());
            // The root has no java: postinst made no start-up cache, and did not fail for it.
            assertThat(StartUpCacheIT.caches(root.path("/usr/share/wazo-deb"))).isEmpty();

            assertPackagesAsTheJarDoes(root.path("/usr/bin/wazo-deb"), Map.of("JAVA_HOME", Run.javaHome()));
            // That first run (as root, the folder writable) made the cache; prerm removes it with the package.
            assertThat(StartUpCacheIT.caches(root.path("/usr/share/wazo-deb"))).hasSize(1);

            CommandResult remove = root.remove("wazo-deb");
            assertThat(remove.succeeded()).as(remove.describe()).isTrue();
            assertThat(root.path("/usr/share/wazo-deb")).doesNotExist();
        }
    }

    @Test
    void debRefusesToInstallWithoutAJavaRuntime() throws Exception {
        Requirements.assumeAvailable(Requirements.SANDBOX);
        try (DpkgSandbox root = DpkgSandbox.create(work.resolve("root"))) {
            CommandResult install = root.install(Built.deb());

            assertThat(install.succeeded()).isFalse();
            assertThat(install.output()).contains("default-jre-headless");
        }
    }

    @Test
    void archiveLauncherFindsJavaOnThePathAndPackagesAsTheJarDoes() throws Exception {
        Path launcher = unpackedArchive().resolve("bin/wazo-deb");
        // Through a link from elsewhere, as when bin/wazo-deb is linked into ~/bin: the jar is found from
        // where the script really is.
        Path link = Files.createSymbolicLink(Files.createDirectories(work.resolve("elsewhere")).resolve("wazo-deb"),
                launcher);

        assertPackagesAsTheJarDoes(link, Map.of("PATH", Run.javaHome() + "/bin:" + Run.PATH));
    }

    @Test
    void archiveLauncherReachedThroughALinkFindsItsJarWithBusyboxsReadlink() throws Exception {
        // Alpine and other small systems have busybox's readlink, which takes a single file.
        Requirements.assumeAvailable(Requirement.BUSYBOX);
        Path tools = Files.createDirectories(work.resolve("busybox-tools"));
        Files.createSymbolicLink(tools.resolve("readlink"), Requirement.BUSYBOX_PATH);
        Path link = Files.createSymbolicLink(Files.createDirectories(work.resolve("linked")).resolve("wazo-deb"),
                unpackedArchive().resolve("bin/wazo-deb"));

        Run version = Run.of(Map.of("JAVA_HOME", Run.javaHome(), "PATH", tools + ":" + Run.PATH), link.toString(),
                "--version");

        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).isEqualTo("wazo-deb " + Built.version() + "\n");
    }

    @Test
    void versionPrintsTheProjectVersionFromBothLaunchers() throws Exception {
        Path fromArchive = unpackedArchive().resolve("bin/wazo-deb");
        Path fromDeb = extractedDeb().resolve("usr/bin/wazo-deb");

        for (Path launcher : List.of(fromArchive, fromDeb)) {
            Run version = Run.of(Map.of("JAVA_HOME", Run.javaHome()), launcher.toString(), "--version");

            assertThat(version.exitCode()).as(version.toString()).isZero();
            assertThat(version.out()).isEqualTo("wazo-deb " + Built.version() + "\n");
        }
    }

    @Test
    void theJvmRunsWithTheSerialCollectorAndASmallHeapUnlessWazoDebJavaOptionsSaysOtherwise() throws Exception {
        Path launcher = unpackedArchive().resolve("bin/wazo-deb");

        Run defaults = Run.of(Map.of("JAVA_HOME", Run.javaHome(), "WAZO_DEB_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags"),
                launcher.toString(), "--version");
        Run chosen = Run.of(Map.of("JAVA_HOME", Run.javaHome(),
                "WAZO_DEB_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags -Xms64m -XX:-UseSerialGC -XX:+UseParallelGC"),
                launcher.toString(), "--version");

        assertThat(defaults.exitCode()).as(defaults.toString()).isZero();
        assertThat(defaults.out()).contains("-XX:+UseSerialGC", "-XX:InitialHeapSize=16777216", "-XX:-UsePerfData")
                .endsWith("wazo-deb " + Built.version() + "\n");
        assertThat(chosen.exitCode()).as(chosen.toString()).isZero();
        assertThat(chosen.out()).contains("-XX:+UseParallelGC", "-XX:InitialHeapSize=67108864")
                .doesNotContain("-XX:+UseSerialGC");
    }

    @Test
    void javaHomePointingToNothingIsOneClearLine() throws Exception {
        Path nowhere = work.resolve("no-such-jdk");

        Run run = Run.of(Map.of("JAVA_HOME", nowhere.toString()), unpackedArchive().resolve("bin/wazo-deb").toString(),
                "--version");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("wazo-deb: JAVA_HOME is " + nowhere + ", but " + nowhere
                + "/bin/java is not an executable: set JAVA_HOME to a Java 17 or later installation,"
                + " or unset it to use the java on the PATH\n");
    }

    @Test
    void javaOlderThan17SaysWhatToInstall() throws Exception {
        Path oldJdk = Files.createDirectories(work.resolve("old-jdk/bin"));
        Path java = Files.writeString(oldJdk.resolve("java"),
                "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();

        Run run = Run.of(Map.of("JAVA_HOME", oldJdk.getParent().toString()),
                unpackedArchive().resolve("bin/wazo-deb").toString(), "--version");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("wazo-deb: needs Java 17 or later, but " + java + " is Java 11.0.2: ")
                .contains("apt-get install default-jre-headless");
    }

    @Test
    void noJavaAtAllSaysWhatToInstall() throws Exception {
        // A PATH with the tools the launcher uses, and no java.
        Path tools = Files.createDirectories(work.resolve("tools"));
        for (String tool : List.of("readlink", "dirname", "sed", "cut", "head", "cat")) {
            Path wrapper = Files.writeString(tools.resolve(tool),
                    "#!/bin/sh\nexec " + Commands.locate(tool).orElseThrow() + " \"$@\"\n");
            assertThat(wrapper.toFile().setExecutable(true)).isTrue();
        }

        Run run = Run.of(Map.of("PATH", tools.toString()), unpackedArchive().resolve("bin/wazo-deb").toString(),
                "--version");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("wazo-deb: needs Java 17 or later and found none (JAVA_HOME is not set,"
                + " no java on the PATH): install a Java 17 or later runtime");
    }

    @Test
    void archiveEntriesAreSortedOwnedByRootAndStampedWithTheBuildTime() throws Exception {
        String top = "wazo-deb-" + Built.version();
        Instant timestamp = OptionValues.timestamp(Built.timestamp());
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Built.tarball());
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName() + " " + Integer.toOctalString(entry.getMode()));
                assertThat(entry.getLongUserId()).as(entry.getName()).isZero();
                assertThat(entry.getLongGroupId()).as(entry.getName()).isZero();
                assertThat(entry.getUserName()).isEqualTo("root");
                assertThat(entry.getGroupName()).isEqualTo("root");
                assertThat(entry.getModTime().toInstant()).as(entry.getName()).isEqualTo(timestamp);
            }
        }
        assertThat(names).containsExactly(top + "/ 755", top + "/bin/ 755", top + "/bin/wazo-deb 755",
                top + "/lib/ 755", top + "/lib/wazo-deb.jar 644");
        // Published like the .deb: world-readable, whatever mode the temporary file was made with.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Built.tarball()))).isEqualTo("rw-r--r--");
    }

    @Test
    void bothDistributionsAreReproducible() throws Exception {
        Path again = work.resolve("again");

        DistributionMain.main(new String[] {Built.cliJar().toString(), Built.version(), Built.timestamp(),
                again.toString(), Built.manPages().toString()});

        assertThat(again.resolve(Built.tarball().getFileName())).hasSameBinaryContentAs(Built.tarball());
        assertThat(again.resolve(Built.deb().getFileName())).hasSameBinaryContentAs(Built.deb());
    }

    /**
     * Packages a plugin holding a non-ASCII file name with {@code launcher} under an environment with no
     * locale at all, and checks the package is the very one {@code java -jar wazo-deb.jar} makes under
     * C.UTF-8, the locale the launcher gives the JVM (and so the rules steps) when the environment has none.
     */
    private void assertPackagesAsTheJarDoes(Path launcher, Map<String, String> environment) throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path plugin = PluginDirectory.write(work.resolve("plugin"), """
                name: utf8-names
                namespace: dist
                version: "1.0.0"
                """, """
                #!/bin/sh
                set -e
                case "$1" in
                    build) echo "build step's locale: ${LC_ALL:-none}" ;;
                    package)
                        mkdir -p "${pkgdir}/usr/share/utf8-names"
                        cp -R données "${pkgdir}/usr/share/utf8-names/"
                        ;;
                    install|uninstall) ;;
                esac
                """);
        Files.writeString(Files.createDirectories(plugin.resolve("données")).resolve("café.txt"), "crème\n");
        assertThat(environment).doesNotContainKeys("LANG", "LC_ALL", "LC_CTYPE");

        Run byCommand = Run.of(environment, launcher.toString(), "package", plugin.toString(),
                "-o", work.resolve("by-command").toString());
        Run byJar = Run.of(Map.of("LC_ALL", "C.UTF-8"), Run.javaHome() + "/bin/java", "-jar",
                Built.cliJar().toString(), "package", plugin.toString(), "-o", work.resolve("by-jar").toString());

        assertThat(byCommand.exitCode()).as(byCommand.toString()).isZero();
        assertThat(byJar.exitCode()).as(byJar.toString()).isZero();
        assertThat(byCommand.err()).contains("build step's locale: C.UTF-8");
        Path deb = Path.of(byCommand.out().strip());
        assertThat(deb).hasSameBinaryContentAs(Path.of(byJar.out().strip()));
        assertThat(DpkgDeb.contents(deb)).contains("./usr/share/utf8-names/donn\\303\\251es/caf\\303\\251.txt"); // as tar shows it
    }

    private Path unpackedArchive() throws IOException {
        return Unpacked.archive(work.resolve("unpacked"));
    }

    private Path extractedDeb() {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path into = work.resolve("extracted");
        DpkgDeb.extract(Built.deb(), into);
        return into;
    }
}
