package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.deb.testing.SplitResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wazo-deb inspect --json} and {@code --scripts}, run from the built jar, checked against dpkg-deb's own
 * view of the same package: {@code -f} for the fields, {@code -c} for the files, {@code --ctrl-tarfile} for
 * the scripts, md5sums and conffiles.
 */
class InspectJsonIT {

    private static final String LONG_NAME = "a-file-name-long-enough-that-its-path-needs-a-gnu-long-name-entry-"
            + "in-the-tar-member-of-the-package.txt";

    /** One {@code tar -tv} line of {@code dpkg-deb -c}: mode, owner/group, size, date, time, path. */
    private static final Pattern LISTING =
            Pattern.compile("([-dlhcbp])([-rwxsStT]{9}) ([^/ ]+)/(\\S+) +(\\d+) \\S+ \\S+ (.*)");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @BeforeEach
    void needsDpkgDeb() {
        Requirements.assumeAvailable(Requirement.DPKG_DEB, Requirement.TAR);
    }

    @Test
    void jsonOfAPackageWazoDebBuiltMatchesDpkgDebsView() throws Exception {
        Path plugin = PluginDirs.plugin(work, PluginDirs.pluginYml("odd", "1.0"), oddPayloadRules());
        CliRun built = CliRun.wazoDeb(work, Map.of("SOURCE_DATE_EPOCH", "1700000000"), "package", plugin.toString(),
                "-o", "out", "--conffile", "/etc/itest/odd.conf");
        assertThat(built.exitCode()).as(built.toString()).isZero();
        Path deb = Path.of(built.out().strip());

        JsonNode json = inspectJson(deb);

        assertMatchesDpkgDeb(json, deb);
        assertThat(paths(json)).contains("./usr/share/itest/café.txt", "./usr/share/itest/" + LONG_NAME);
        assertThat(file(json, "./usr/share/itest/link").get("target").asText()).isEqualTo("café.txt");
        assertThat(file(json, "./usr/lib/itest/helper").get("mode").asText()).isEqualTo("4755");
        assertThat(json.get("conffiles")).hasSize(1);
        assertThat(json.get("conffiles").get(0).asText()).isEqualTo("/etc/itest/odd.conf");
        assertThat(json.get("scripts").has("postinst")).isTrue();
        assertThat(json.get("md5sums").has("usr/share/itest/café.txt")).isTrue();
    }

    @Test
    void jsonOfAPackageDpkgDebBuiltMatchesDpkgDebsView() throws Exception {
        Path deb = handMadePackage();

        JsonNode json = inspectJson(deb);

        assertMatchesDpkgDeb(json, deb);
        assertThat(json.get("fields").get("Description").asText()).isEqualTo("made by hand\n with dpkg-deb -b");
        assertThat(file(json, "./usr/bin/tool").get("mode").asText()).isEqualTo("6755");
        assertThat(json.get("scripts").has("preinst")).isTrue();
        assertThat(json.get("conffiles")).hasSize(1);
    }

    @Test
    void scriptsShowsTheMaintainerScriptsText() throws Exception {
        Path deb = handMadePackage();

        CliRun plain = CliRun.wazoDeb(work, Map.of(), "inspect", deb.toString());
        CliRun withScripts = CliRun.wazoDeb(work, Map.of(), "inspect", "--scripts", deb.toString());

        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(plain.out()).doesNotContain("echo hand-made preinst");
        assertThat(withScripts.exitCode()).as(withScripts.toString()).isZero();
        assertThat(withScripts.out()).contains("Script preinst:\n #!/bin/sh\n set -e\n echo hand-made preinst\n")
                .contains("Script postrm:\n #!/bin/sh\n");
    }

