package io.github.wazodeb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PluginDirectoryTest {

    private static final String VALID = "name: hello\nnamespace: acme\nversion: \"1.0\"\n";

    @TempDir
    Path dir;

    private Path plugin(String yaml, String rules, boolean executable) throws IOException {
        return plugin(yaml.getBytes(StandardCharsets.UTF_8), rules, executable);
    }

    private Path plugin(byte[] yaml, String rules, boolean executable) throws IOException {
        Files.createDirectories(dir.resolve("wazo"));
        Files.write(dir.resolve("wazo/plugin.yml"), yaml);
        if (rules != null) {
            Path script = Files.writeString(dir.resolve("wazo/rules"), rules);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
        return dir;
    }

    private static List<String> lines(PluginReport report) {
        return report.problems().stream().map(Problem::format).toList();
    }

    @Test
    void validDirectoryGivesTheDescriptor() throws IOException {
        PluginReport report = PluginReader.readDirectory(plugin(VALID, "#!/bin/sh\n", true));
        assertThat(report.problems()).isEmpty();
        assertThat(report.descriptor().orElseThrow().debianPackageName()).isEqualTo("wazo-plugind-hello-acme");
    }

    @Test
    void aPluginYmlThatIsALinkIsAnErrorWhereverItPoints() throws IOException {
        plugin(VALID, "#!/bin/sh\n", true);
        Files.move(dir.resolve("wazo/plugin.yml"), dir.resolve("wazo/real.yml"));
        Files.createSymbolicLink(dir.resolve("wazo/plugin.yml"), Path.of("real.yml"));

        PluginReport report = PluginReader.readDirectory(dir);

        assertThat(report.descriptor()).isEmpty();
        assertThat(lines(report)).containsExactly("wazo/plugin.yml: is a symbolic link (to real.yml): "
                + PluginReader.PLUGIN_YML_LINK);
    }

    @Test
    void missingDirectoryIsAnError() {
        Path missing = dir.resolve("nope");
        assertThat(lines(PluginReader.readDirectory(missing))).containsExactly(missing + ": does not exist");
    }

    @Test
    void fileInsteadOfDirectoryIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(PluginReader.readDirectory(file).errors()).singleElement().extracting(Problem::rule).asString()
                .startsWith("is not a directory");
    }

    @Test
    void missingPluginYmlIsAnError() throws IOException {
        Files.createDirectories(dir.resolve("wazo"));
        Files.writeString(dir.resolve("wazo/rules"), "#!/bin/sh\n");
        assertThat(lines(PluginReader.readDirectory(dir))).startsWith(
                "wazo/plugin.yml: missing: create it with at least name, namespace and version");
    }

    @Test
    void missingRulesIsAnErrorSayingWhatToCreate() throws IOException {
        assertThat(lines(PluginReader.readDirectory(plugin(VALID, null, false)))).containsExactly(
                "wazo/rules: missing: create an executable script taking build, package, install, uninstall[, postrm]");
    }

    @Test
    void nonExecutableRulesIsAnErrorSayingHowToFixIt() throws IOException {
        PluginReport report = PluginReader.readDirectory(plugin(VALID, "#!/bin/sh\n", false));
        // root may execute a file with no x bit only when some x bit is set; none is, so this holds for root too
        assertThat(lines(report)).containsExactly("wazo/rules: is not executable: run chmod +x wazo/rules "
                + "(in a git repository: git update-index --chmod=+x wazo/rules)");
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void postrmStepAtFormatZeroIsAWarning() throws IOException {
        PluginReport report = PluginReader.readDirectory(plugin(VALID,
                "#!/bin/sh\ncase \"$1\" in\n  build|package|install|uninstall) ;;\n  postrm) rm -rf /x ;;\nesac\n", true));
        assertThat(report.isValid()).isTrue();
        assertThat(lines(report)).containsExactly("wazo/rules:4:3: warning: has a postrm step, which is never called "
                + "with plugin_format_version 0: set plugin_format_version: 1");
    }

    @Test
    void postrmStepAtFormatOneIsFine() throws IOException {
        PluginReport report = PluginReader.readDirectory(plugin(VALID + "plugin_format_version: 1\n",
                "#!/bin/sh\ncase \"$1\" in\n  build|package|install|uninstall|postrm) ;;\nesac\n", true));
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void byteOrderMarkOnDiskIsAccepted() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] yaml = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + yaml.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(yaml, 0, bytes, bom.length, yaml.length);
        PluginReport report = PluginReader.readDirectory(plugin(bytes, "#!/bin/sh\n", true));
        assertThat(report.descriptor().orElseThrow().name()).isEqualTo("hello");
    }

    @Test
    void invalidUtf8IsAnErrorWithItsPosition() throws IOException {
        byte[] bytes = (VALID + "x: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(lines(PluginReader.readDirectory(plugin(bytes, "#!/bin/sh\n", true)))).containsExactly(
                "wazo/plugin.yml:4:7: is not valid UTF-8 (byte 0xe9 at offset 49): save the file as UTF-8");
    }

    @Test
    void fiftyMegabyteFileIsRefusedWithoutReadingIt() throws IOException {
        plugin(VALID, "#!/bin/sh\n", true);
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("wazo/plugin.yml").toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024); // sparse: cheap to make, and reading it would be slow
        }
        assertThat(lines(PluginReader.readDirectory(dir))).containsExactly(
                "wazo/plugin.yml: is 52428800 bytes long; a plugin.yml may be at most 1048576 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal.yml", "market.yml", "format1-postrm.yml", "crlf.yml", "bom.yml"})
    void realWorldShapesAreAccepted(String resource) throws IOException {
        byte[] yaml;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/plugins/" + resource))) {
            yaml = in.readAllBytes();
        }
        PluginReport report = PluginReader.readDirectory(plugin(yaml, "#!/bin/sh\ncase \"$1\" in postrm) ;; esac\n", true));
        assertThat(report.errors()).isEmpty();
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void marketPluginKeepsLiteralVersionsAndMarketKeys() throws IOException {
        byte[] yaml;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/plugins/market.yml"))) {
            yaml = in.readAllBytes();
        }
        PluginReport report = PluginReader.readDirectory(plugin(yaml, "#!/bin/sh\n", true));
        PluginDescriptor descriptor = report.descriptor().orElseThrow();
        assertThat(descriptor.version()).isEqualTo("1.10");
        assertThat(descriptor.minWazoVersion()).contains("20.10");
        assertThat(descriptor.maxWazoVersion()).contains("22.16");
        assertThat(descriptor.pluginFormatVersion()).isEqualTo(2);
        assertThat(descriptor.depends()).singleElement().satisfies(d -> assertThat(d.version()).contains("0.3.1"));
        assertThat(descriptor.otherKeys()).containsEntry("tags", List.of("admin", "conference"))
                .containsEntry("display_name", "Conference admin UI").containsKeys("author", "homepage");
        assertThat(report.warnings()).extracting(Problem::key)
                .containsExactly("min_wazo_version");
    }
}
