package io.github.wazodeb.deb.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.Compression;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the real dpkg-deb reads from packages this writer makes. */
class DebArchiveDpkgTest {

    @TempDir
    Path temp;

    Path staging;

    @BeforeEach
    void setUp() throws IOException {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        staging = Fixtures.richTree(temp.resolve("staging"));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void dpkgDebReadsTheControlFields(Compression compression) throws IOException {
        Path deb = temp.resolve("pkg.deb");
        DataMember data = Fixtures.writeDeb(staging, compression, deb);

        assertThat(DpkgDeb.field(deb, "Package")).isEqualTo("wazo-archive-test");
        assertThat(DpkgDeb.field(deb, "Installed-Size")).isEqualTo(String.valueOf(data.installedSizeKiB()));
        assertThat(DpkgDeb.info(deb))
                .contains("new Debian package, version 2.0.")
                .containsPattern("\\d+ bytes, +\\d+ lines +control")
                .containsPattern("\\d+ bytes, +\\d+ lines +md5sums");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void dpkgDebListsEveryEntryWithModeOwnerAndLinkTarget(Compression compression) throws IOException {
        Path deb = temp.resolve("pkg.deb");
        Fixtures.writeDeb(staging, compression, deb);

        String contents = DpkgDeb.contents(deb);

        assertThat(contents.lines()).allMatch(line -> line.contains(" root/root "), "owned by root/root")
                .allMatch(line -> line.contains(" 2024-05-06 07:08 "), "stamped with the timestamp");
        assertThat(contents.lines().findFirst()).hasValueSatisfying(first ->
                assertThat(first).startsWith("drwxr-xr-x").endsWith(" ./"));
        assertThat(contents)
                .containsPattern("(?m)^-rwxr-xr-x root/root +20 \\S+ \\S+ \\./usr/bin/tool$")
                .containsPattern("(?m)^-rwsr-xr-x root/root +20 \\S+ \\S+ \\./usr/bin/suid$")
                .containsPattern("(?m)^drwxr-xr-x root/root +0 \\S+ \\S+ \\./usr/share/empty/$")
                .containsPattern("(?m)^lrwxrwxrwx root/root +0 \\S+ \\S+ \\./usr/lib/pkg/dangling -> \\.\\./nowhere$")
                .containsPattern("(?m)^lrwxrwxrwx root/root +0 \\S+ \\S+ \\./usr/lib/pkg/docdir -> \\.\\./\\.\\./share/doc/pkg$")
                .contains("./usr/lib/pkg/longlink -> " + Fixtures.LONG_LINK_TARGET + "\n")
                .containsPattern("(?m)^-rw-r--r-- root/root +2400 \\S+ \\S+ \\./usr/lib/pkg/hard$")
                .containsPattern("(?m)^hrw-r--r-- root/root +0 \\S+ \\S+ \\./usr/share/doc/pkg/readme link to \\./usr/lib/pkg/hard$")
                .containsPattern("(?m)^-rw-r----- root/root +5 \\S+ \\S+ \\./" + Fixtures.LONG_FILE + "$")
                .containsPattern("(?m)^-rw-r--r-- root/root +0 \\S+ \\S+ \\./usr/share/doc/pkg/empty$");
        assertThat(Fixtures.LONG_FILE.length()).isGreaterThan(200);
        assertThat(Fixtures.LONG_LINK_TARGET.length()).isGreaterThan(100);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void dpkgDebExtractsIdenticalContentModesAndLinks(Compression compression) throws IOException {
        Path deb = temp.resolve("pkg.deb");
        Fixtures.writeDeb(staging, compression, deb);
        Path extracted = temp.resolve("extracted");

        DpkgDeb.extract(deb, extracted);

        assertThat(describe(extracted)).isEqualTo(describe(staging));
        assertThat(Files.exists(extracted.resolve(Fixtures.UTF8_FILE), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.getAttribute(extracted.resolve("usr/lib/pkg/hard"), "unix:ino"))
                .isEqualTo(Files.getAttribute(extracted.resolve("usr/share/doc/pkg/readme"), "unix:ino"));
    }

    @Test
    void controlMembersAreOwnedByRootAndKeepTheirModes() throws IOException {
        Requirements.assumeAvailable(Requirement.TAR);
        Path deb = temp.resolve("pkg.deb");
        Fixtures.writeDeb(staging, Compression.ZSTD, deb);

        String listing = Commands.shell("dpkg-deb --ctrl-tarfile \"$1\" | tar -tvf -", deb.toString());

        assertThat(listing.lines()).hasSize(3).allMatch(line -> line.contains(" root/root "));
        assertThat(listing).containsPattern("(?m)^drwxr-xr-x root/root +0 2024-05-06 07:08 \\./$")
                .containsPattern("(?m)^-rw-r--r-- root/root +\\d+ 2024-05-06 07:08 \\./control$")
                .containsPattern("(?m)^-rw-r--r-- root/root +\\d+ 2024-05-06 07:08 \\./md5sums$");
    }

    @Test
    void md5sumsMatchMd5sumOfTheExtractedFiles() throws IOException {
        Requirements.assumeAvailable(Requirement.MD5SUM);
        Path deb = temp.resolve("pkg.deb");
        Fixtures.writeDeb(staging, Compression.XZ, deb);
        Path extracted = temp.resolve("extracted");
        DpkgDeb.extract(deb, extracted);
        Path control = temp.resolve("control");
        DpkgDeb.extractControl(deb, control);

        String md5sums = Files.readString(control.resolve("md5sums"), StandardCharsets.UTF_8);
        String expected = Commands.shell("cd \"$1\" && find . -type f -printf '%P\\0' | LC_ALL=C sort -z"
                + " | xargs -0 md5sum", extracted.toString());

        assertThat(md5sums).isEqualTo(expected);
        assertThat(Commands.shell("cd \"$1\" && md5sum --check --strict --quiet \"$2\" && echo verified",
                extracted.toString(), control.resolve("md5sums").toString())).isEqualTo("verified\n");
    }

    /** Path -> type, mode, content or link target: everything the package must carry over unchanged. */
    static Map<String, String> describe(Path root) throws IOException {
        Map<String, String> description = new TreeMap<>();
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String relative = root.relativize(p).toString();
                int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                String value;
                if (Files.isSymbolicLink(p)) {
                    value = "link -> " + Files.readSymbolicLink(p);
                } else if (Files.isDirectory(p)) {
                    value = "dir " + Integer.toOctalString(mode & 07777);
                } else {
                    value = "file " + Integer.toOctalString(mode & 07777) + " "
                            + java.util.HexFormat.of().formatHex(Files.readAllBytes(p));
                }
                description.put(relative, value);
            }
        }
        return description;
    }
}