    private JsonNode inspectJson(Path deb) throws Exception {
        // A C locale: the JSON must stay right when the JVM cannot write non-ASCII text.
        CliRun run = CliRun.wazoDeb(work, Map.of("LC_ALL", "C", "LANG", "C"), "inspect", "--json", deb.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = JSON.readTree(run.out());
        assertThat(fieldNames(json)).containsExactly("fields", "files", "scripts", "md5sums", "conffiles");
        return json;
    }

    private void assertMatchesDpkgDeb(JsonNode json, Path deb) throws Exception {
        assertFieldsMatch(json.get("fields"), deb);
        assertFilesMatch(json.get("files"), deb);
        assertControlFilesMatch(json, deb);
    }

    private static void assertFieldsMatch(JsonNode fields, Path deb) {
        List<String> dpkgNames = Commands.stdoutOf("dpkg-deb", "--field", deb.toString()).lines().filter(line -> !line.startsWith(" "))
                .map(line -> line.substring(0, line.indexOf(':'))).toList();
        assertThat(fieldNames(fields)).as("field names in order").containsExactlyElementsOf(dpkgNames);
        for (String name : dpkgNames) {
            assertThat(fields.get(name).asText()).as(name).isEqualTo(DpkgDeb.field(deb, name));
        }
    }

    private static void assertFilesMatch(JsonNode files, Path deb) {
        SplitResult listing = Commands.runSplit(List.of("dpkg-deb", "--contents", deb.toString()),
                Map.of("LC_ALL", "C.UTF-8"), Duration.ofSeconds(60));
        assertThat(listing.succeeded()).as(listing.describe()).isTrue();
        List<String> lines = listing.stdout().lines().toList();
        assertThat(files).as("one file per dpkg-deb -c line").hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Matcher line = LISTING.matcher(lines.get(i));
            assertThat(line.matches()).as(lines.get(i)).isTrue();
            JsonNode file = files.get(i);
            String pathAndTarget = line.group(6);
            String type = line.group(1);
            String path = pathAndTarget;
            if (type.equals("l")) {
                path = pathAndTarget.substring(0, pathAndTarget.indexOf(" -> "));
                assertThat(file.get("target").asText()).isEqualTo(pathAndTarget.substring(path.length() + 4));
            } else if (pathAndTarget.contains(" link to ")) {
                path = pathAndTarget.substring(0, pathAndTarget.indexOf(" link to "));
                type = "h";
                assertThat(file.get("target").asText()).isEqualTo(pathAndTarget.substring(path.length() + 9));
            } else {
                assertThat(file.has("target")).as(path + " has no target").isFalse();
            }
            assertThat(file.get("path").asText()).isEqualTo(path);
            assertThat(file.get("type").asText()).as(path).isEqualTo(typeName(type));
            assertThat(file.get("mode").asText()).as(path).isEqualTo(octal(line.group(2)));
            assertThat(file.get("owner").asText()).as(path).isEqualTo(line.group(3));
            assertThat(file.get("group").asText()).as(path).isEqualTo(line.group(4));
            assertThat(file.get("size").asLong()).as(path).isEqualTo(Long.parseLong(line.group(5)));
        }
    }

