package io.github.wazodeb.deb.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import io.github.wazodeb.deb.testing.PluginFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Installing a new version over an old one (SPEC section 3, last paragraph). */
@ExtendWith(DpkgSandboxExtension.class)
class UpgradeAcceptanceTest {

    private static final PluginFixture OLD = PluginFixture.plugin("hello").withVersion("1.0");
    private static final PluginFixture NEW = OLD.withVersion("2.0");

    @TempDir
    Path work;

    private CommandResult upgrade(DpkgSandbox sandbox) throws Exception {
        PluginPackages packages = new PluginPackages(work);
        CommandResult first = sandbox.install(packages.deb(OLD));
        assertThat(first.succeeded()).as(first.describe()).isTrue();
        return sandbox.install(packages.deb(NEW));
    }

    @Test
    void upgradeRunsOnlyTheNewVersionsInstall(DpkgSandbox sandbox) throws Exception {
        CommandResult upgrade = upgrade(sandbox);

        assertThat(upgrade.succeeded()).as(upgrade.describe()).isTrue();
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG)).containsExactly("install 1.0", "install 2.0");
    }

    @Test
    void upgradeReplacesThePayloadAndTheVersion(DpkgSandbox sandbox) throws Exception {
        upgrade(sandbox);

        assertThat(sandbox.path(NEW.sharedFile())).hasContent("hello from hello 2.0");
        assertThat(sandbox.status(NEW.packageName()))
                .hasValueSatisfying(fields -> assertThat(fields).containsEntry("Version", "2.0"));
    }
}
