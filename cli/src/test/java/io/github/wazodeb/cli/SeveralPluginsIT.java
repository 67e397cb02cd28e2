package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import io.github.wazodeb.deb.testing.PluginDirectory;
import io.github.wazodeb.deb.testing.PluginFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code wazo-deb package DIR DIR...} and {@code --all ROOT}: validated together, built in dependency order. */
@ExtendWith(DpkgSandboxExtension.class)
class SeveralPluginsIT {

    private static final PluginFixture BASE = PluginFixture.plugin("base");
    private static final PluginFixture ADDON = PluginFixture.plugin("addon").withDependency(BASE);
    private static final PluginFixture EXTRA = PluginFixture.plugin("extra").withDependency(ADDON);
    private static final PluginFixture ZETA = PluginFixture.plugin("zeta");

    @TempDir
    Path work;

    /**
     * Folders named so that their order is the reverse of the dependencies', with copies of a plugin in
     * build output folders that must not be found.
     */
    private Path pluginsFolder() {
        Path root = work.resolve("plugins");
        EXTRA.writeTo(root.resolve("a-extra"));
        ADDON.writeTo(root.resolve("b-addon"));
        BASE.writeTo(root.resolve("c-base"));
        ZETA.writeTo(root.resolve("group/d-zeta"));
        BASE.writeTo(root.resolve("c-base/target/copy"));
        BASE.writeTo(root.resolve("node_modules/copy"));
        BASE.writeTo(root.resolve(".git/copy"));
        BASE.writeTo(root.resolve("build/copy"));
        return root;
    }

    @Test
    void allPluginsUnderAFolderAreBuiltEachAfterWhatItDependsOn() throws Exception {
        Path root = pluginsFolder();

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", "--all", root.toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        // zeta depends on nothing, but acme/addon < acme/zeta: among plugins ready at once, by name.
        assertThat(run.out().lines().map(line -> Path.of(line).getFileName().toString())).containsExactly(
                "wazo-plugind-base-acme_1.0_all.deb", "wazo-plugind-addon-acme_1.0_all.deb",
                "wazo-plugind-extra-acme_1.0_all.deb", "wazo-plugind-zeta-acme_1.0_all.deb");
        assertThat(run.out().lines()).allMatch(line -> Path.of(line).startsWith(work.resolve("out")));
    }

    @Test
    void directoriesGivenInAnyOrderAreBuiltInDependencyOrder() throws Exception {
        Path root = pluginsFolder();

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", root.resolve("b-addon").toString(),
                root.resolve("group/d-zeta").toString(), root.resolve("c-base").toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().map(line -> Path.of(line).getFileName().toString())).containsExactly(
                "wazo-plugind-base-acme_1.0_all.deb", "wazo-plugind-addon-acme_1.0_all.deb",
                "wazo-plugind-zeta-acme_1.0_all.deb");
    }

    @Test
    void eachPackageOfOneCallInstallsInTheOrderPrinted(DpkgSandbox sandbox) throws Exception {
        Path root = pluginsFolder();
        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", "--all", root.toString(), "-o", "out");
        assertThat(run.exitCode()).as(run.toString()).isZero();

        for (String deb : run.out().lines().toList()) {
            CommandResult install = sandbox.install(Path.of(deb));
            assertThat(install.succeeded()).as(install.describe()).isTrue();
        }

        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG)).containsExactly("install 1.0", "install 1.0",
                "install 1.0", "install 1.0");
        assertThat(List.of(BASE, ADDON, EXTRA, ZETA)).allMatch(plugin -> sandbox.isInstalled(plugin.packageName()));
    }

    @Test
    void aDependencyCycleIsAnErrorNamingItsPluginsAndNothingIsBuilt() throws Exception {
        Path root = work.resolve("plugins");
        PluginFixture.plugin("one").withDependency("two", "acme").writeTo(root.resolve("one"));
        PluginFixture.plugin("two").withDependency("three", "acme").writeTo(root.resolve("two"));
        PluginFixture.plugin("three").withDependency("one", "acme").writeTo(root.resolve("three"));
        BASE.writeTo(root.resolve("base"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", "--all", root.toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(root.resolve("one/wazo/plugin.yml") + ": depends forms a cycle: "
                + "acme/one -> acme/two -> acme/three -> acme/one");
        assertThat(run.out()).isEmpty();
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void thePluginInTwoDirectoriesIsAnErrorNamingBoth() throws Exception {
        Path root = work.resolve("plugins");
        BASE.writeTo(root.resolve("base"));
        BASE.withVersion("2.0").writeTo(root.resolve("base-copy"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", "--all", root.toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(root.resolve("base-copy/wazo/plugin.yml") + ": name \"acme/base\" is also "
                + "the plugin in " + root.resolve("base"));
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void everyProblemOfEveryPluginIsShownBeforeAnythingIsBuilt() throws Exception {
        Path root = work.resolve("plugins");
        BASE.writeTo(root.resolve("good"));
        PluginDirectory.write(root.resolve("bad-name"), "name: bad_name\nnamespace: acme\nversion: \"1.0\"\n",
                BASE.rulesScript());
        PluginDirectory.write(root.resolve("bad-version"), "name: worse\nnamespace: acme\nversion: \"x1\"\n",
                BASE.rulesScript());

        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", root.resolve("good").toString(),
                root.resolve("bad-name").toString(), root.resolve("bad-version").toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(root.resolve("bad-name/wazo/plugin.yml") + ":1:7: name \"bad_name\"")
                .contains(root.resolve("bad-version/wazo/plugin.yml") + ":3:10: version \"x1\"")
                .contains("2 errors: nothing was built");
        assertThat(run.out()).isEmpty();
        assertThat(work.resolve("out")).doesNotExist();
    }

    @Test
    void aFolderWithoutPluginsIsAUsageError() throws Exception {
        CliRun run = CliRun.wazoDeb(work, Map.of(), "package", "--all", work.toString(), "-o", "out");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("no plugin (wazo/plugin.yml) under it");
    }
}
