package io.github.wazodeb.deb.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.Lintian;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.model.PluginDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our control text and scripts, packed by the real {@code dpkg-deb --build} (which parses and checks both),
 * read back field by field with {@code dpkg-deb --field}, and judged by lintian.
 */
class DpkgDebAcceptanceTest {

    /**
     * What lintian may say at error or warning level about any package built to the contract. wazo-plugind's
     * packages have no copyright file and no changelog (nothing in the contract asks for them), and
     * {@code wazo-plugind-plugin} is the section wazo-plugind lists plugins by, unknown to Debian.
     */
    static final Set<String> EXPECTED_LINTIAN = Set.of(
            "E: no-copyright-file",
            "E: no-changelog",
            "W: unknown-section");

    @TempDir
    Path dir;

    @BeforeEach
    void needsDpkgDeb() {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
    }

    static Stream<Arguments> packages() {
        Map<String, PluginDescriptor> cases = new LinkedHashMap<>(Descriptors.goldenCases());
        cases.put("hostile-description", Descriptors.plugin("hostile", "demo", "1.0", Optional.of("""
                Package: evil
                Version: 666
                
                .
                .Essential: yes
                \tDescription: indented
                  .
                Priority: required\r
                Architecture: amd64"""), 1, List.of(), List.of()));
        return cases.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void dpkgDebReadsBackEveryFieldAsWritten(String name, PluginDescriptor plugin) throws IOException {
        ControlFile control = ControlFile.of(plugin, Descriptors.MAINTAINER, 24);
        Path deb = build(plugin, control, List.of());

        for (Map.Entry<String, String> field : control.fields().entrySet()) {
            assertThat(DpkgDeb.field(deb, field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
        }
        for (String injected : List.of("Source", "Pre-Depends", "Homepage")) {
            assertThat(DpkgDeb.field(deb, injected)).as(injected).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void dpkgDebPacksTheScriptsAsMaintainerScripts(String name, PluginDescriptor plugin) throws IOException {
        Path deb = build(plugin, ControlFile.of(plugin, Descriptors.MAINTAINER, 24), List.of());

        String info = DpkgDeb.info(deb);

        assertThat(info).containsPattern("\\d+ bytes, +\\d+ lines +\\* +postinst +#!/bin/sh")
                .containsPattern("\\* +prerm +#!/bin/sh").containsPattern("\\* +postrm +#!/bin/sh");
        assertThat(DpkgDeb.info(deb, "postrm")).isEqualTo(MaintainerScripts.of(plugin).postrm());
        Optional<String> preinst = MaintainerScripts.of(plugin).preinst();
        if (preinst.isPresent()) {
            assertThat(info).containsPattern("\\* +preinst +#!/bin/sh");
            assertThat(DpkgDeb.info(deb, "preinst")).isEqualTo(preinst.get());
        } else {
            assertThat(info).doesNotContain("preinst");
        }
    }

    /** One lintian run for every package (lintian's start-up dominates its time). */
    @Test
    void lintianFindsOnlyWhatTheContractImplies() throws IOException {
        Requirements.assumeAvailable(Requirement.LINTIAN);
        List<Path> debs = new ArrayList<>();
        List<String> packageNames = new ArrayList<>();
        for (Arguments arguments : packages().toList()) {
            PluginDescriptor plugin = (PluginDescriptor) arguments.get()[1];
            debs.add(build(plugin, ControlFile.of(plugin, Descriptors.MAINTAINER, 24), List.of()));
            packageNames.add(plugin.debianPackageName());
        }

        Lintian.Report report = Lintian.check(debs);

        Map<String, Set<String>> tagsByPackage = new TreeMap<>();
        for (Lintian.Tag tag : report.tags()) {
            if (tag.severity() == 'E' || tag.severity() == 'W') {
                tagsByPackage.computeIfAbsent(tag.packageName(), p -> new TreeSet<>()).add(tag.severity() + ": " + tag.name());
            }
        }
        assertThat(tagsByPackage.keySet()).as(report.output()).containsExactlyInAnyOrderElementsOf(packageNames);
        assertThat(tagsByPackage).as(report.output()).allSatisfy((pkg, tags) -> assertThat(tags).isSubsetOf(EXPECTED_LINTIAN));
    }

    @Test
    void dpkgDebAcceptsTheConffilesMember() throws IOException {
        PluginDescriptor plugin = Descriptors.minimal();
        List<String> conffiles = List.of("/etc/wazo-hello/b.yml", "/etc/wazo-hello/a.yml");
        Path deb = build(plugin, ControlFile.of(plugin, Descriptors.MAINTAINER, 24), conffiles);

        String conffilesMember = DpkgDeb.info(deb, "conffiles");

        assertThat(conffilesMember).isEqualTo("/etc/wazo-hello/b.yml\n/etc/wazo-hello/a.yml\n");
    }

    /** A staging tree as the pipeline makes it (payload, md5sums, our control files), packed by dpkg-deb. */
    private Path build(PluginDescriptor plugin, ControlFile control, List<String> conffiles) throws IOException {
        Path staging = directory(dir.resolve(plugin.debianPackageName()));
        Path wazo = directory(staging, MaintainerScripts.rulesPath(plugin).replaceFirst("/rules$", "").substring(1));
        List<String> payload = new ArrayList<>();
        payload.add(file(staging, wazo.resolve("rules"), "#!/bin/sh\nexit 0\n", "rwxr-xr-x"));
        payload.add(file(staging, wazo.resolve("plugin.yml"), "name: " + plugin.name() + "\n", "rw-r--r--"));
        for (String conffile : conffiles) {
            Path path = staging.resolve(conffile.substring(1));
            directory(staging, staging.relativize(path.getParent()).toString());
            payload.add(file(staging, path, "setting: 1\n", "rw-r--r--"));
        }

        Path debian = directory(staging, "DEBIAN");
        Files.write(debian.resolve("control"), control.bytes());
        MaintainerScripts scripts = MaintainerScripts.of(plugin);
        file(staging, debian.resolve("postinst"), scripts.postinst(), "rwxr-xr-x");
        file(staging, debian.resolve("prerm"), scripts.prerm(), "rwxr-xr-x");
        file(staging, debian.resolve("postrm"), scripts.postrm(), "rwxr-xr-x");
        if (scripts.preinst().isPresent()) {
            file(staging, debian.resolve("preinst"), scripts.preinst().get(), "rwxr-xr-x");
        }
        Conffiles.of(conffiles).ifPresent(bytes -> write(debian.resolve("conffiles"), bytes));
        StringBuilder md5sums = new StringBuilder();
        for (String path : payload) {
            md5sums.append(md5(staging.resolve(path))).append("  ").append(path).append('\n');
        }
        file(staging, debian.resolve("md5sums"), md5sums.toString(), "rw-r--r--");

        Path deb = dir.resolve(plugin.debianPackageName() + "_" + plugin.version().replace(':', '%') + "_all.deb");
        assertThat(DpkgDeb.build(staging, deb)).as("dpkg-deb warnings").isEmpty();
        return deb;
    }

    private static Path directory(Path path) throws IOException {
        Files.createDirectories(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    /** Creates {@code relative} under {@code base} and every directory on the way, each 0755. */
    private static Path directory(Path base, String relative) throws IOException {
        Path current = base;
        for (Path segment : Path.of(relative)) {
            current = directory(current.resolve(segment.toString()));
        }
        return current;
    }

    /** Writes the file with the mode and returns its path relative to {@code staging}. */
    private static String file(Path staging, Path file, String text, String mode) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return staging.relativize(file).toString();
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String md5(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
