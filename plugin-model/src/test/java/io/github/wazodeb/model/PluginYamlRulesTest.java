package io.github.wazodeb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PluginYamlRulesTest {

    private static final String VALID = "name: hello\nnamespace: acme\nversion: \"1.0\"\n";

    static PluginReport read(String yaml) {
        return PluginReader.readYaml(yaml, "wazo/plugin.yml");
    }

    static List<String> lines(PluginReport report) {
        return report.problems().stream().map(Problem::format).toList();
    }

    @Test
    void minimalPluginIsValidWithDefaults() {
        PluginDescriptor descriptor = read(VALID).descriptor().orElseThrow();
        assertThat(descriptor.name()).isEqualTo("hello");
        assertThat(descriptor.namespace()).isEqualTo("acme");
        assertThat(descriptor.version()).isEqualTo("1.0");
        assertThat(descriptor.pluginFormatVersion()).isZero();
        assertThat(descriptor.description()).isEmpty();
        assertThat(descriptor.depends()).isEmpty();
        assertThat(descriptor.debianDepends()).isEmpty();
        assertThat(descriptor.otherKeys()).isEmpty();
        assertThat(read(VALID).problems()).isEmpty();
    }

    @Test
    void nameWithUnderscoreIsRefusedWithTheContractsMessage() {
        PluginReport report = read("namespace: acme\nname: no_underscore\nversion: \"1.0\"\n");
        assertThat(lines(report)).containsExactly(
                "wazo/plugin.yml:2:7: name \"no_underscore\" must match ^[a-z0-9-]+$ (lower-case letters, digits and '-')");
        assertThat(report.isValid()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello", "a b", "é", "a.b", "\"\"", "\"a\\nb\""})
    void nameOutsideTheRegexIsRefused(String name) {
        PluginReport report = read("name: " + name + "\nnamespace: acme\nversion: \"1.0\"\n");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("name");
            assertThat(p.rule()).startsWith("must match ^[a-z0-9-]+$");
        });
    }

    @Test
    void namespaceWithDashIsRefused() {
        assertThat(lines(read("name: hello\nnamespace: a-b\nversion: \"1.0\"\n"))).containsExactly(
                "wazo/plugin.yml:2:12: namespace \"a-b\" must match ^[a-z0-9]+$ (lower-case letters and digits, no '-')");
    }

    @Test
    void missingRequiredKeysAreEachReportedWithoutPosition() {
        assertThat(lines(read("description: nothing else\n"))).containsExactly(
                "wazo/plugin.yml: name is required",
                "wazo/plugin.yml: namespace is required",
                "wazo/plugin.yml: version is required");
    }

    @Test
    void everyProblemIsReportedInFileOrder() {
        PluginReport report = read("version: abc\nnamespace: A\nname: B\n");
        assertThat(report.errors()).extracting(Problem::line).containsExactly(1, 2, 3);
        assertThat(report.errors()).extracting(Problem::key).containsExactly("version", "namespace", "name");
    }

    @Test
    void unquotedVersionThatYamlReadsAsAnotherNumberIsRefusedSayingToQuoteIt() {
        PluginReport report = read("name: hello\nnamespace: acme\nversion: 1.10\n");
        assertThat(lines(report)).containsExactly("wazo/plugin.yml:3:10: version \"1.10\" is read by YAML as the number 1.1, "
                + "which wazo-plugind would package instead: quote it: version: \"1.10\"");
        assertThat(report.isValid()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"010, 8", "1:2.0, 62.0", "1.0e+3, 1000.0", "007, 7", "1.100, 1.1", "0x10, 16", "1., 1.0", "1.50, 1.5",
            "2.0e+0, 2.0"})
    void everyUnquotedVersionWhoseReadingDiffersIsRefused(String version, String reading) {
        PluginReport report = read("name: hello\nnamespace: acme\nversion: " + version + "\n");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("version");
            assertThat(p.value()).isEqualTo(version);
            assertThat(p.rule()).isEqualTo("is read by YAML as the number " + reading
                    + ", which wazo-plugind would package instead: quote it: version: \"" + version + "\"");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "0.1", "10.25"})
    void unquotedDecimalVersionWhoseReadingIsItsTextIsKeptWithAWarningToQuoteIt(String version) {
        PluginReport report = read("name: hello\nnamespace: acme\nversion: " + version + "\n");
        assertThat(lines(report)).containsExactly("wazo/plugin.yml:3:10: warning: version \"" + version + "\" is read by "
                + "YAML as a number (wazo-plugind turns it back into the same text): quote it: version: \"" + version + "\"");
        assertThat(report.descriptor().orElseThrow().version()).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "2024", "!!int 3"})
    void unquotedIntegerVersionIsRefusedSayingToQuoteIt(String version) {
        String text = version.replace("!!int ", "");
        assertThat(lines(read("name: hello\nnamespace: acme\nversion: " + version + "\n"))).containsExactly(
                "wazo/plugin.yml:3:10: version \"" + text + "\" is read by YAML as an integer, which wazo-plugind's market "
                        + "listing cannot serve, and every install of the same version rebuilds the plugin: quote it: "
                        + "version: \"" + text + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "2e10", "2.0e0", "1.5e3", "0o17"})
    void unquotedTextThatPyYamlReadsAsAStringIsAVersionAsWritten(String version) {
        // PyYAML's YAML 1.1 float needs a dot and a signed exponent, and it has no 0o integers
        PluginReport report = read("name: hello\nnamespace: acme\nversion: " + version + "\n");
        assertThat(report.problems()).isEmpty();
        assertThat(report.descriptor().orElseThrow().version()).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "2e10"})
    void nameAndNamespaceThatPyYamlReadsAsStringsAreAccepted(String text) {
        PluginDescriptor descriptor = read("name: " + text + "\nnamespace: " + text + "\nversion: '1.0'\n")
                .descriptor().orElseThrow();
        assertThat(descriptor.name()).isEqualTo(text);
        assertThat(descriptor.namespace()).isEqualTo(text);
    }

    @Test
    void unquotedVersionThatIsNotADebianVersionSaysSoFirst() {
        assertThat(lines(read("name: hello\nnamespace: acme\nversion: .5\n"))).containsExactly(
                "wazo/plugin.yml:3:10: version \".5\" is not a valid Debian version: it must start with a digit");
    }

    @Test
    void dateVersionIsRefusedSayingToQuoteIt() {
        assertThat(lines(read("name: hello\nnamespace: acme\nversion: 2024-01-01\n"))).containsExactly(
                "wazo/plugin.yml:3:10: version \"2024-01-01\" must be a string, but YAML reads it as a date: "
                        + "quote it: version: \"2024-01-01\"");
    }

    @Test
    void booleanVersionIsRefused() {
        assertThat(lines(read("name: hello\nnamespace: acme\nversion: on\n"))).containsExactly(
                "wazo/plugin.yml:3:10: version \"on\" must be a string, but YAML reads it as a boolean: quote it: version: \"on\"");
    }

    @Test
    void booleanNameIsRefused() {
        assertThat(lines(read("name: yes\nnamespace: acme\nversion: \"1.0\"\n"))).containsExactly(
                "wazo/plugin.yml:1:7: name \"yes\" must be a string, but YAML reads it as a boolean: quote it: name: \"yes\"");
    }

    @Test
    void numericNamespaceIsRefused() {
        assertThat(lines(read("name: hello\nnamespace: 123\nversion: \"1.0\"\n"))).containsExactly(
                "wazo/plugin.yml:2:12: namespace \"123\" must be a string, but YAML reads it as a number: "
                        + "quote it: namespace: \"123\"");
    }

    @Test
    void quotedNumericNamespaceIsAccepted() {
        assertThat(read("name: hello\nnamespace: \"123\"\nversion: \"1.0\"\n").descriptor().orElseThrow().namespace())
                .isEqualTo("123");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"yes|a boolean", "12|a number", "1.5|a number", "!!int 7|a number"})
    void descriptionThatYamlDoesNotReadAsAStringIsAWarningToQuoteIt(String description, String type) {
        PluginReport report = read(VALID + "description: " + description + "\n");
        String text = description.replace("!!int ", "");
        assertThat(lines(report)).containsExactly("wazo/plugin.yml:4:14: warning: description \"" + text + "\" is not a "
                + "string: YAML reads it as " + type + "; wazo-plugind never reads description, and wazo-deb writes a "
                + "generated one: quote it: description: \"" + text + "\"");
        assertThat(report.descriptor().orElseThrow().description()).isEmpty();
    }

    @Test
    void descriptionThatIsAListIsAWarning() {
        PluginReport report = read(VALID + "description: [a, b]\n");
        assertThat(lines(report)).containsExactly("wazo/plugin.yml:4:14: warning: description is not a string but a "
                + "list; wazo-plugind never reads description, and wazo-deb writes a generated one: write it as one string");
        assertThat(report.descriptor().orElseThrow().description()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"description:", "description: ~"})
    void descriptionWithoutAValueIsAWarning(String line) {
        PluginReport report = read(VALID + line + "\n");
        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).singleElement().extracting(Problem::rule).isEqualTo("has no value (YAML reads it "
                + "as null): wazo-plugind never reads description, and wazo-deb writes a generated one; give it a value "
                + "or remove the key");
    }

    @Test
    void dateDescriptionIsRefusedAsUnservable() {
        assertThat(lines(read(VALID + "description: 2024-01-01\n"))).containsExactly("wazo/plugin.yml:4:14: description "
                + "\"2024-01-01\" is read by YAML as a date, which wazo-plugind's JSON plugin list cannot serve (one such "
                + "value makes GET /0.2/plugins fail for every plugin): quote it: description: \"2024-01-01\"");
    }

    @Test
    void debianDependsWithoutAValueAndNoDependsIsAWarning() {
        PluginReport report = read(VALID + "debian_depends:\n");
        assertThat(lines(report)).containsExactly("wazo/plugin.yml:4:16: warning: debian_depends has no value (YAML reads "
                + "it as null): wazo-plugind builds the plugin without dependencies, but fails once depends is given too: "
                + "give it a list or remove the key");
        assertThat(report.descriptor().orElseThrow().debianDepends()).isEmpty();
    }

    @Test
    void debianDependsWithoutAValueBesideDependsIsRefused() {
        assertThat(lines(read(VALID + "debian_depends:\ndepends:\n  - {name: other, namespace: acme}\n")))
                .containsExactly("wazo/plugin.yml:4:16: debian_depends has no value (YAML reads it as null): give it a "
                        + "value or remove the key");
    }

    @Test
    void dependsEntryStringsMustBeStringsToYaml() {
        PluginReport report = read(VALID + "plugin_format_version: 2\ndepends:\n  - name: yes\n    namespace: 123\n"
                + "    version: 0.3\n");
        assertThat(lines(report)).containsExactly(
                "wazo/plugin.yml:6:11: depends[0].name \"yes\" must be a string, but YAML reads it as a boolean: quote it: name: \"yes\"",
                "wazo/plugin.yml:7:16: depends[0].namespace \"123\" must be a string, but YAML reads it as a number: "
                        + "quote it: namespace: \"123\"",
                "wazo/plugin.yml:8:14: depends[0].version \"0.3\" must be a string, but YAML reads it as a number: "
                        + "quote it: version: \"0.3\"");
    }

    @Test
    void dependsWithoutAValueIsRefused() {
        assertThat(lines(read(VALID + "depends:\n"))).containsExactly(
                "wazo/plugin.yml:4:9: depends has no value (YAML reads it as null): give it a value or remove the key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plugin_format_version:", "min_wazo_version:", "max_wazo_version: ~", "depends: null"})
    void optionalKeyGivenWithoutAValueIsRefused(String line) {
        PluginReport report = read(VALID + line + "\n");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(line.substring(0, line.indexOf(':')));
            assertThat(p.rule()).isEqualTo("has no value (YAML reads it as null): give it a value or remove the key");
        });
    }

    @Test
    void dependsEntryKeyWithoutAValueIsRefused() {
        assertThat(lines(read(VALID + "plugin_format_version: 2\ndepends:\n  - name: other\n    namespace:\n"
                + "    version:\n"))).containsExactly(
                "wazo/plugin.yml:7:15: depends[0].namespace has no value (YAML reads it as null): give it a value",
                "wazo/plugin.yml:8:13: depends[0].version has no value (YAML reads it as null): give it a value or remove the key");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        PluginReport report = read("name: yes\nnamespace: 123\nversion: 2024-01-01\ndepends:\n");
        assertThat(report.errors()).extracting(Problem::key).containsExactly("name", "namespace", "version", "depends");
    }

    @Test
    void quotedVersionHasNoWarning() {
        assertThat(read("name: hello\nnamespace: acme\nversion: '1.10'\n").problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "\"1:2.3-4\"", "\"1.0~rc1+dfsg-1ubuntu1\"", "\"2:1:2-3\"", "0.0.1", "\"1-2-3\""})
    void validDebianVersionsAreAccepted(String version) {
        assertThat(read("name: hello\nnamespace: acme\nversion: " + version + "\n").isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0", "\"1.0 beta\"", "\"1_0\"", "\"1.0-\"", "\"a:1.0\"", "\"1:2\\n\"", "\":1.0\"",
            "\"1.0-r_1\"", "\"1:\"", "\"99999999999:1\""})
    void invalidDebianVersionsAreRefused(String version) {
        PluginReport report = read("name: hello\nnamespace: acme\nversion: " + version + "\n");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("version");
            assertThat(p.rule()).startsWith("is not a valid Debian version: ");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(10);
        });
    }

    @Test
    void versionStartingWithALetterSaysSo() {
        assertThat(lines(read("name: hello\nnamespace: acme\nversion: v1\n"))).containsExactly(
                "wazo/plugin.yml:3:10: version \"v1\" is not a valid Debian version: it must start with a digit");
    }

    @Test
    void emptyRequiredValueIsRefused() {
        assertThat(lines(read("name:\nnamespace: acme\nversion: \"1.0\"\n"))).containsExactly(
                "wazo/plugin.yml:1:6: name has no value (YAML reads it as null): give it a value");
    }

    @Test
    void nonScalarNameIsRefusedNamingTheExpectedType() {
        assertThat(lines(read("name: [a, b]\nnamespace: {a: b}\nversion: \"1.0\"\n"))).containsExactly(
                "wazo/plugin.yml:1:7: name must be a string, not a list",
                "wazo/plugin.yml:2:12: namespace must be a string, not a mapping");
    }

    @Test
    void descriptionMayHoldLineBreaks() {
        PluginReport report = read(VALID + "description: |\n  first\n  second\n");
        assertThat(report.descriptor().orElseThrow().description()).contains("first\nsecond\n");
    }

    @Test
    void descriptionWithAControlCharacterIsRefused() {
        assertThat(lines(read(VALID + "description: \"bell\\a\"\n"))).containsExactly(
                "wazo/plugin.yml:4:14: description \"bell\\u0007\" must not contain control characters other than line breaks");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void formatVersionsZeroToTwoAreAccepted(int format) {
        PluginReport report = read(VALID + "plugin_format_version: " + format + "\n");
        assertThat(report.descriptor().orElseThrow().pluginFormatVersion()).isEqualTo(format);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "-1", "1.0", "true", "'1'", "[1]"})
    void otherFormatVersionsAreRefused(String format) {
        PluginReport report = read(VALID + "plugin_format_version: " + format + "\n");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("plugin_format_version");
            assertThat(p.rule()).startsWith("must be the integer 0, 1 or 2");
        });
    }

    @Test
    void quotedFormatVersionSaysToDropTheQuotes() {
        assertThat(lines(read(VALID + "plugin_format_version: \"1\"\n"))).containsExactly(
                "wazo/plugin.yml:4:24: plugin_format_version \"1\" must be the integer 0, 1 or 2, written without quotes");
    }

    @Test
    void dependsEntriesKeepTheirVersionAndWarnAboutUnknownKeys() {
        PluginReport report = read(VALID + "plugin_format_version: 2\ndepends:\n  - name: other\n    namespace: acme\n"
                + "    version: \"1.2\"\n    extra: 1\n  - {name: third, namespace: zed}\n");
        assertThat(report.descriptor().orElseThrow().depends()).containsExactly(
                new PluginDependency("other", "acme", Optional.of("1.2")),
                new PluginDependency("third", "zed", Optional.empty()));
        assertThat(lines(report)).containsExactly("wazo/plugin.yml:9:5: warning: depends[0].extra is not a key of a "
                + "depends entry (name, namespace, version) and is ignored");
    }

    @Test
    void dependsEntryProblemsNameTheEntry() {
        PluginReport report = read(VALID + "depends:\n  - name: ok\n    namespace: acme\n  - name: Bad\n    namespace: a-b\n"
                + "  - namespace: acme\n  - just-a-string\n");
        assertThat(lines(report)).containsExactly(
                "wazo/plugin.yml:7:11: depends[1].name \"Bad\" must match ^[a-z0-9-]+$ (lower-case letters, digits and '-')",
                "wazo/plugin.yml:8:16: depends[1].namespace \"a-b\" must match ^[a-z0-9]+$ (lower-case letters and digits, no '-')",
                "wazo/plugin.yml:10:5: depends[3] must be a mapping with name and namespace, not a string",
                "wazo/plugin.yml: depends[2].name is required");
    }

    @Test
    void dependsThatIsNotAListIsRefused() {
        assertThat(lines(read(VALID + "depends: other\n"))).containsExactly(
                "wazo/plugin.yml:4:10: depends must be a list of mappings, each with name and namespace, not a string");
    }

    @Test
    void debianDependsAreParsedInOrder() {
        PluginReport report = read(VALID + "debian_depends:\n  - python3-flask (>= 1.0)\n  - 'libc6:any | musl ( << 2:1.0-1 )'\n"
                + "  - zz\n");
        assertThat(report.descriptor().orElseThrow().debianDepends()).extracting(DebianRelation::text)
                .containsExactly("python3-flask (>= 1.0)", "libc6:any | musl (<< 2:1.0-1)", "zz");
    }

    @Test
    void debianDependsWithACommaSaysItIsTwoRelations() {
        assertThat(lines(read(VALID + "debian_depends:\n  - foo, bar\n"))).containsExactly(
                "wazo/plugin.yml:5:5: debian_depends[0] \"foo, bar\" holds a comma, which makes it two relations: "
                        + "write each relation as its own list item");
    }

    @Test
    void debianDependsWithALineBreakIsRefused() {
        PluginReport report = read(VALID + "debian_depends:\n  - \"foo\\nDescription: evil\"\n");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("debian_depends[0]");
            assertThat(p.rule()).startsWith("must be on one line");
        });
    }

    @Test
    void debianDependsThatIsAStringIsRefused() {
        assertThat(lines(read(VALID + "debian_depends: foo\n"))).containsExactly(
                "wazo/plugin.yml:4:17: debian_depends must be a list of strings, each one Debian relation, not a string");
    }

    @Test
    void unquotedWazoVersionKeepsItsTextWithAWarningThatYamlReadsAnother() {
        PluginReport report = read(VALID + "min_wazo_version: 20.10\nmax_wazo_version: '21.1'\n");
        PluginDescriptor descriptor = report.descriptor().orElseThrow();
        assertThat(descriptor.minWazoVersion()).contains("20.10");
        assertThat(descriptor.maxWazoVersion()).contains("21.1");
        assertThat(lines(report)).containsExactly("wazo/plugin.yml:4:19: warning: min_wazo_version \"20.10\" is read by YAML "
                + "and wazo-plugind as 20.1; wazo-deb keeps the text as written: quote it: min_wazo_version: \"20.10\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"21.1", "22"})
    void unquotedWazoVersionWhoseReadingIsItsTextHasNoWarning(String version) {
        PluginReport report = read(VALID + "max_wazo_version: " + version + "\n");
        assertThat(report.problems()).isEmpty();
        assertThat(report.descriptor().orElseThrow().maxWazoVersion()).contains(version);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void wazoVersionsAreReadAtEveryFormatWithoutAWarning(int format) {
        PluginReport report = read(VALID + "plugin_format_version: " + format + "\nmin_wazo_version: '20.13'\n"
                + "max_wazo_version: '24.01'\n");
        assertThat(report.problems()).isEmpty();
        assertThat(report.descriptor().orElseThrow().minWazoVersion()).contains("20.13");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "2024-01-01"})
    void wazoVersionThatIsABooleanOrADateIsRefused(String value) {
        PluginReport report = read(VALID + "min_wazo_version: " + value + "\n");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("min_wazo_version");
            assertThat(p.rule()).startsWith("must be a string, but YAML reads it as ");
        });
    }

    @Test
    void dependsVersionBelowFormatTwoIsAWarning() {
        PluginReport report = read(VALID + "depends:\n  - {name: other, namespace: acme, version: '1.2'}\n");
        assertThat(report.isValid()).isTrue();
        assertThat(lines(report)).containsExactly("wazo/plugin.yml:5:45: warning: depends[0].version \"1.2\" is only read "
                + "from plugin_format_version 2 on and this plugin has format 0: set plugin_format_version: 2");
    }

    @Test
    void wazoVersionWithASpaceIsRefused() {
        assertThat(lines(read(VALID + "plugin_format_version: 2\nmin_wazo_version: '20 10'\n"))).containsExactly(
                "wazo/plugin.yml:5:19: min_wazo_version \"20 10\" must be a version: not empty, without spaces or control characters");
    }

    @Test
    void otherKeysAreKeptAsPlainJavaValues() {
        PluginReport report = read(VALID + "display_name: Hello\nauthor: Me\ntags: [a, b]\nhomepage: https://x.org\n"
                + "stars: 12\nratio: 0.5\npublic: yes\nnothing: ~\nnested: {a: [1, {b: c}]}\n");
        Map<String, Object> other = report.descriptor().orElseThrow().otherKeys();
        assertThat(other).containsOnlyKeys("display_name", "author", "tags", "homepage", "stars", "ratio", "public",
                "nothing", "nested");
        assertThat(other.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(other.get("stars")).isEqualTo(12L);
        assertThat(other.get("ratio")).isEqualTo(0.5);
        assertThat(other.get("public")).isEqualTo(true);
        assertThat(other.get("nothing")).isNull();
        assertThat(other.get("nested")).isEqualTo(Map.of("a", List.of(1L, Map.of("b", "c"))));
        assertThat(List.copyOf(other.keySet())).startsWith("display_name", "author", "tags");
    }

    @Test
    void duplicateKeysAreAnErrorEach() {
        assertThat(lines(read(VALID + "name: again\ntags: [a]\nname: thrice\n"))).containsExactly(
                "wazo/plugin.yml:4:1: name is given again (first at line 1): a key may appear only once",
                "wazo/plugin.yml:6:1: name is given again (first at line 1): a key may appear only once");
    }

    @Test
    void duplicateKeysInsideADependsEntryAreAnError() {
        PluginReport report = read(VALID + "depends:\n  - name: a1\n    name: a2\n    namespace: acme\n");
        assertThat(report.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("depends[0].name");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(5);
        });
    }

    @Test
    void fileNameGivenToReadYamlNamesTheProblems() {
        assertThat(PluginReader.readYaml("name: X\nnamespace: a\nversion: '1'\n", "plugins/x.yml").errors())
                .extracting(Problem::file).containsExactly("plugins/x.yml");
    }
}
