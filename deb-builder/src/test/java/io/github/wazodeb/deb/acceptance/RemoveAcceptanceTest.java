package io.github.wazodeb.deb.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.deb.testing.PluginFixture.Rules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Removing and purging a package we built, with the real dpkg (SPEC section 3, prerm and postrm). */
@ExtendWith(DpkgSandboxExtension.class)
class RemoveAcceptanceTest {

    private static final PluginFixture PLUGIN = PluginFixture.plugin("hello");

    @TempDir
    Path work;

    private void install(DpkgSandbox sandbox, PluginFixture plugin) throws Exception {
        CommandResult install = sandbox.install(new PluginPackages(work).deb(plugin));
        assertThat(install.succeeded()).as(install.describe()).isTrue();
    }

    @Test
    void removeRunsUninstallThenPostrmOnceEach(DpkgSandbox sandbox) throws Exception {
        install(sandbox, PLUGIN);

        CommandResult remove = sandbox.remove(PLUGIN.packageName());

        assertThat(remove.succeeded()).as(remove.describe()).isTrue();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG))
                .containsExactly("install 1.0", "uninstall 1.0", "postrm 1.0");
    }

    @Test
    void removeWorksOnARootWithoutWazoPlugindsStateDirectory(DpkgSandbox sandbox) throws Exception {
        install(sandbox, PLUGIN);
        assertThat(sandbox.path("/var/lib/wazo-plugind")).as("precondition").doesNotExist();

        CommandResult remove = sandbox.remove(PLUGIN.packageName());

        assertThat(remove.succeeded()).as(remove.describe()).isTrue();
    }

    @Test
    void removeTakesThePluginsFilesAwayIncludingThoseUnderEtc(DpkgSandbox sandbox) throws Exception {
        install(sandbox, PLUGIN);

        sandbox.remove(PLUGIN.packageName());

        assertThat(sandbox.path(PLUGIN.sharedFile())).doesNotExist();
        assertThat(sandbox.path(PLUGIN.etcFile())).doesNotExist();
        assertThat(sandbox.path(PLUGIN.installedRules())).doesNotExist();
        assertThat(sandbox.path("/var/lib/dpkg/info/" + PLUGIN.packageName() + ".conffiles")).doesNotExist();
    }

    @Test
    void purgeAfterRemoveSucceedsWithoutMoreRulesCalls(DpkgSandbox sandbox) throws Exception {
        install(sandbox, PLUGIN);
        sandbox.remove(PLUGIN.packageName());

        CommandResult purge = sandbox.purge(PLUGIN.packageName());

        assertThat(purge.succeeded()).as(purge.describe()).isTrue();
        assertThat(sandbox.status(PLUGIN.packageName())).isEmpty();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG))
                .containsExactly("install 1.0", "uninstall 1.0", "postrm 1.0");
    }

    @Test
    void purgeOfAnInstalledPackageRunsUninstallAndPostrmOnceEach(DpkgSandbox sandbox) throws Exception {
        install(sandbox, PLUGIN);

        CommandResult purge = sandbox.purge(PLUGIN.packageName());

        assertThat(purge.succeeded()).as(purge.describe()).isTrue();
        assertThat(sandbox.status(PLUGIN.packageName())).isEmpty();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG))
                .containsExactly("install 1.0", "uninstall 1.0", "postrm 1.0");
    }

    @ParameterizedTest
    @EnumSource(names = {"SH_WITHOUT_POSTRM_IGNORING_UNKNOWN", "SH_WITHOUT_POSTRM_FAILING_UNKNOWN"})
    void removeSucceedsForAFormat1PluginWhoseRulesHaveNoPostrmBranch(Rules rules, DpkgSandbox sandbox)
            throws Exception {
        PluginFixture plugin = PLUGIN.withRules(rules);
        install(sandbox, plugin);

        CommandResult remove = sandbox.remove(plugin.packageName());

        assertThat(remove.succeeded()).as(remove.describe()).isTrue();
        assertThat(sandbox.path(plugin.sharedFile())).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(names = {"SH_WITHOUT_POSTRM_IGNORING_UNKNOWN", "SH_WITHOUT_POSTRM_FAILING_UNKNOWN"})
    void purgeSucceedsForAFormat1PluginWhoseRulesHaveNoPostrmBranch(Rules rules, DpkgSandbox sandbox)
            throws Exception {
        PluginFixture plugin = PLUGIN.withRules(rules);
        install(sandbox, plugin);

        CommandResult purge = sandbox.purge(plugin.packageName());

        assertThat(purge.succeeded()).as(purge.describe()).isTrue();
        assertThat(sandbox.status(plugin.packageName())).isEmpty();
    }

    @Test
    void removeOfAFormat0PluginNeverCallsPostrm(DpkgSandbox sandbox) throws Exception {
        PluginFixture plugin = PLUGIN.withFormat(0);
        install(sandbox, plugin);

        CommandResult remove = sandbox.remove(plugin.packageName());
        CommandResult purge = sandbox.purge(plugin.packageName());

        assertThat(remove.succeeded()).as(remove.describe()).isTrue();
        assertThat(purge.succeeded()).as(purge.describe()).isTrue();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG)).containsExactly("install 1.0", "uninstall 1.0");
    }
}
