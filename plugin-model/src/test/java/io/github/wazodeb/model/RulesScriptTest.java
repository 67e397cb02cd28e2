package io.github.wazodeb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What reading a plugin directory says about {@code wazo/rules} beyond its presence and mode. */
class RulesScriptTest {

    private static final String FORMAT_0 = "name: hello\nnamespace: acme\nversion: \"1.0\"\n";
    private static final String FORMAT_1 = FORMAT_0 + "plugin_format_version: 1\n";
    private static final String ALL_STEPS = "#!/bin/sh\ncase \"$1\" in\n  build) ;;\n  package) ;;\n  install) ;;\n"
            + "  uninstall) ;;\n  postrm) ;;\nesac\n";

    @TempDir
    Path dir;

    private PluginReport read(String yaml, String rules) throws IOException {
        Files.createDirectories(dir.resolve("wazo"));
        Files.writeString(dir.resolve("wazo/plugin.yml"), yaml);
        Path script = Files.writeString(dir.resolve("wazo/rules"), rules);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return PluginReader.readDirectory(dir);
    }

    private static List<String> lines(PluginReport report) {
        return report.problems().stream().map(Problem::format).toList();
    }

    private static String missing(String step) {
        return "wazo/rules:2:1: warning: has no branch for the " + step + " step in its case on $1 "
                + "(wazo-plugind runs \"wazo/rules " + step + "\")";
    }

    @Test
    void scriptWithABranchForEveryStepHasNoProblem() throws IOException {
        assertThat(read(FORMAT_1, ALL_STEPS).problems()).isEmpty();
    }

