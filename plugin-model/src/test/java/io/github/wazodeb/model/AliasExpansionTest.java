package io.github.wazodeb.model;

import static io.github.wazodeb.model.PluginYamlRulesTest.lines;
import static io.github.wazodeb.model.PluginYamlRulesTest.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What aliases may expand plugin.yml to: 1 MiB or four times the file's size, whichever is larger. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AliasExpansionTest {

    private static final String VALID = "name: hello\nnamespace: acme\nversion: \"1.0\"\n";
    private static final String RULE = " is an alias that expands plugin.yml past %d bytes, the most allowed (1 MiB or "
            + "four times the file's size, whichever is larger): wazo-plugind would serve every copy in its plugin list; "
            + "write the value out instead of repeating it";

    /** VALID, then {@code big: &a "<x * length>"}, then {@code refs: [*a,*a,...]} on line 5, then padding. */
    private static String withAliases(int length, int aliases, int padding) {
        return VALID + "big: &a \"" + "x".repeat(length) + "\"\nrefs: [" + "*a,".repeat(aliases) + "]\n"
                + "pad: \"" + "p".repeat(padding) + "\"\n";
    }

    private static int bytes(String yaml) {
        return yaml.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void eightHundredFiftyKilobytesThatReadAsSixtyGigabytesAreRefusedAtTheAliasThatGoesPastTheBound() {
        String yaml = withAliases(400_000, 150_000, 0);
        assertThat(bytes(yaml)).isBetween(850_000, 860_000);
        // each alias adds the anchor's 400,001 to the file's 850 KB: the seventh (refs[6]) goes past 4 times 850 KB
        assertThat(lines(read(yaml))).containsExactly("wazo/plugin.yml:5:26: refs[6] \"*a\""
                + String.format(RULE, 4L * bytes(yaml)));
    }

    @Test
    void aSmallFileMayExpandToOneMebibyte() {
        assertThat(read(withAliases(100_000, 9, 0)).problems()).isEmpty();
    }

    @Test
    void aSmallFilePastOneMebibyteIsRefused() {
        assertThat(lines(read(withAliases(100_000, 11, 0)))).containsExactly("wazo/plugin.yml:5:35: refs[9] \"*a\""
                + String.format(RULE, 1L << 20));
    }

    @Test
    void aLargerFileMayExpandToFourTimesItsSize() {
        // 700 KB plus 5 copies of 350 KB is past 1 MiB but within 2.8 MB; the seventh copy goes past it
        assertThat(read(withAliases(350_000, 5, 350_000)).problems()).isEmpty();
        String tooMany = withAliases(350_000, 7, 350_000);
        assertThat(lines(read(tooMany))).containsExactly("wazo/plugin.yml:5:26: refs[6] \"*a\""
                + String.format(RULE, 4L * bytes(tooMany)));
    }

    @Test
    void anAliasInsideANestedMappingIsNamedByItsPath() {
        String yaml = VALID + "big: &a \"" + "x".repeat(600_000) + "\"\nouter:\n  inner: {a: *a, b: *a, c: *a, d: *a}\n";
        assertThat(lines(read(yaml))).containsExactly("wazo/plugin.yml:6:35: outer.inner.d \"*a\""
                + String.format(RULE, 4L * bytes(yaml)));
    }
}
