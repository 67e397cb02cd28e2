package io.github.wazodeb.provd.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** rsync's filter rules; {@code CopyTargetMatchesRsyncTest} compares whole trees with the real rsync. */
class RsyncFilterTest {

    @Test
    void theFirstMatchingRuleDecides() {
        RsyncFilter filter = new RsyncFilter(List.of(new FilterRule(false, ".*"), new FilterRule(true, "/templates/base.tpl"),
                new FilterRule(false, "/templates/*")));

        assertThat(filter.includes("templates", true)).isTrue();
        assertThat(filter.includes("templates/base.tpl", false)).isTrue();
        assertThat(filter.includes("templates/A1.tpl", false)).isFalse();
        assertThat(filter.includes("sub/templates/A1.tpl", false)).isTrue();
        assertThat(filter.includes("a/.hidden", false)).isFalse();
    }

    @Test
    void folderOnlyDoubleStarAndUnanchoredPathRules() {
        RsyncFilter filter = new RsyncFilter(List.of(new FilterRule(false, "build/"), new FilterRule(false, "docs/**"),
                new FilterRule(false, "cache/*.tmp"), new FilterRule(false, "keep/***")));

        assertThat(filter.includes("build", true)).isFalse();
        assertThat(filter.includes("build", false)).isTrue();
        assertThat(filter.includes("docs", true)).isTrue();
        assertThat(filter.includes("docs/a/b.md", false)).isFalse();
        assertThat(filter.includes("x/cache/a.tmp", false)).isFalse();
        assertThat(filter.includes("xcache/a.tmp", false)).isTrue();
        assertThat(filter.includes("keep", true)).isFalse();
        assertThat(filter.includes("keep/a", false)).isFalse();
    }
}
