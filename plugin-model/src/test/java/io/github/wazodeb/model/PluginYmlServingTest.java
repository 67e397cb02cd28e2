package io.github.wazodeb.model;

import static io.github.wazodeb.model.PluginYamlRulesTest.lines;
import static io.github.wazodeb.model.PluginYamlRulesTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values wazo-plugind reads from plugin.yml but its JSON plugin list and market cannot serve are refused
 * wherever they are; scalars are typed as wazo-plugind's PyYAML types them (SPEC section 1).
 */
class PluginYmlServingTest {

    private static final String VALID = "name: hello\nnamespace: acme\nversion: \"1.0\"\n";
    private static final String DATE = "is read by YAML as a date, which wazo-plugind's JSON plugin list cannot serve "
            + "(one such value makes GET /0.2/plugins fail for every plugin): ";

    @Test
    void dateUnderAnUnknownKeyIsRefusedNamingTheKey() {
        assertThat(lines(read(VALID + "released: 2024-01-01\n"))).containsExactly(
                "wazo/plugin.yml:4:11: released \"2024-01-01\" " + DATE + "quote it: released: \"2024-01-01\"");
    }

    @Test
    void timestampInANestedMappingIsRefusedWithItsPath() {
        assertThat(lines(read(VALID + "extra:\n  build:\n    when: 2024-01-01 10:00:00\n"))).containsExactly(
                "wazo/plugin.yml:6:11: extra.build.when \"2024-01-01 10:00:00\" " + DATE
                        + "quote it: when: \"2024-01-01 10:00:00\"");
    }

    @Test
    void dateInAListIsRefusedWithItsIndex() {
        assertThat(lines(read(VALID + "dates: [a, 2001-12-14t21:59:43.10-05:00]\n"))).containsExactly(
                "wazo/plugin.yml:4:12: dates[1] \"2001-12-14t21:59:43.10-05:00\" " + DATE
                        + "quote it: \"2001-12-14t21:59:43.10-05:00\"");
    }

    @Test
    void dateInsideADependsEntryAndInDebianDependsIsRefused() {
        PluginReport report = read(VALID + "depends:\n  - {name: other, namespace: acme, since: 2024-01-01}\n"
                + "debian_depends: [2024-01-01]\n");
        assertThat(report.errors()).extracting(Problem::key).containsExactly("depends[0].since", "debian_depends[0]");
        assertThat(report.warnings()).extracting(Problem::key).containsExactly("depends[0].since");
    }

    @Test
    void explicitTimestampTagIsRefused() {
        assertThat(read(VALID + "when: !!timestamp 2024-01-01\n").errors()).singleElement()
                .satisfies(p -> assertThat(p.rule()).startsWith("is read by YAML as a date"));
    }

    @Test
    void aliasedDateIsNamedOnceAtItsAnchor() {
        assertThat(lines(read(VALID + "a: &d 2024-01-01\nb: *d\nc: [*d, *d]\n"))).containsExactly(
                "wazo/plugin.yml:4:4: a \"2024-01-01\" " + DATE + "quote it: a: \"2024-01-01\"");
    }