    @Test
    void shebangEndingInACarriageReturnIsAnErrorSayingHowToConvertTheFile() throws IOException {
        PluginReport report = read(FORMAT_1, ALL_STEPS.replace("\n", "\r\n"));
        assertThat(lines(report)).containsExactly("wazo/rules:1:1: \"#!/bin/sh\\r\" is a shebang line ending in a "
                + "carriage return (the file has Windows line ends), so the system looks for an interpreter whose name "
                + "ends in \\r and cannot run the script: convert the file with sed -i 's/\\r$//' wazo/rules");
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void carriageReturnsAfterTheShebangLineAreNotAnError() throws IOException {
        assertThat(read(FORMAT_1, ALL_STEPS.replace("esac\n", "esac\r\n")).problems()).isEmpty();
    }

    @Test
    void eachMissingStepIsAWarning() throws IOException {
        PluginReport report = read(FORMAT_0, "#!/bin/sh\ncase \"$1\" in\n  build) make ;;\n  package|install)\n"
                + "    cp -r . \"$pkgdir\"\n    ;;\nesac\n");
        assertThat(report.isValid()).isTrue();
        assertThat(lines(report)).containsExactly(missing("uninstall"));
    }

    @Test
    void missingPostrmFromFormatOneSaysRemovalFails() throws IOException {
        PluginReport report = read(FORMAT_1, ALL_STEPS.replace("  postrm) ;;\n", ""));
        assertThat(lines(report)).containsExactly("wazo/rules:2:1: warning: has no branch for the postrm step in its case "
                + "on $1 (wazo-plugind runs \"wazo/rules postrm\" from plugin_format_version 1 on): without it, removal "
                + "fails on a wazo-plugind server");
    }

    @Test
    void missingPostrmAtFormatZeroIsFine() throws IOException {
        assertThat(read(FORMAT_0, ALL_STEPS.replace("  postrm) ;;\n", "")).problems()).isEmpty();
    }

    @Test
    void warningSaysWhenOnlyTheCatchAllWouldRun() throws IOException {
        PluginReport report = read(FORMAT_0, "#!/bin/bash\ncase $1 in\n  build|package|install) ;;\n"
                + "  *) echo \"unknown step $1\" >&2; exit 1 ;;\nesac\n");
        assertThat(lines(report)).containsExactly("wazo/rules:2:1: warning: has no branch for the uninstall step in its "
                + "case on $1, so only the catch-all *) would run (wazo-plugind runs \"wazo/rules uninstall\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"case \"${1}\" in", "case ${1} in", "case $1 in", "case \"$1\" in"})
    void everySpellingOfTheFirstArgumentIsRead(String caseLine) throws IOException {
        PluginReport report = read(FORMAT_0, "#!/bin/sh\n" + caseLine + "\n  build) ;;\nesac\n");
        assertThat(lines(report)).containsExactly(missing("package"), missing("install"), missing("uninstall"));
    }

    @Test
    void quotedParenthesisedAndGlobPatternsAreBranches() throws IOException {
        PluginReport report = read(FORMAT_1, "#!/bin/sh\ncase \"$1\" in\n  \"build\") ;;\n  (pack'age') ;;\n"
                + "  *install) ;;\n  post[r]m) ;;\nesac\n");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void quotedStarIsNotACatchAll() throws IOException {
        PluginReport report = read(FORMAT_0, "#!/bin/sh\ncase \"$1\" in\n  build|package|install) ;;\n  \"*\") ;;\nesac\n");
        assertThat(lines(report)).containsExactly(missing("uninstall"));
    }

    @Test
    void oneLineCaseIsRead() throws IOException {
        PluginReport report = read(FORMAT_0, "#!/bin/sh\ncase \"$1\" in build) ;; package) ;; install|uninstall) true; esac\n");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void nestedCasesHereDocumentsAndCommentsDoNotEndTheBranches() throws IOException {
        String rules = """
                #!/bin/sh
                case "$1" in
                    build)
                        case "$2" in a) echo ;; esac   # esac ;; uninstall)
                        cat > /tmp/x <<'EOF'
                esac
                ;;
                uninstall) don't
                EOF
                        echo "$(echo ';;' | tr ';' ' ')"
                        ;;
                    package) ;;
                    install) ;;
                esac
                """;
        assertThat(lines(read(FORMAT_0, rules))).containsExactly(missing("uninstall"));
    }

    @Test
    void patternKnownOnlyWhenTheScriptRunsGivesNoBranchWarning() throws IOException {
        assertThat(read(FORMAT_0, "#!/bin/sh\ncase \"$1\" in\n  \"$STEP\") ;;\nesac\n").problems()).isEmpty();
    }

    @Test
    void caseOnAnotherValueGivesNoBranchWarning() throws IOException {
        assertThat(read(FORMAT_0, "#!/bin/sh\ncase \"$2\" in\n  x) ;;\nesac\n").problems()).isEmpty();
    }

    @Test
    void scriptWithoutACaseGivesNoBranchWarning() throws IOException {
        assertThat(read(FORMAT_0, "#!/bin/sh\nif [ \"$1\" = build ]; then make; fi\n").problems()).isEmpty();
    }

    @Test
    void pythonScriptGivesNoBranchWarning() throws IOException {
        String rules = "#!/usr/bin/env python3\n# case \"$1\" in\nimport sys\nprint(sys.argv[1])\n";
        assertThat(read(FORMAT_1, rules).problems()).isEmpty();
    }

    @Test
    void caseWithoutEsacGivesNoBranchWarning() throws IOException {
        assertThat(read(FORMAT_0, "#!/bin/sh\ncase \"$1\" in\n  build) ;;\n").problems()).isEmpty();
    }

    @Test
    void stepsAreCheckedEvenWhenPluginYmlIsInvalid() throws IOException {
        PluginReport report = read("name: Bad\nnamespace: acme\nversion: \"1.0\"\n",
                "#!/bin/sh\ncase \"$1\" in\n  build|package|install) ;;\nesac\n");
        assertThat(lines(report)).contains(missing("uninstall"));
    }

    @Test
    void rulesThatIsALinkToAFileOutsideWazoIsAnErrorSayingToCommitTheFile() throws IOException {
        Path outside = Files.writeString(dir.resolve("build-rules.sh"), ALL_STEPS);
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwxr-xr-x"));
        PluginReport report = readWithRulesLink(Path.of("../build-rules.sh"));
        assertThat(lines(report)).containsExactly("wazo/rules: is a symbolic link (to ../build-rules.sh): the package "
                + "would hold the link, not the script it points to, so dpkg would leave the plugin half-configured: "
                + "commit the file itself in its place");
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void rulesThatIsALinkInsideWazoIsAnErrorToo() throws IOException {
        Files.createDirectories(dir.resolve("wazo"));
        Path inside = Files.writeString(dir.resolve("wazo/rules.sh"), ALL_STEPS);
        Files.setPosixFilePermissions(inside, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(readWithRulesLink(Path.of("rules.sh")).errors()).singleElement().extracting(Problem::rule)
                .asString().startsWith("is a symbolic link (to rules.sh)");
    }

    @Test
    void rulesThatIsADanglingLinkIsNamedAsALink() throws IOException {
        assertThat(readWithRulesLink(Path.of("/nowhere/rules")).errors()).singleElement().extracting(Problem::rule)
                .asString().startsWith("is a symbolic link (to /nowhere/rules)");
    }

    private PluginReport readWithRulesLink(Path target) throws IOException {
        Files.createDirectories(dir.resolve("wazo"));
        Files.writeString(dir.resolve("wazo/plugin.yml"), FORMAT_1);
        Files.createSymbolicLink(dir.resolve("wazo/rules"), target);
        return PluginReader.readDirectory(dir);
    }
}
