package io.github.wazodeb.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.repo.sign.SigningKey;
import io.github.wazodeb.repo.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed repository of our plugin packages, read by the real apt-get of a throw-away root (SPEC section 7):
 * what a Wazo server does with {@code deb [signed-by=KEY] URI ./}.
 */
@ExtendWith(DpkgSandboxExtension.class)
class AptInstallAcceptanceTest {

    private static final PluginFixture BASE = PluginFixture.plugin("base");
    private static final PluginFixture ADDON = PluginFixture.plugin("addon").withDependency(BASE);

    @TempDir
    Path work;

    private FixturePackages packages;
    private TestKeys.TestKey key;
    private SandboxApt apt;

    @BeforeEach
    void signedRepository() throws Exception {
        Requirements.assumeAvailable(Requirement.APT_GET, Requirement.GPGV);
        packages = new FixturePackages(work);
        packages.build(BASE);
        packages.build(ADDON);
        key = TestKeys.generate(work.resolve("key"), "repository passphrase");
        AptRepository.in(packages.repository())
                .signedBy(SigningKey.read(key.secretKeyFile(), key.passphrase().toCharArray()))
                .write();
    }

    @AfterEach
    void forgetApt() {
        if (apt != null) {
            apt.close();
        }
    }

    @Test
    void installingAPluginInstallsThePluginItDependsOnFirst(DpkgSandbox sandbox) {
        apt = SandboxApt.over(sandbox, packages.repository(), key.publicKeyring());

        CommandResult update = apt.update();
        CommandResult install = apt.install(ADDON.packageName());

        assertThat(update.succeeded()).as(update.describe()).isTrue();
        assertThat(update.output()).doesNotContain("W: ").doesNotContain("E: ");
        assertThat(install.succeeded()).as(install.describe()).isTrue();
        assertThat(install.output()).contains("The following NEW packages will be installed");
        assertThat(sandbox.isInstalled(BASE.packageName())).isTrue();
        assertThat(sandbox.isInstalled(ADDON.packageName())).isTrue();
        // Each plugin's postinst ran its `wazo/rules install`: the dependency's first.
        assertThat(sandbox.readLines(PluginFixture.CALLS_LOG)).containsExactly("install 1.0", "install 1.0");
        assertThat(install.output().indexOf("Setting up " + BASE.packageName()))
                .isNotNegative()
                .isLessThan(install.output().indexOf("Setting up " + ADDON.packageName()));
    }

    @Test
    void aTamperedPackagesIndexIsRefused(DpkgSandbox sandbox) throws Exception {
        // What an attacker on the mirror would do: drop the dependency from every copy of the index.
        Path repository = packages.repository();
        String tampered = Files.readString(repository.resolve("Packages"), StandardCharsets.UTF_8)
                .replace("Depends: " + BASE.packageName(), "Depends: libc6");
        byte[] bytes = tampered.getBytes(StandardCharsets.UTF_8);
        Files.write(repository.resolve("Packages"), bytes);
        Files.write(repository.resolve("Packages.gz"), IndexCompression.gzip(bytes));
        Files.write(repository.resolve("Packages.xz"), IndexCompression.xz(bytes));
        apt = SandboxApt.over(sandbox, repository, key.publicKeyring());

        CommandResult update = apt.update();
        CommandResult install = apt.install(ADDON.packageName());

        assertThat(update.succeeded()).as(update.describe()).isFalse();
        assertThat(update.output()).contains("Hash Sum mismatch");
        assertThat(install.succeeded()).as(install.describe()).isFalse();
        assertThat(sandbox.isInstalled(ADDON.packageName())).isFalse();
    }

    @Test
    void aRepositorySignedByAnotherKeyIsRefused(DpkgSandbox sandbox) {
        TestKeys.TestKey stranger = TestKeys.generate(work.resolve("stranger"), "other");
        apt = SandboxApt.over(sandbox, packages.repository(), stranger.publicKeyring());

        CommandResult update = apt.update();

        assertThat(update.succeeded()).as(update.describe()).isFalse();
        assertThat(update.output()).contains("NO_PUBKEY");
    }

    @Test
    void gpgvVerifiesInReleaseAndReleaseGpgWithTheKey() {
        Path repository = packages.repository();

        CommandResult inRelease = Commands.run(List.of("gpgv", "--keyring", key.publicKeyring().toString(),
                repository.resolve("InRelease").toString()));
        CommandResult detached = Commands.run(List.of("gpgv", "--keyring", key.publicKeyring().toString(),
                repository.resolve("Release.gpg").toString(), repository.resolve("Release").toString()));

        assertThat(inRelease.succeeded()).as(inRelease.describe()).isTrue();
        assertThat(inRelease.output()).contains("Good signature");
        assertThat(detached.succeeded()).as(detached.describe()).isTrue();
    }
}
