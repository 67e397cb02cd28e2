package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code wazo-deb inspect}, run from the built jar on a package it built. */
class InspectCommandIT {

    @TempDir
    Path work;

    @Test
    void inspectShowsTheControlFieldsScriptsAndContents() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0"), PluginDirs.packagingRules());
        CliRun built = CliRun.wazoDeb(work, Map.of("SOURCE_DATE_EPOCH", "1700000000"), "package", plugin.toString(),
                "-o", "out", "--compression", "zstd");
        assertThat(built.exitCode()).as(built.toString()).isZero();

        CliRun run = CliRun.wazoDeb(work, Map.of(), "inspect", built.out().strip());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains(" Package: wazo-plugind-hello-itest")
                .contains(" Section: wazo-plugind-plugin")
                .contains("data.tar.zst")
                .contains(" postinst ")
                .containsPattern("-rwxr-xr-x root/root +\\d+ 2023-11-14 22:13 ./usr/lib/wazo-plugind/plugins/itest/hello/wazo/rules");
    }

    @Test
    void aFileThatIsNotAPackageIsOneLineInWordsWithoutItsBytes() throws Exception {
        // What a terminal would act on if it were echoed: a colour, a window title, a cleared screen.
        Path notADeb = Files.writeString(work.resolve("notes.deb"),
                "\u001b[31mroot:x:0:0\u001b]0;owned\u0007\u001b[2J\n");

        CliRun run = CliRun.wazoDeb(work, Map.of(), "inspect", notADeb.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("wazo-deb: " + notADeb + ": not a Debian package (a .deb is an ar archive, "
                + "and this file does not start as one)\n");
    }

    @ParameterizedTest(name = "cut at {0} bytes")
    @ValueSource(ints = {0, 8, 70, 200, 1000})
    void aTruncatedPackageIsOneReadableLine(int keep) throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("hello", "1.0"), PluginDirs.packagingRules());
        CliRun built = CliRun.wazoDeb(work, Map.of(), "package", plugin.toString(), "-o", "out", "-q");
        assertThat(built.exitCode()).as(built.toString()).isZero();
        byte[] whole = Files.readAllBytes(Path.of(built.out().strip()));
        Path cut = Files.write(work.resolve("cut.deb"), Arrays.copyOf(whole, keep));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "inspect", cut.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines()).as(run.toString()).singleElement().asString()
                .startsWith("wazo-deb: " + cut + ": ").doesNotContain("null").doesNotContain("Invalid header")
                .matches("\\p{Print}+");
        UserMessages.assertPlain(run.err());
    }

    @Test
    void aMemberNameIsShownPrintable() throws Exception {
        Path hostile = Files.write(work.resolve("hostile.deb"), ArArchive.of(
                "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII),
                "data.tar\u001b[2J", "x".getBytes(StandardCharsets.US_ASCII)));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "inspect", hostile.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("wazo-deb: " + hostile + ": member data.tar?[2J uses a compression wazo-deb "
                + "does not read\n");
    }

    @Test
    void aFolderIsNamedAsOne() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "inspect", work.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("wazo-deb: " + work + ": a folder, not a package: name a .deb file\n");
    }

    /** A GNU {@code ar} archive of the given members (name, content, ...), as dpkg-deb lays one out. */
    private static final class ArArchive {
        static byte[] of(Object... namesAndContents) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("!<arch>\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = (byte[]) namesAndContents[i + 1];
                String header = String.format(Locale.ROOT, "%-16s%-12d%-6d%-6d%-8s%-10d`\n",
                        namesAndContents[i] + "/", 0, 0, 0, "100644", content.length);
                out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(content);
                if (content.length % 2 == 1) {
                    out.write('\n');
                }
            }
            return out.toByteArray();
        }
    }
}