    private void assertControlFilesMatch(JsonNode json, Path deb) throws Exception {
        Path control = Files.createTempDirectory(work, "control");
        Commands.shell("dpkg-deb --ctrl-tarfile \"$1\" | tar -x -C \"$2\"", deb.toString(), control.toString());
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String name : List.of("preinst", "postinst", "prerm", "postrm", "config")) {
            if (Files.exists(control.resolve(name))) {
                scripts.put(name, Files.readString(control.resolve(name), StandardCharsets.UTF_8));
            }
        }
        assertThat(textMap(json.get("scripts"))).isEqualTo(scripts);

        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(control.resolve("md5sums"), StandardCharsets.UTF_8)) {
            sums.put(line.substring(34), line.substring(0, 32));
        }
        assertThat(textMap(json.get("md5sums"))).isEqualTo(sums);

        List<String> conffiles = Files.exists(control.resolve("conffiles"))
                ? Files.readAllLines(control.resolve("conffiles"), StandardCharsets.UTF_8)
                : List.of();
        List<String> listed = new ArrayList<>();
        json.get("conffiles").forEach(entry -> listed.add(entry.asText()));
        assertThat(listed).isEqualTo(conffiles);
    }

    /** A package made with dpkg-deb -b: scripts, a conffile, a hard link, a setuid-and-setgid file. */
    private Path handMadePackage() throws Exception {
        Path tree = Files.createDirectories(work.resolve("tree"));
        Path debian = Files.createDirectories(tree.resolve("DEBIAN"));
        Files.writeString(debian.resolve("control"), """
                Package: hand-made
                Version: 2.0-1
                Architecture: all
                Maintainer: Tester <tester@example.org>
                Depends: dpkg (>= 1.19)
                Description: made by hand
                 with dpkg-deb -b
                """, StandardCharsets.UTF_8);
        script(debian.resolve("preinst"), "#!/bin/sh\nset -e\necho hand-made preinst\n");
        script(debian.resolve("postrm"), "#!/bin/sh\nset -e\n\techo \"tab-indented\"\n");
        Path etc = Files.createDirectories(tree.resolve("etc/hand-made"));
        Files.writeString(etc.resolve("hand.conf"), "key = value\n");
        Files.writeString(debian.resolve("conffiles"), "/etc/hand-made/hand.conf\n");
        Path bin = Files.createDirectories(tree.resolve("usr/bin"));
        Files.writeString(bin.resolve("tool"), "#!/bin/sh\necho tool\n");
        Commands.stdoutOf("chmod", "6755", bin.resolve("tool").toString());
        Path share = Files.createDirectories(tree.resolve("usr/share/hand-made"));
        Files.writeString(share.resolve("data"), "data\n");
        Files.createLink(share.resolve("same-data"), share.resolve("data"));
        Files.createSymbolicLink(share.resolve("tool"), Path.of("../../bin/tool"));
        Commands.shell("cd \"$1\" && find usr etc -type f -print0 | sort -z | xargs -0 md5sum"
                + " > DEBIAN/md5sums", tree.toString());
        Path deb = work.resolve("hand-made_2.0-1_all.deb");
        DpkgDeb.build(tree, deb);
        return deb;
    }

    private static void script(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Rules whose package step installs a symbolic link, a setuid file, a conffile, a long and a non-ASCII name. */
    private static String oddPayloadRules() {
        return """
                #!/bin/sh
                set -e
                case "$1" in
                    package)
                        install -d -m 0755 "${pkgdir}/usr/share/itest" "${pkgdir}/usr/lib/itest" "${pkgdir}/etc/itest"
                        echo "café" > "${pkgdir}/usr/share/itest/café.txt"
                        echo long > "${pkgdir}/usr/share/itest/%s"
                        ln -s café.txt "${pkgdir}/usr/share/itest/link"
                        printf '#!/bin/sh\\nexit 0\\n' > "${pkgdir}/usr/lib/itest/helper"
                        chmod 4755 "${pkgdir}/usr/lib/itest/helper"
                        echo "setting = 1" > "${pkgdir}/etc/itest/odd.conf"
                        ;;
                esac
                exit 0
                """.formatted(LONG_NAME);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> textMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    private static List<String> paths(JsonNode json) {
        List<String> paths = new ArrayList<>();
        json.get("files").forEach(file -> paths.add(file.get("path").asText()));
        return paths;
    }

    private static JsonNode file(JsonNode json, String path) {
        for (JsonNode file : json.get("files")) {
            if (file.get("path").asText().equals(path)) {
                return file;
            }
        }
        throw new AssertionError("no file " + path + " in " + paths(json));
    }

    private static String typeName(String listed) {
        return switch (listed) {
            case "d" -> "directory";
            case "-" -> "file";
            case "l" -> "symlink";
            case "h" -> "hardlink";
            default -> throw new AssertionError("unexpected type " + listed);
        };
    }

    /** {@code rwsr-xr-x} as {@code 4755}. */
    private static String octal(String permissions) {
        int mode = 0;
        for (int i = 0; i < 9; i++) {
            if ("-ST".indexOf(permissions.charAt(i)) < 0) {
                mode |= 1 << (8 - i);
            }
        }
        if (Character.toLowerCase(permissions.charAt(2)) == 's') {
            mode |= 04000;
        }
        if (Character.toLowerCase(permissions.charAt(5)) == 's') {
            mode |= 02000;
        }
        if (Character.toLowerCase(permissions.charAt(8)) == 't') {
            mode |= 01000;
        }
        return String.format("%04o", mode);
    }
}
