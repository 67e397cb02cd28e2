package io.github.wazodeb.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import java.time.Duration;

/** readYaml on mangled plugin.yml texts: always a report, never an exception or a hang. */
class PluginYamlProperties {

    private static final List<String> VALID_TEXTS = List.of(
            "name: hello\nnamespace: acme\nversion: \"1.0\"\n",
            "name: admin-ui\nnamespace: official\nversion: 1.0\nplugin_format_version: 2\nmin_wazo_version: 20.10\n"
                    + "depends:\n  - name: base\n    namespace: official\n    version: \"0.3\"\n"
                    + "debian_depends:\n  - python3-flask (>= 1.0)\n  - libc6:any | musl\ntags: [a, b]\n",
            "# comment\nname: chat\nnamespace: acme\nversion: '2:1.4-1'\ndescription: |\n  Line one\n  line two\n"
                    + "display_name: Chat\nauthor: {name: Me, mail: me@example.com}\n");
    private static final List<String> PIECES = List.of("&a ", "*a", "!!", "!!python/object ", "[", "]", "{", "}", ":",
            ": ", "- ", "\t", "\u0000", "\n", "\r\n", "  ", "'", "\"", "#", "|", ">", "---\n", "...", "?", ",", "%YAML 1.1\n",
            "\uFEFF", "\\", "<<: ", "x".repeat(500), "\u00e9", "\ud83d\ude00", "\ud800", "1.10", "~", "null");

    private record Mutation(int kind, int where, String piece) {
    }

    @Provide
    Arbitrary<String> mangledPluginYml() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.strings().ofMaxLength(8)))
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.of(VALID_TEXTS), mutation.list().ofMinSize(1).ofMaxSize(6))
                .as(PluginYamlProperties::apply);
    }

    private static String apply(String text, List<Mutation> mutations) {
        String result = text;
        for (Mutation m : mutations) {
            result = apply(result, m);
        }
        return result;
    }

    private static String apply(String text, Mutation m) {
        int at = text.isEmpty() ? 0 : m.where() % (text.length() + 1);
        List<String> lines = List.of(text.split("\n", -1));
        int line = m.where() % lines.size();
        return switch (m.kind()) {
            case 0 -> text.substring(0, at) + m.piece() + text.substring(at);
            case 1 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
            case 2 -> at < text.length() ? text.substring(0, at) + m.piece() + text.substring(at + 1) : text + m.piece();
            case 3 -> String.join("\n", lines.subList(0, line)) + "\n" + String.join("\n", lines.subList(line + 1, lines.size()));
            case 4 -> text.replace("  ", m.where() % 2 == 0 ? "\t" : "    ");
            default -> String.join("\n", lines.subList(0, line)) + "\n" + m.piece() + "\n"
                    + String.join("\n", lines.subList(line, lines.size()));
        };
    }

    /** jqwik has no timeout of its own; a generous per-try limit turns a hang into a failure. */
    private static PluginReport read(String yaml) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> PluginReader.readYaml(yaml, "wazo/plugin.yml"));
    }

    @Property(tries = 1000)
    void readYamlAlwaysReturnsAReport(@ForAll("mangledPluginYml") String yaml) {
        PluginReport report = read(yaml);
        assertThat(report.descriptor().isPresent()).isEqualTo(report.errors().isEmpty());
        for (Problem problem : report.problems()) {
            assertThat(problem.format()).doesNotContain("\n", "\r").startsWith("wazo/plugin.yml");
        }
    }

    @Property(tries = 1000)
    void everyValidDescriptorKeepsTheRules(@ForAll("mangledPluginYml") String yaml) {
        read(yaml).descriptor().ifPresent(d -> {
            assertThat(d.name()).matches("[a-z0-9-]+");
            assertThat(d.namespace()).matches("[a-z0-9]+");
            assertThat(DebianVersion.isValid(d.version())).isTrue();
            assertThat(d.pluginFormatVersion()).isBetween(0, 2);
            for (PluginDependency dependency : d.depends()) {
                assertThat(dependency.name()).matches("[a-z0-9-]+");
                assertThat(dependency.namespace()).matches("[a-z0-9]+");
                dependency.version().ifPresent(v -> assertThat(v).matches("\\S+").doesNotContainPattern("\\p{Cntrl}"));
            }
            for (DebianRelation relation : d.debianDepends()) {
                assertThat(relation.text()).doesNotContainPattern("[\\p{Cntrl},\\[]");
            }
            d.minWazoVersion().ifPresent(v -> assertThat(v).matches("\\S+").doesNotContainPattern("\\p{Cntrl}"));
            d.maxWazoVersion().ifPresent(v -> assertThat(v).matches("\\S+").doesNotContainPattern("\\p{Cntrl}"));
            d.description().ifPresent(text -> assertThat(text).doesNotContainPattern("[\\p{Cntrl}&&[^\\n]]"));
        });
    }
}