    @Test
    void quotedDateIsAString() {
        assertThat(read(VALID + "released: \"2024-01-01\"\n").descriptor().orElseThrow().otherKeys())
                .containsEntry("released", "2024-01-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {".nan", ".NaN", ".NAN", "!!float .nan"})
    void notANumberIsRefusedInEverySpelling(String value) {
        String text = value.replace("!!float ", "");
        assertThat(lines(read(VALID + "ratio: " + value + "\n"))).containsExactly("wazo/plugin.yml:4:8: ratio \"" + text
                + "\" is read by YAML as NaN (not a number), which JSON cannot hold: wazo-plugind's plugin list would "
                + "serve a bare NaN: quote it: ratio: \"" + text + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {".inf", ".Inf", "+.INF", "1.0e+400", "-.inf", "-1.5e+999"})
    void infinityIsRefusedInEverySpelling(String value) {
        String minus = value.startsWith("-") ? "minus " : "";
        assertThat(lines(read(VALID + "nested:\n  - ratio: " + value + "\n"))).containsExactly("wazo/plugin.yml:5:12: "
                + "nested[0].ratio \"" + value + "\" is read by YAML as " + minus + "infinity, which JSON cannot hold: "
                + "wazo-plugind's plugin list would serve a bare Infinity: quote it: ratio: \"" + value + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'.nan'", "+.nan", "nan", "inf", "1.5e+300"})
    void textThatIsNotAnUnservableNumberIsKept(String value) {
        assertThat(read(VALID + "ratio: " + value + "\n").problems()).isEmpty();
    }

    @Test
    void binaryAndSetTagsAreRefusedAsUnservable() {
        assertThat(lines(read(VALID + "icon: !!binary aGVsbG8=\ntags: !!set {a, b}\n"))).containsExactly(
                "wazo/plugin.yml:4:7: icon \"!!binary\" is binary data (bytes), which wazo-plugind's JSON plugin list "
                        + "cannot serve: write it as a string, or a list of strings",
                "wazo/plugin.yml:5:7: tags \"!!set\" is a set, which wazo-plugind's JSON plugin list cannot serve: "
                        + "write it as a string, or a list of strings");
    }

    @Test
    void dateKeyIsRefusedAtAnyDepth() {
        assertThat(lines(read(VALID + "2024-01-01: x\nhistory:\n  2023-12-31: y\n"))).containsExactly(
                "wazo/plugin.yml:4:1: \"2024-01-01\" is a key that YAML reads as a date, which wazo-plugind's JSON "
                        + "plugin list cannot serve (one such key makes GET /0.2/plugins fail for every plugin): "
                        + "quote it: \"2024-01-01\":",
                "wazo/plugin.yml:6:3: history \"2023-12-31\" is a key that YAML reads as a date, which wazo-plugind's "
                        + "JSON plugin list cannot serve (one such key makes GET /0.2/plugins fail for every plugin): "
                        + "quote it: \"2023-12-31\":");
    }

    @Test
    void complexKeyInANestedMappingIsRefused() {
        assertThat(lines(read(VALID + "extra:\n  ? [a, b]\n  : 1\n"))).containsExactly("wazo/plugin.yml:5:5: extra has a "
                + "key that is a list, which wazo-plugind's JSON plugin list cannot serve: keys must be plain strings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "<<"})
    void plainValuesPyYamlCannotLoadAreRefused(String value) {
        String tag = value.equals("=") ? "!!value" : "!!merge";
        assertThat(lines(read(VALID + "x: " + value + "\n"))).containsExactly("wazo/plugin.yml:4:4: x \"" + value
                + "\" is read by wazo-plugind's YAML reader (PyYAML) as a " + tag + " tag, which it cannot load: "
                + "quote it: \"" + value + "\"");
    }

    @Test
    void scalarsAreTypedAsPyYamlTypesThem() {
        PluginReport report = read(VALID + "a: 1e3\nb: 2.0e+0\nc: 0o17\nd: 0x1F\ne: 0_7\nf: 190:20:30\ng: 1:2.0\n"
                + "h: -.5\ni: .5\nj: y\nk: 'ON'\nl: ON\nm: nULL\nn: NULL\no: ~\np: 09\nq: 1:60\nr: 1_000\n");
        Map<String, Object> other = report.descriptor().orElseThrow().otherKeys();
        assertThat(other).containsEntry("a", "1e3").containsEntry("b", 2.0).containsEntry("c", "0o17")
                .containsEntry("d", 31L).containsEntry("e", 7L).containsEntry("f", 685230L).containsEntry("g", 62.0)
                .containsEntry("h", "-.5").containsEntry("i", 0.5).containsEntry("j", "y").containsEntry("k", "ON")
                .containsEntry("l", true).containsEntry("m", "nULL").containsEntry("n", null).containsEntry("o", null)
                .containsEntry("p", "09").containsEntry("q", "1:60").containsEntry("r", 1000L);
    }

    @Test
    void explicitBooleanTagOnYIsRefusedAsPyYamlCannotReadIt() {
        assertThat(lines(read(VALID + "x: !!bool y\n"))).containsExactly(
                "wazo/plugin.yml:4:4: x \"y\" is tagged as a boolean but is not one");
    }
}
