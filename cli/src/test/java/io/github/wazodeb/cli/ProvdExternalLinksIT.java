package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links stay inside: a link that leaves its plugin, or a source folder reached through a link out of the tree. */
class ProvdExternalLinksIT {

    private static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1700000000");

    @TempDir
    Path work;

    ProvdTreeFixture tree;

    @BeforeEach
    void writeTreeWithLinksThatLeave() throws Exception {
        tree = ProvdTreeFixture.acme(work.resolve("plugins"));
        Path templates = tree.root().resolve("wazo_acme/common/templates");
        Files.createSymbolicLink(templates.resolve("latest.tpl"), Path.of("base.tpl"));
        Files.createSymbolicLink(templates.resolve("up.tpl"), Path.of("../templates/base.tpl"));
        Files.createSymbolicLink(templates.resolve("hosts.tpl"), Path.of("/etc/hosts"));
        Files.createSymbolicLink(templates.resolve("away.tpl"), Path.of("../../../wazo_acme/common/templates/base.tpl"));
        Path outside = Files.createDirectories(work.resolve("elsewhere/v2"));
        Files.writeString(outside.resolve("plugin-info"), ProvdTreeFixture.info("2.0"));
        Files.writeString(outside.resolve("secret.txt"), "not part of the tree\n");
        deleteTree(tree.root().resolve("wazo_acme/v2"));
        Files.createSymbolicLink(tree.root().resolve("wazo_acme/v2"), outside);
    }

    @Test
    void buildAndCheckRefuseEachLinkThatLeavesNamingIt() throws Exception {
        Files.createDirectories(work.resolve("empty"));
        Files.writeString(work.resolve("empty/plugins.db"), "{}");

        CliRun build = CliRun.wazoDeb(work, EPOCH, "provd", "build", "plugins", "-o", "testing");
        CliRun check = CliRun.wazoDeb(work, EPOCH, "provd", "check", "plugins", "--against", "empty");

        for (CliRun run : new CliRun[] {build, check}) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err())
                    .contains("wazo_acme/common/templates/hosts.tpl: is a link to /etc/hosts, outside the plugin"
                            + " wazo-acme-1 (refused; --allow-external-links publishes it as it is)")
                    .contains("wazo_acme/common/templates/away.tpl: is a link to"
                            + " ../../../wazo_acme/common/templates/base.tpl, outside the plugin wazo-acme-2")
                    .contains("wazo_acme/v2: is reached through a link to " + work.resolve("elsewhere/v2").toRealPath()
                            + ", outside the tree: its files would ship in wazo-acme-2")
                    .doesNotContain("latest.tpl").doesNotContain("up.tpl");
        }
        assertThat(work.resolve("testing")).doesNotExist();
    }

    @Test
    void allowedTheyArePublishedWithAWarningEach() throws Exception {
        CliRun build = CliRun.wazoDeb(work, EPOCH, "provd", "build", "--allow-external-links", "-q", "plugins",
                "-o", "testing");

        assertThat(build.exitCode()).as(build.toString()).isZero();
        assertThat(build.err().lines().filter(line -> line.contains(": warning: ")))
                .contains("wazo_acme/common/templates/hosts.tpl: warning: is a link to /etc/hosts, outside the plugin"
                        + " wazo-acme-1 (allowed by --allow-external-links)")
                .anyMatch(line -> line.startsWith("wazo_acme/v2: warning: is reached through a link to "))
                .hasSize(5);
        assertThat(work.resolve("testing/wazo-acme-2-2.0.tar.bz2")).exists();
    }

    private static void deleteTree(Path folder) throws Exception {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
