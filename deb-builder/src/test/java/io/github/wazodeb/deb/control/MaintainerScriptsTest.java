package io.github.wazodeb.deb.control;

import static io.github.wazodeb.deb.control.Descriptors.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.wazodeb.model.PluginDescriptor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the scripts say, read as text; {@link MaintainerScriptsBehaviourTest} runs them. */
class MaintainerScriptsTest {

    private final PluginDescriptor plugin = plugin("crm-export", "acme", "1.0", Optional.empty(), 1, List.of(), List.of());

    @Test
    void rulesAndBackupPathsFollowWazoPlugind() {
        assertThat(MaintainerScripts.rulesPath(plugin)).isEqualTo("/usr/lib/wazo-plugind/plugins/acme/crm-export/wazo/rules");
        assertThat(MaintainerScripts.backupPath(plugin)).isEqualTo("/var/lib/wazo-plugind/rules/rules.crm-export.acme");
    }

    @Test
    void everyScriptIsAPosixShellScriptThatStopsOnErrors() {
        MaintainerScripts scripts = MaintainerScripts.of(plugin);

        assertThat(List.of(scripts.postinst(), scripts.prerm(), scripts.postrm())).allSatisfy(script -> assertThat(script)
                .startsWith("#!/bin/sh\n").contains("\nset -e\n").contains("case \"$1\" in\n").endsWith("exit 0\n"));
    }

    @Test
    void pathsAreAssignedQuotedAndUsedQuoted() {
        MaintainerScripts scripts = MaintainerScripts.of(plugin);

        assertThat(scripts.prerm())
                .contains("RULES='/usr/lib/wazo-plugind/plugins/acme/crm-export/wazo/rules'\n")
                .contains("BACKUP='/var/lib/wazo-plugind/rules/rules.crm-export.acme'\n")
                .contains("cp \"$RULES\" \"$BACKUP\"\n")
                .doesNotContain(" $RULES").doesNotContain(" $BACKUP");
    }

    @Test
    void onlyFormatOneAndLaterRunThePluginPostrmStep() {
        assertThat(MaintainerScripts.of(Descriptors.withFormat(0)).postrm()).doesNotContain("\"$BACKUP\" postrm");
        assertThat(MaintainerScripts.of(Descriptors.withFormat(1)).postrm()).contains("\"$BACKUP\" postrm");
        assertThat(MaintainerScripts.of(Descriptors.withFormat(2)).postrm()).contains("\"$BACKUP\" postrm");
    }

    @Test
    void onlyAPluginWithAWazoVersionRangeGetsAPreinst() {
        assertThat(MaintainerScripts.of(plugin).preinst()).isEmpty();
        assertThat(MaintainerScripts.of(Descriptors.withWazoRange(Optional.of("25.01"), Optional.empty())).preinst()).isPresent();
        assertThat(MaintainerScripts.of(Descriptors.withWazoRange(Optional.empty(), Optional.of("25.01"))).preinst()).isPresent();
    }

    @Test
    void turningTheCheckOffLeavesThePreinstOutAndTheOtherScriptsAlone() {
        PluginDescriptor ranged = Descriptors.withWazoRange(Optional.of("25.01"), Optional.of("26.01"));
        MaintainerScripts checked = MaintainerScripts.of(ranged, true);
        MaintainerScripts unchecked = MaintainerScripts.of(ranged, false);

        assertThat(unchecked.preinst()).isEmpty();
        assertThat(List.of(unchecked.postinst(), unchecked.prerm(), unchecked.postrm()))
                .isEqualTo(List.of(checked.postinst(), checked.prerm(), checked.postrm()));
    }

    @Test
    void thePreinstIsAPosixShellScriptThatStopsOnErrorsAndAssignsEveryValueQuoted() {
        String preinst = MaintainerScripts.of(Descriptors.withWazoRange(Optional.of("25.01"), Optional.of("1:26.01~rc1")))
                .preinst().orElseThrow();

        assertThat(preinst).startsWith("#!/bin/sh\n").contains("\nset -e\n").endsWith("exit 0\n")
                .contains("\nWAZO_VERSION_FILE='/usr/share/wazo/WAZO-VERSION'\n")
                .contains("\nMIN_WAZO_VERSION='25.01'\n")
                .contains("\nMAX_WAZO_VERSION='1:26.01~rc1'\n")
                .contains("dpkg --compare-versions \"$wazo_version\" \"$1\" \"$2\"");
    }

    @Test
    void aBoundWithASingleQuoteStaysOneQuotedWord() {
        String preinst = MaintainerScripts.of(Descriptors.withWazoRange(Optional.of("1'; rm -rf /; '"), Optional.empty()))
                .preinst().orElseThrow();

        assertThat(preinst).contains("\nMIN_WAZO_VERSION='1'\\''; rm -rf /; '\\'''\n");
    }

    @Test
    void refusesABoundThatWouldBreakTheScriptsLines() {
        for (String bad : List.of("25.01\nrm -rf /", "25.01\r", " 25.01", "")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> MaintainerScripts.of(Descriptors.withWazoRange(Optional.of(bad), Optional.empty())))
                    .withMessageContaining("min_wazo_version");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> MaintainerScripts.of(Descriptors.withWazoRange(Optional.empty(), Optional.of(bad))))
                    .withMessageContaining("max_wazo_version");
        }
    }

    @Test
    void quotingSurvivesASingleQuote() {
        assertThat(MaintainerScripts.quoted("/a'b")).isEqualTo("'/a'\\''b'");
    }

    @Test
    void refusesNamesThatCouldLeaveTheirDirectory() {
        for (PluginDescriptor bad : List.of(
                plugin("..", "acme", "1.0", Optional.empty(), 1, List.of(), List.of()),
                plugin("a/b", "acme", "1.0", Optional.empty(), 1, List.of(), List.of()),
                plugin("x", "acme'; rm -rf /; '", "1.0", Optional.empty(), 1, List.of(), List.of()))) {
            assertThatIllegalArgumentException().isThrownBy(() -> MaintainerScripts.of(bad));
        }
    }
}
