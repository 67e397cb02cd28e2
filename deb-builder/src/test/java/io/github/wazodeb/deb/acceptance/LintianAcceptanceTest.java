package io.github.wazodeb.deb.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Lintian;
import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What lintian says about a package built with default options. */
class LintianAcceptanceTest {

    /**
     * Every lintian error a package built to the contract may carry, with why the contract implies it. Any
     * other error is a defect of ours. Warnings (such as {@code unknown-section} for
     * {@code wazo-plugind-plugin}) are shown but not asserted.
     */
    static final Map<String, String> CONTRACT_IMPLIED_ERRORS = Map.of(
            "no-copyright-file",
            "the payload is what wazo/rules package stages plus the wazo/ folder (SPEC 2), as wazo-plugind"
                    + " builds it: nothing adds /usr/share/doc/<package>/copyright",
            "no-changelog",
            "likewise nothing adds /usr/share/doc/<package>/changelog.gz (SPEC 2)",
            "file-in-etc-not-marked-as-conffile",
            "no file is a conffile unless the user asks (SPEC 3), so that wazo-plugind's plain remove takes"
                    + " the plugin's files under /etc away with it");

    @TempDir
    Path work;

    @Test
    void lintianErrorsAreOnlyThoseTheContractImplies() throws Exception {
        Requirements.assumeAvailable(Requirement.LINTIAN);
        PluginFixture plugin = PluginFixture.plugin("hello")
                .withDebianDepends("libc6 (>= 2.36)")
                .withExtraYaml("description: Says hello");

        Lintian.Report report = Lintian.check(new PluginPackages(work).deb(plugin));
        System.out.println("lintian on " + plugin.packageName() + ":\n" + report.output());

        assertThat(report.errors())
                .as(report.output())
                .allSatisfy(tag -> assertThat(CONTRACT_IMPLIED_ERRORS).containsKey(tag.name()));
    }

    /**
     * A first description line over 80 characters whose cut synopsis is, letters and digits, its first
     * folded line: the synopsis must not open the extended description again.
     */
    @Test
    void longFirstDescriptionLineIsNotRepeatedAsTheSynopsis() throws Exception {
        Requirements.assumeAvailable(Requirement.LINTIAN);
        PluginFixture plugin = PluginFixture.plugin("sounds-fr")
                .withExtraYaml("description: \"Prompts in French for the voicemail, the conference rooms, the queues"
                        + " and the supervision boards of every tenant\\n\\nInstalls the prompts under"
                        + " /usr/share/asterisk/sounds/fr_FR.\"");

        Lintian.Report report = Lintian.check(new PluginPackages(work).deb(plugin));
        System.out.println("lintian on " + plugin.packageName() + ":\n" + report.output());

        assertThat(report.tags()).as(report.output()).extracting(Lintian.Tag::name)
                .doesNotContain("description-synopsis-is-duplicated");
        assertThat(report.errors())
                .as(report.output())
                .allSatisfy(tag -> assertThat(CONTRACT_IMPLIED_ERRORS).containsKey(tag.name()));
    }
}
