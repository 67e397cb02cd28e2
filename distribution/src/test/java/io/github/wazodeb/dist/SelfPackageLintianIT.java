package io.github.wazodeb.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgDeb;
import io.github.wazodeb.deb.testing.Lintian;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wazo-deb's own {@code .deb} as Debian checks a package: lintian finds no error and no warning; its
 * changelog is one dpkg reads; it has a manual page for the command and for each of its commands.
 */
class SelfPackageLintianIT {

    /** A row of the help's Commands: list: two spaces, the name, two or more spaces. */
    private static final Pattern COMMAND_ROW = Pattern.compile("^  (\\S+) {2,}\\S.*");

    @TempDir
    Path work;

    @Test
    void lintianReportsNoErrorAndNoWarning() {
        Requirements.assumeAvailable(Requirement.LINTIAN);

        // lintian unzips the 20 MB jar to read its classes: more than a minute on a busy machine.
        Lintian.Report report = Lintian.check(List.of(Built.deb()), Duration.ofMinutes(5));

        assertThat(report.tags()).as(report.output())
                .noneMatch(tag -> tag.severity() == 'E' || tag.severity() == 'W');
    }

    @Test
    void changelogIsOneDpkgReadsForThePackagesVersion() {
        Requirements.assumeAvailable(Requirement.DPKG_DEB, Requirement.DPKG_GENCONTROL);
        Path tree = work.resolve("tree");
        DpkgDeb.extract(Built.deb(), tree);

        String version = Commands.shell("gzip -dc \"$1\" > \"$2\" && dpkg-parsechangelog -l \"$2\" -S Version",
                tree.resolve("usr/share/doc/wazo-deb/changelog.gz").toString(), work.resolve("changelog").toString());

        assertThat(version.strip()).isEqualTo(DpkgDeb.field(Built.deb(), "Version"));
    }

    @Test
    void everyCommandHasAManualPageMadeFromItsHelp() throws Exception {
        Requirements.assumeAvailable(Requirement.DPKG_DEB);
        Path tree = work.resolve("tree");
        DpkgDeb.extract(Built.deb(), tree);
        Path man = tree.resolve("usr/share/man/man1");

        List<String> expected = new ArrayList<>(List.of("wazo-deb.1.gz"));
        for (String command : commands()) {
            expected.add("wazo-deb-" + command + ".1.gz");
        }
        List<String> pages;
        try (Stream<Path> files = Files.list(man)) {
            pages = files.map(file -> file.getFileName().toString()).toList();
        }
        assertThat(pages).containsAll(expected);
        String packagePage = Commands.shell("gzip -dc \"$1\"", man.resolve("wazo-deb-package.1.gz").toString());
        assertThat(packagePage).contains("wazo-deb-package \\- Runs the plugin").contains("\\-\\-compression");
    }

    /** The commands {@code wazo-deb --help} lists, as the installed jar prints them. */
    private static List<String> commands() throws Exception {
        Run help = Run.of(Map.of(), Path.of(Run.javaHome(), "bin", "java").toString(), "-jar",
                Built.cliJar().toString(), "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        List<String> names = new ArrayList<>();
        boolean inList = false;
        for (String line : help.out().lines().toList()) {
            inList = line.equals("Commands:") || inList && line.startsWith(" ");
            Matcher row = COMMAND_ROW.matcher(line);
            if (inList && row.matches()) {
                names.add(row.group(1));
            }
        }
        assertThat(names).contains("package", "inspect");
        return names;
    }
}
