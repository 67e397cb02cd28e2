package io.github.wazodeb.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.DpkgSandbox;
import io.github.wazodeb.deb.testing.DpkgSandboxExtension;
import io.github.wazodeb.deb.testing.PluginFixture;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.repo.sign.SigningKey;
import io.github.wazodeb.repo.testing.StaticHttpServer;
import io.github.wazodeb.repo.testing.TestKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A published repository served over HTTP on 127.0.0.1 and read by the real apt-get of a throw-away root, with
 * {@code deb [signed-by=KEY] URI SUITE main}: what a Wazo server does (SPEC section 7).
 */
@ExtendWith(DpkgSandboxExtension.class)
class PublishAptAcceptanceTest {

    private static final PluginFixture BASE = PluginFixture.plugin("base");
    private static final PluginFixture ADDON = PluginFixture.plugin("addon").withDependency(BASE);

    @TempDir
    Path work;

    private TestKeys.TestKey key;
    private SigningKey signingKey;
    private StaticHttpServer server;
    private SandboxApt apt;

    @BeforeEach
    void servedRepository() throws Exception {
        Requirements.assumeAvailable(Requirement.APT_GET, Requirement.GPGV);
        key = TestKeys.generate(work.resolve("key"), "repository passphrase");
        signingKey = SigningKey.read(key.secretKeyFile(), key.passphrase().toCharArray());
        server = StaticHttpServer.serving(root());
    }

    @AfterEach
    void stop() {
        if (apt != null) {
            apt.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Path root() {
        return work.resolve("published");
    }

    private String source(String suite) {
        return "deb [signed-by=" + key.publicKeyring() + "] " + server.uri() + " " + suite + " main";
    }

    @Test
    void installFromTestingThenPromoteAndInstallFromStable(DpkgSandbox sandbox) throws Exception {
        FixturePackages packages = new FixturePackages(work);
        Publisher testing = Publisher.into(root()).suite("testing").signedBy(signingKey);
        testing.publish(List.of(packages.build(BASE)));
        testing.publish(List.of(packages.build(ADDON)));
        apt = SandboxApt.withSource(sandbox, source("testing"));

        CommandResult updateTesting = apt.update();
        CommandResult installBase = apt.install(BASE.packageName());
        apt.changeSource(source("stable"));
        CommandResult updateStableBefore = apt.update();
        CommandResult addonNotYetStable = apt.install(ADDON.packageName());
        Publisher.into(root()).signedBy(signingKey).promote("testing", "stable",
                List.of(BASE.packageName(), ADDON.packageName()));
        CommandResult updateStable = apt.update();
        CommandResult installAddon = apt.install(ADDON.packageName());

        assertThat(updateTesting.succeeded()).as(updateTesting.describe()).isTrue();
        assertThat(updateTesting.output()).doesNotContain("W: ").doesNotContain("E: ");
        assertThat(installBase.succeeded()).as(installBase.describe()).isTrue();
        assertThat(updateStableBefore.succeeded()).as(updateStableBefore.describe()).isFalse();
        assertThat(addonNotYetStable.succeeded()).as(addonNotYetStable.describe()).isFalse();
        assertThat(updateStable.succeeded()).as(updateStable.describe()).isTrue();
        assertThat(updateStable.output()).doesNotContain("W: ").doesNotContain("E: ");
        assertThat(installAddon.succeeded()).as(installAddon.describe()).isTrue();
        assertThat(sandbox.isInstalled(BASE.packageName())).isTrue();
        assertThat(sandbox.isInstalled(ADDON.packageName())).isTrue();
    }

    @Test
    void aptGetUpdateInALoopNeverFailsWhileTwentyPublishesRun(DpkgSandbox sandbox) throws Exception {
        FixturePackages packages = new FixturePackages(work);
        List<Path> debs = new ArrayList<>();
        for (int version = 1; version <= 20; version++) {
            debs.add(packages.build(BASE.withVersion(version + ".0")));
        }
        Publisher testing = Publisher.into(root()).suite("testing").signedBy(signingKey).keeping(3);
        testing.publish(List.of(debs.get(0)));
        apt = SandboxApt.withSource(sandbox, source("testing"));

        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
            for (Path deb : debs.subList(1, debs.size())) {
                try {
                    // Paced, so that the publishes span several updates (one takes 2-4 s here, a publish 0.1 s).
                    Thread.sleep(500);
                    testing.publish(List.of(deb));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        List<CommandResult> updates = new ArrayList<>();
        while (!publishing.isDone()) {
            updates.add(apt.update());
        }
        publishing.join();
        updates.add(apt.update());

        assertThat(updates).hasSizeGreaterThan(2);
        assertThat(updates).allSatisfy(update -> {
            assertThat(update.succeeded()).as(update.describe()).isTrue();
            assertThat(update.output()).as(update.describe()).doesNotContain("W: ").doesNotContain("E: ");
        });
        CommandResult install = apt.install(BASE.packageName());
        assertThat(install.succeeded()).as(install.describe()).isTrue();
        assertThat(install.output()).contains(BASE.packageName() + " (20.0)");
    }
}
