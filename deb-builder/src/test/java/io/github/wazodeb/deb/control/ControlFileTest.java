package io.github.wazodeb.deb.control;

import static io.github.wazodeb.deb.control.Descriptors.MAINTAINER;
import static io.github.wazodeb.deb.control.Descriptors.plugin;
import static io.github.wazodeb.deb.control.Descriptors.relation;
import static io.github.wazodeb.deb.control.Descriptors.simple;
import static io.github.wazodeb.deb.control.Descriptors.withDescription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.wazodeb.model.PluginDependency;
import io.github.wazodeb.model.PluginDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlFileTest {

    private static ControlFile control(PluginDescriptor plugin) {
        return ControlFile.of(plugin, MAINTAINER, 12);
    }

    private static String description(String text) {
        return control(withDescription(text)).fields().get("Description");
    }

    @Test
    void writesFieldsInDpkgGencontrolOrder() {
        assertThat(control(Descriptors.full()).fields().keySet()).containsExactly("Package", "Version",
                "Architecture", "Maintainer", "Installed-Size", "Depends", "Section", "Priority", "Description");
    }

    @Test
    void fillsFixedAndGivenFields() {
        ControlFile control = ControlFile.of(Descriptors.full(), "Jane Doe <jane@example.org>", 1234);

        assertThat(control.fields())
                .containsEntry("Package", "wazo-plugind-crm-export-acme")
                .containsEntry("Version", "1:2.10-3")
                .containsEntry("Architecture", "all")
                .containsEntry("Maintainer", "Jane Doe <jane@example.org>")
                .containsEntry("Installed-Size", "1234")
                .containsEntry("Section", "wazo-plugind-plugin")
                .containsEntry("Priority", "optional");
    }

    @Test
    void keepsTheVersionLiteral() {
        PluginDescriptor plugin = plugin("hello", "demo", "1.10", Optional.empty(), 0, List.of(), List.of());

        assertThat(control(plugin).fields()).containsEntry("Version", "1.10");
    }

    @Test
    void listsDebianRelationsThenPluginPackages() {
        assertThat(control(Descriptors.full()).fields()).containsEntry("Depends",
                "python3-requests (>= 2.0), curl | wget, python3:any, wazo-plugind-calld-events-acme");
    }

    @Test
    void dropsRepeatedDependenciesKeepingTheFirst() {
        PluginDescriptor plugin = plugin("hello", "demo", "1.0", Optional.empty(), 0,
                List.of(new PluginDependency("b", "x", Optional.empty()),
                        new PluginDependency("a", "x", Optional.of("2.0")),
                        new PluginDependency("b", "x", Optional.of("3.0"))),
                List.of(relation(simple("wazo-plugind-a-x", null, null)), relation(simple("curl", null, null)),
                        relation(simple("curl", null, null))));

        assertThat(control(plugin).fields())
                .containsEntry("Depends", "wazo-plugind-a-x, curl, wazo-plugind-b-x");
    }

    @Test
    void omitsDependsWhenThereIsNothingToDependOn() {
        assertThat(control(Descriptors.minimal()).fields()).doesNotContainKey("Depends");
        assertThat(control(Descriptors.minimal()).text()).doesNotContain("Depends");
    }

    @Test
    void textIsEveryFieldOnItsLinesEndingWithOneNewline() {
        ControlFile control = control(Descriptors.described());

        assertThat(control.text()).isEqualTo("""
                Package: wazo-plugind-admin-ui-conference-official
                Version: 0.0.7
                Architecture: all
                Maintainer: Wazo Maintainers <dev+pkg@wazo.community>
                Installed-Size: 12
                Depends: wazo-plugind-admin-ui-core-official, wazo-plugind-confd-conference-official
                Section: wazo-plugind-plugin
                Priority: optional
                Description: Conference rooms in the Wazo admin UI
                 This package wraps the official/admin-ui-conference Wazo plugin, as
                 wazo-plugind would build it; wazo-plugind lists and removes it like any plugin
                 it installed.
                """);
        assertThat(control.text()).endsWith("it installed.\n").doesNotEndWith("\n\n");
    }

    @Test
    void bytesAreTheTextInUtf8() {
        ControlFile control = control(withDescription("Annonces vocales en français — 日本語"));

        assertThat(control.bytes()).isEqualTo(control.text().getBytes(StandardCharsets.UTF_8));
        assertThat(control.fields().get("Description")).startsWith("Annonces vocales en français — 日本語\n");
    }

    @Test
    void generatesASynopsisWithoutDescription() {
        assertThat(control(Descriptors.minimal()).fields().get("Description"))
                .startsWith("Wazo plugin demo/hello\n This package wraps the demo/hello Wazo plugin");
    }

    @Test
    void blankDescriptionCountsAsNone() {
        assertThat(description(" \n\t\n")).startsWith("Wazo plugin demo/hello\n");
    }

    @Test
    void synopsisIsTheFirstNonBlankLineTrimmedAndCollapsed() {
        assertThat(description("\n   \n  Call   logs\tfor  CRM  \nrest")).startsWith("Call logs for CRM\n rest\n .\n");
    }

    @Test
    void longSynopsisIsCutAtAWordBoundaryAndKeptWholeBelow() {
        String line = "French prompts for the voicemail, the conference rooms, the queues and the IVRs of every tenant";

        String value = description(line + "\nNext line.");

        String synopsis = value.lines().findFirst().orElseThrow();
        assertThat(synopsis).isEqualTo("French prompts for the voicemail, the conference rooms, the queues and the...");
        assertThat(synopsis.length()).isLessThanOrEqualTo(80);
        assertThat(value).contains("\n French prompts for the voicemail, the conference rooms, the queues and the IVRs\n"
                + " of every tenant\n .\n Next line.\n");
    }

    @Test
    void longSynopsisWhoseFirstFoldedLineWouldRepeatItIsFollowedByTheParagraphNamingThePlugin() {
        String line = "Prompts in French for the voicemail, the conference rooms, the queues and the supervision"
                + " boards of every tenant";

        String value = description(line + "\nNext line.");

        assertThat(value).isEqualTo("""
                Prompts in French for the voicemail, the conference rooms, the queues and the...
                 This package wraps the demo/hello Wazo plugin, as wazo-plugind would build it;
                 wazo-plugind lists and removes it like any plugin it installed.
                 .
                 Prompts in French for the voicemail, the conference rooms, the queues and the
                 supervision boards of every tenant
                 .
                 Next line.""");
    }

    @Test
    void descriptionRepeatingItsFirstLineIsFollowedByTheParagraphNamingThePlugin() {
        String value = description("Call logs for CRM\nCall logs for CRM!\nMore.");

        assertThat(value).startsWith("Call logs for CRM\n This package wraps the demo/hello Wazo plugin")
                .endsWith(" .\n Call logs for CRM!\n More.");
    }

    @Test
    void synopsisThatIsTheNamingSentenceGivesWayToThePlainSynopsis() {
        String sentence = "This package wraps the demo/hello Wazo plugin, as wazo-plugind would build it;";

        String value = description(sentence + "\n" + sentence);

        assertThat(value).startsWith("Wazo plugin demo/hello\n " + sentence + "\n " + sentence + "\n .\n This package");
    }

    @Test
    void noFirstLineLengthMakesTheExtendedDescriptionRepeatTheSynopsis() {
        for (int length = 60; length <= 130; length++) {
            for (int wordLength = 1; wordLength <= 12; wordLength++) {
                String line = words(length, wordLength);

                List<String> value = description(line + "\nMore.").lines().toList();

                assertThat(lintianNormalized(value.get(1))).as("%s", value).isNotEqualTo(lintianNormalized(value.get(0)));
                String rejoined = String.join(" ", value.stream().map(String::strip).toList());
                assertThat(rejoined).contains(line).contains("demo/hello");
            }
        }
    }

    /** A line of {@code length} characters: words of {@code wordLength} letters, a long word every fifth. */
    private static String words(int length, int wordLength) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; line.length() < length; i++) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(String.valueOf((char) ('a' + i % 26)).repeat(i % 5 == 4 ? wordLength + 9 : wordLength));
        }
        return line.substring(0, length).strip();
    }

    /** How lintian compares the synopsis and the first extended line (description-synopsis-is-duplicated). */
    private static String lintianNormalized(String line) {
        return line.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    @Test
    void synopsisOfOneHugeWordIsCutAt80Characters() {
        String word = "x".repeat(100);

        assertThat(description(word).lines().findFirst().orElseThrow()).isEqualTo("x".repeat(77) + "...");
    }

    @Test
    void synopsisOfExactly80CharactersIsKept() {
        String line = "word ".repeat(15) + "abcd1";

        assertThat(line).hasSize(80);
        assertThat(description(line)).startsWith(line + "\n This package");
    }

    @Test
    void blankLinesBecomeDotLinesAndRunsCollapse() {
        assertThat(description("Synopsis\n\none\n\n\n\ntwo\n\n")).startsWith("Synopsis\n one\n .\n two\n .\n This package");
    }

    @Test
    void loneDotLinesAreParagraphBreaks() {
        assertThat(description("Synopsis\none\n .\ntwo\n.\n.\nthree"))
                .startsWith("Synopsis\n one\n .\n two\n .\n three\n .\n This package");
    }

    @Test
    void lineStartingWithADotIsProtected() {
        assertThat(description("Synopsis\n.hidden files\n..")).startsWith("Synopsis\n  .hidden files\n  ..\n");
    }

    @Test
    void tabsAreExpandedToEightColumnStops() {
        assertThat(description("Synopsis\nab\tc\n\tindented")).startsWith("Synopsis\n ab      c\n         indented\n");
    }

    @Test
    void trailingWhitespaceIsTrimmed() {
        assertThat(description("Synopsis  \t\nline   \t \nnext")).startsWith("Synopsis\n line\n next\n");
    }

    @Test
    void carriageReturnsAreLineBreaks() {
        assertThat(description("Synopsis\r\none\r\n\r\ntwo\rthree")).startsWith("Synopsis\n one\n .\n two\n three\n");
    }

    @Test
    void otherControlCharactersAreRefused() {
        for (String bad : List.of("a\u0000b", "a\u001bb", "Synopsis\nx\u007f", "Synopsis\nx\u0085y", "a\u000bb", "a\fb")) {
            assertThatIllegalArgumentException().isThrownBy(() -> description(bad))
                    .withMessageContaining("description holds control character");
        }
    }

    @Test
    void longParagraphLinesAreWrappedWithinEightyColumns() {
        String words = "lorem ipsum dolor sit amet ".repeat(10).strip();

        String value = description("Synopsis\n" + words);

        List<String> extended = value.lines().skip(1).toList();
        assertThat(extended).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        String rejoined = String.join(" ", extended.subList(0, extended.indexOf(" .")).stream().map(String::strip).toList());
        assertThat(rejoined).isEqualTo(words);
    }

    @Test
    void wrappedLinesStartingWithADotStayWithinEightyColumnsWithTheirProtection() {
        String words = ".dotted ".repeat(25).strip();

        List<String> extended = description("Synopsis\n" + words).lines().skip(1).takeWhile(line -> !line.equals(" .")).toList();

        assertThat(extended).hasSizeGreaterThan(2).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(extended).filteredOn(line -> line.startsWith("  .")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join(" ", extended.stream().map(String::strip).toList())).isEqualTo(words);
    }

    @Test
    void verbatimLinesAndHugeWordsAreKeptWhole() {
        String code = "    " + "verbatim ".repeat(12).strip();
        String url = "https://example.org/" + "a".repeat(90);

        assertThat(description("Synopsis\n" + code + "\n" + url)).startsWith("Synopsis\n " + code + "\n " + url + "\n");
    }

    @Test
    void noDescriptionCanStartAFieldOrEndTheParagraph() {
        List<String> hostile = List.of(
                "Synopsis\nPackage: evil\nVersion: 666",
                "Package: evil\n\nDescription: x",
                "a\n\n\n.\n \n\t\n . \n",
                "x\r\nArchitecture: amd64\r\n",
                "x\rPriority: required",
                "  \n\nSynopsis\n\n\n",
                "Synopsis\n" + "Installed-Size: 1 ".repeat(30));
        for (String description : hostile) {
            String text = control(withDescription(description)).text();

            assertThat(text).endsWith("\n").doesNotContain("\n\n").doesNotContain("\r");
            List<String> unindented = text.lines().filter(line -> !line.startsWith(" ")).toList();
            assertThat(unindented).as("field lines for %s", description).extracting(line -> line.substring(0, line.indexOf(':')))
                    .containsExactly("Package", "Version", "Architecture", "Maintainer", "Installed-Size", "Section",
                            "Priority", "Description");
            assertThat(text.lines().filter(line -> line.startsWith(" ")))
                    .allSatisfy(line -> assertThat(line).matches(" \\S.*|  +\\S.*| \\."))
                    // lintian's description-contains-invalid-control-statement
                    .noneSatisfy(line -> assertThat(line).matches(" \\.\\s*\\S.*| \\s+\\.\\s*"));
        }
    }

    @Test
    void extendedDescriptionEndsWithAParagraphNamingThePlugin() {
        assertThat(control(Descriptors.full()).fields().get("Description")).endsWith(" .\n"
                + " This package wraps the acme/crm-export Wazo plugin, as wazo-plugind would build\n"
                + " it; wazo-plugind lists and removes it like any plugin it installed.");
    }

    @Test
    void refusesValuesThatWouldLeaveTheirLine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ControlFile.of(Descriptors.minimal(), "A <a@b>\nEssential: yes", 1))
                .withMessageContaining("Maintainer");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> control(plugin("hello", "demo", "1.0\nEssential: yes", Optional.empty(), 0,
                        List.of(), List.of())))
                .withMessageContaining("Version");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> control(plugin("hello", "demo", "1.0", Optional.empty(), 0, List.of(),
                        List.of(relation(simple("curl\nEssential: yes", null, null))))))
                .withMessageContaining("Depends");
    }

    @Test
    void refusesNamesOutsideTheContract() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> control(plugin("Bad_Name", "demo", "1.0", Optional.empty(), 0, List.of(), List.of())))
                .withMessageContaining("plugin name");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> control(plugin("ok", "with-dash", "1.0", Optional.empty(), 0, List.of(), List.of())))
                .withMessageContaining("plugin namespace");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> control(plugin("ok", "demo", "1.0", Optional.empty(), 0,
                        List.of(new PluginDependency("x\ny", "demo", Optional.empty())), List.of())))
                .withMessageContaining("plugin name");
    }

    @Test
    void refusesANegativeInstalledSize() {
        assertThatIllegalArgumentException().isThrownBy(() -> ControlFile.of(Descriptors.minimal(), MAINTAINER, -1))
                .withMessageContaining("Installed-Size");
    }
}
