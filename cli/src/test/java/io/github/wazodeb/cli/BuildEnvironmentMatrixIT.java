package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.FileTrees;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.deb.testing.SplitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The package depends on the plugin alone (SPEC section 2): built as root or as an ordinary user under
 * fakeroot, under umask 022, 077 or 002 (the plugin's checkout made under that umask too), with
 * {@code LANG}/{@code LC_ALL} unset, {@code C} or {@code C.UTF-8}, the bytes are the same, and the payload
 * keeps the modes and types the package step gave it, whatever fakeroot let the disk hold.
 */
class BuildEnvironmentMatrixIT {

    private static final String NOBODY = "65534";
    private static final List<String> SETPRIV_NOBODY =
            List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
    private static final String MATRIX = "./usr/share/matrix/";

    /** Every kind of entry whose mode or name a builder's environment could change. */
    private static final String RULES = """
            #!/bin/sh
            set -e
            case "$1" in
                build)
                    echo "step umask $(umask)"
                    ;;
                package)
                    echo "step umask $(umask)"
                    d="$pkgdir/usr/share/matrix"
                    mkdir -p "$d"
                    echo "read only" > "$d/readonly.txt"
                    chmod 0444 "$d/readonly.txt"
                    echo "no access" > "$d/nothing.txt"
                    chmod 0000 "$d/nothing.txt"
                    mkdir "$d/sealed"
                    echo inside > "$d/sealed/inside.txt"
                    chmod 0555 "$d/sealed"
                    echo "accented name" > "$d/café.txt"
                    ln -s readonly.txt "$d/link"
                    cp data/ambient.txt "$d/ambient.txt"
                    cp -p data/tool.sh "$d/tool.sh"
                    install -o root -g root -m 0640 wazo/plugin.yml "$d/owned.yml"
                    ;;
            esac
            """;

    /** What {@code dpkg-deb --contents} must show for each entry the step made: mode and type as set. */
    private static final Map<String, String> EXPECTED_MODES = expectedModes();

    private Path work;
    private Path template;

    enum Builder { ROOT, NOBODY_UNDER_FAKEROOT }

    /** The JVM's locale: both variables unset, or both set to the value. */
    enum Locale {
        UNSET(List.of()), C(List.of("LANG=C", "LC_ALL=C")), C_UTF_8(List.of("LANG=C.UTF-8", "LC_ALL=C.UTF-8"));

        private final List<String> assignments;

        Locale(List<String> assignments) {
            this.assignments = assignments;
        }

        /** {@code env} that clears every locale variable, then sets this one's. */
        List<String> envCommand() {
            List<String> command = new ArrayList<>(List.of("env", "-u", "LANG", "-u", "LC_ALL", "-u", "LC_CTYPE",
                    "-u", "LC_MESSAGES", "-u", "LANGUAGE"));
            command.addAll(assignments);
            return command;
        }
    }

    record Environment(Builder builder, String umask, Locale locale) {
        @Override
        public String toString() {
            return builder + ", umask " + umask + ", locale " + locale;
        }
    }

    @BeforeEach
    void writeTheFixtureInAFolderNobodyCanUse() throws IOException {
        // @TempDir is private to root; the ordinary user must read the template and write its builds.
        work = Files.createTempDirectory(Path.of("/tmp"), "wazo-deb-matrix");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
        template = PluginDirs.plugin(work.resolve("template"), PluginDirs.pluginYml("matrix", "1.0"), RULES);
        Path data = Files.createDirectories(template.resolve("data"));
        Files.writeString(data.resolve("ambient.txt"), "checked out with the ambient umask\n");
        Files.writeString(data.resolve("tool.sh"), "#!/bin/sh\necho tool\n");
        // Modes wide open, so that the umask under which the checkout is copied decides them.
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : files.toList()) {
                boolean executable = Files.isDirectory(file) || file.endsWith("rules") || file.endsWith("tool.sh");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxrwxrwx" : "rw-rw-rw-"));
            }
        }
        Files.setPosixFilePermissions(work.resolve("template"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeIt() {
        FileTrees.delete(work);
    }

    /**
     * Nine builds, so that each umask meets each locale and each builder meets each umask and each locale
     * (all pairs, not the whole product of eighteen: each build is a JVM and a fakeroot session).
     */
    @Test
    void thePackageIsByteIdenticalAndKeepsTheStepsModesWhoeverBuildsItUnderAnyUmaskAndLocale() throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.SETPRIV, Requirement.FAKEROOT,
                Requirement.DPKG_DEB, Requirement.SETSID, Requirement.FIND);
        String[] umasks = {"022", "077", "002"};
        Locale[] locales = Locale.values();
        Map<Environment, String> sha256s = new LinkedHashMap<>();
        Path first = null;
        for (int i = 0; i < 9; i++) {
            int u = i / 3;
            int l = i % 3;
            Environment environment = new Environment((u + l) % 2 == 0 ? Builder.ROOT : Builder.NOBODY_UNDER_FAKEROOT,
                    umasks[u], locales[l]);
            Path deb = build(i, environment);
            sha256s.put(environment, sha256(deb));
            if (first == null) {
                first = deb;
            }
        }

        assertThat(sha256s.values().stream().distinct()).as("SHA-256 per build: " + sha256s).hasSize(1);
        Map<String, String> listed = modesListed(first);
        assertThat(listed).as("dpkg-deb --contents").containsAllEntriesOf(EXPECTED_MODES);
    }

    /**
     * SPEC: without fakeroot on the PATH the package step runs directly. An ordinary user cannot then
     * {@code install -o root}: the build fails, naming the step, its exit status and install's own complaint,
     * writes nothing, and removes its staging although the step left a 0555 folder and a 0000 file in it.
     */
    @Test
    void anUnprivilegedBuildWithoutFakerootOnThePathFailsNamingThePackageStepAndLeavesNothing() throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.SETPRIV, Requirement.SETSID);
        Path checkout = checkout(0, Builder.NOBODY_UNDER_FAKEROOT, "022");
        Path temp = work.resolve("tmp-0");
        Path out = work.resolve("out-0");
        List<String> launcher = new ArrayList<>(Locale.C_UTF_8.envCommand());
        launcher.add("PATH=" + pathWithoutFakeroot());
        launcher.addAll(SETPRIV_NOBODY);

        CliRun run = CliRun.wazoDebThrough(launcher, List.of("-Djava.io.tmpdir=" + work), work,
                Map.of("HOME", work.toString()), "package", checkout.toString(), "-o", out.toString(),
                "--temp-dir", temp.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).as(run.toString())
                .contains("wazo/rules package failed with exit status 1")
                // EPERM, or EINVAL where the step runs in a user namespace of its own that maps only the
                // builder (root is then a user it does not know).
                .containsPattern("install: cannot change ownership of .*owned\\.yml.*(Operation not permitted|Invalid argument)")
                .doesNotContain("wazo-deb: warning"); // no cleanup problem (plugin.yml lint may warn)
        assertThat(Leftovers.packages(out)).isEmpty();
        assertThat(Leftovers.stagingDirectories(temp)).as("staging left").isEmpty();
    }

    /**
     * SPEC: options are checked before the first step, whoever builds: an output path that is a link to
     * nothing or a file is refused with exit status 2 and the rules steps never run; so is a folder the
     * builder may not write, which only the ordinary user can meet (root writes anywhere).
     */
    @Test
    void anUnusableOutputIsRefusedBeforeTheStepsRunWhoeverBuilds() throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.SETPRIV, Requirement.FAKEROOT);
        Path marker = work.resolve("build-step-ran");
        Path plugin = OutputOptionCheckIT.markingPlugin(work.resolve("marking"), marker);
        Path link = Files.createSymbolicLink(work.resolve("debs-link"), work.resolve("gone"));
        Path file = Files.writeString(work.resolve("debs.txt"), "not a folder\n");
        Path rootsOnly = Files.createDirectory(work.resolve("roots-only"));
        Files.setPosixFilePermissions(rootsOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Builder builder : Builder.values()) {
            Map<Path, String> outputs = new LinkedHashMap<>();
            outputs.put(link, "is a link to " + work.resolve("gone") + ", which does not exist (-o/--output)");
            outputs.put(file, "is not a directory (-o/--output)");
            if (builder == Builder.NOBODY_UNDER_FAKEROOT) {
                outputs.put(rootsOnly.resolve("debs"), "cannot be written to: " + rootsOnly + ": permission denied");
            }
            for (Map.Entry<Path, String> output : outputs.entrySet()) {
                CliRun run = CliRun.wazoDebThrough(launcherFor(builder), List.of("-Djava.io.tmpdir=" + work), work,
                        Map.of("HOME", work.toString()), "package", plugin.toString(), "-o", output.getKey().toString(),
                        "--temp-dir", work.resolve("tmp-options").toString());

                OutputOptionCheckIT.assertRefused(run, output.getValue());
                assertThat(marker).as(builder + ", -o " + output.getKey() + ": the build step's marker").doesNotExist();
            }
        }
        assertThat(work.resolve("gone")).doesNotExist();
        assertThat(TreeState.namesIn(rootsOnly)).isEmpty();
        assertThat(Leftovers.stagingDirectories(work.resolve("tmp-options"))).isEmpty();
    }

    /**
     * SPEC: running out of memory ends with one sentence that says how to give the JVM more, exit status 1,
     * nothing left, whoever builds (the ordinary user's package step under fakeroot).
     */
    @Test
    void runningOutOfMemoryEndsInOneLineAndLeavesNothingWhoeverBuilds() throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.SETPRIV, Requirement.FAKEROOT, Requirement.PYTHON3);
        Path plugin = OutOfMemoryIT.wideNamesPlugin(work.resolve("wide"));
        for (Builder builder : Builder.values()) {
            Path temp = work.resolve("tmp-memory-" + builder);
            Path out = work.resolve("out-memory-" + builder);

            CliRun run = CliRun.wazoDebThrough(launcherFor(builder),
                    List.of(OutOfMemoryIT.SMALL_HEAP, "-Djava.io.tmpdir=" + work), work,
                    Map.of("HOME", work.toString()), "package", "-q", plugin.toString(), "-o", out.toString(),
                    "--temp-dir", temp.toString());

            assertThat(run.exitCode()).as(builder + ": " + run).isEqualTo(1);
            OutOfMemoryIT.assertOneMemoryLine(run, "java -Xmx256m -jar wazo-deb.jar");
            TreeState.assertNothingLeft(out, temp);
            assertThat(TreeState.namesIn(temp)).as(builder + ": left in the temporary directory").isEmpty();
        }
    }

    /**
     * SPEC: the payload rules hold whoever builds: a name dpkg cannot unpack is refused naming it, with nothing
     * left; a setuid file is named in a warning with its mode and owner (the ordinary user's package step
     * makes it under fakeroot, as on a server).
     */
    @Test
    void thePayloadRulesHoldWhoeverBuilds() throws Exception {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.SETPRIV, Requirement.FAKEROOT);
        String longName = "n".repeat(244) + ".py";
        Path refused = PluginDirs.plugin(work.resolve("long-name"), PluginDirs.pluginYml("longname", "1.0"),
                PluginDirs.rulesWhere("package", """
                        mkdir -p "$pkgdir/usr/share/refused"
                        echo data > "$pkgdir/usr/share/refused/%s"
                        """.formatted(longName)));
        Path setuid = PluginDirs.plugin(work.resolve("setuid"), PluginDirs.pluginYml("setuid", "1.0"),
                PluginDirs.rulesWhere("package", """
                        mkdir -p "$pkgdir/usr/bin"
                        printf '#!/bin/sh\\nid -u\\n' > "$pkgdir/usr/bin/as-root"
                        chmod 4755 "$pkgdir/usr/bin/as-root"
                        """));
        PluginDirs.makeReadableByAll(refused);
        PluginDirs.makeReadableByAll(setuid);
        for (Builder builder : Builder.values()) {
            Path temp = work.resolve("tmp-payload-" + builder);
            Path out = work.resolve("out-payload-" + builder);

            CliRun refusedRun = CliRun.wazoDebThrough(launcherFor(builder), List.of("-Djava.io.tmpdir=" + work), work,
                    Map.of("HOME", work.toString()), "package", refused.toString(), "-o", out.toString(),
                    "--temp-dir", temp.toString());
            assertThat(refusedRun.exitCode()).as(builder + ": " + refusedRun).isEqualTo(1);
            assertThat(refusedRun.err()).as(builder + ": " + refusedRun)
                    .contains("payload entry \"usr/share/refused/" + longName + "\" has a name of 247 bytes");
            TreeState.assertNothingLeft(out, temp);

            CliRun warned = CliRun.wazoDebThrough(launcherFor(builder), List.of("-Djava.io.tmpdir=" + work), work,
                    Map.of("HOME", work.toString()), "package", setuid.toString(), "-o", out.toString(),
                    "--temp-dir", temp.toString());
            assertThat(warned.exitCode()).as(builder + ": " + warned).isZero();
            assertThat(warned.err()).as(builder + ": " + warned)
                    .contains("payload entry \"usr/bin/as-root\" is setuid (mode 4755, owner root:root)");
            assertThat(modesListed(Path.of(warned.out().strip()))).containsEntry("./usr/bin/as-root", "-rwsr-xr-x root/root");
            FileTrees.delete(out);
        }
    }


    private static List<String> launcherFor(Builder builder) {
        List<String> launcher = new ArrayList<>(Locale.C_UTF_8.envCommand());
        if (builder == Builder.NOBODY_UNDER_FAKEROOT) {
            launcher.addAll(SETPRIV_NOBODY);
        }
        return launcher;
    }

    private Path build(int index, Environment environment) throws IOException, InterruptedException {
        Path checkout = checkout(index, environment.builder(), environment.umask());
        List<String> launcher = new ArrayList<>(environment.locale().envCommand());
        if (environment.builder() == Builder.NOBODY_UNDER_FAKEROOT) {
            launcher.addAll(SETPRIV_NOBODY);
        }
        launcher.addAll(List.of("sh", "-c", "umask " + environment.umask() + " && exec \"$@\"", "sh"));
        CliRun run = CliRun.wazoDebThrough(launcher, List.of("-Djava.io.tmpdir=" + work), work,
                Map.of("HOME", work.toString()), "package", checkout.toString(),
                "-o", work.resolve("out-" + index).toString(), "--temp-dir", work.resolve("tmp-" + index).toString());
        assertThat(run.exitCode()).as(environment + ": " + run).isZero();
        // Both steps run under umask 022 whatever the builder's, as under wazo-plugind's daemon.
        assertThat(run.err().lines().filter(line -> line.startsWith("  step umask ")))
                .as(environment + ": " + run).containsExactly("  step umask 0022", "  step umask 0022");
        return Path.of(run.out().strip());
    }

    /** The plugin's checkout, copied from the template by {@code builder} under {@code umask}. */
    private Path checkout(int index, Builder builder, String umask) {
        Path checkout = work.resolve("checkout-" + index);
        List<String> command = new ArrayList<>();
        if (builder == Builder.NOBODY_UNDER_FAKEROOT) {
            command.addAll(SETPRIV_NOBODY);
        }
        command.addAll(List.of("sh", "-c", "umask " + umask + " && cp -R \"$1\" \"$2\"", "sh",
                template.toString(), checkout.toString()));
        CommandResult copy = Commands.run(command);
        assertThat(copy.succeeded()).as(copy.describe()).isTrue();
        return checkout;
    }

    /** A folder of links to every program on the usual PATH but fakeroot's. */
    private String pathWithoutFakeroot() throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin-without-fakeroot"));
        for (String directory : Commands.PATH.split(":")) {
            Path dir = Path.of(directory);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> programs = Files.list(dir)) {
                for (Path program : programs.toList()) {
                    String name = program.getFileName().toString();
                    Path link = bin.resolve(name);
                    if (!name.startsWith("fakeroot") && !name.startsWith("faked") && !Files.exists(link)
                            && Files.isExecutable(program) && !Files.isDirectory(program)) {
                        Files.createSymbolicLink(link, program);
                    }
                }
            }
        }
        return bin.toString();
    }

    /** Path to "mode owner" as {@code dpkg-deb --contents} lists them (in a UTF-8 locale, for café.txt). */
    private static Map<String, String> modesListed(Path deb) {
        SplitResult contents = Commands.runSplit(List.of("dpkg-deb", "--contents", deb.toString()),
                Map.of("LC_ALL", "C.UTF-8"), Commands.DEFAULT_TIMEOUT);
        assertThat(contents.succeeded()).as(contents.describe()).isTrue();
        Map<String, String> modes = new LinkedHashMap<>();
        for (String line : contents.stdout().lines().toList()) {
            // -rw-r--r-- root/root      10 2000-01-01 00:00 ./usr/share/matrix/x [-> target]
            String[] fields = line.split(" +", 6);
            modes.put(fields[5], fields[0] + " " + fields[1]);
        }
        return modes;
    }

    private static Map<String, String> expectedModes() {
        Map<String, String> modes = new LinkedHashMap<>();
        modes.put(MATRIX, "drwxr-xr-x root/root");
        modes.put(MATRIX + "readonly.txt", "-r--r--r-- root/root");
        modes.put(MATRIX + "nothing.txt", "---------- root/root");
        modes.put(MATRIX + "sealed/", "dr-xr-xr-x root/root");
        modes.put(MATRIX + "sealed/inside.txt", "-rw-r--r-- root/root");
        modes.put(MATRIX + "café.txt", "-rw-r--r-- root/root");
        modes.put(MATRIX + "link -> readonly.txt", "lrwxrwxrwx root/root");
        // Copied from the working copy, whose modes are a git checkout's whatever the checkout's umask was.
        modes.put(MATRIX + "ambient.txt", "-rw-r--r-- root/root");
        modes.put(MATRIX + "tool.sh", "-rwxr-xr-x root/root");
        modes.put(MATRIX + "owned.yml", "-rw-r----- root/root");
        modes.put("./usr/lib/wazo-plugind/plugins/itest/matrix/wazo/rules", "-rwxr-xr-x root/root");
        modes.put("./usr/lib/wazo-plugind/plugins/itest/matrix/wazo/plugin.yml", "-rw-r--r-- root/root");
        return Map.copyOf(modes);
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[65536];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
