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
