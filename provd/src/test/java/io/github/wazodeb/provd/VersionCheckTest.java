package io.github.wazodeb.provd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.model.Problem;
import io.github.wazodeb.provd.testing.ProvdTrees;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provd check}: a changed plugin must carry a higher version; plugin-info and pkgs.db are checked too. */
class VersionCheckTest {

    @TempDir
    Path work;

    Path tree;
    Path channel;

    @BeforeEach
    void publishTheTree() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3);
        tree = ProvdTrees.standard(work.resolve("plugins"));
        channel = work.resolve("stable");
        new ChannelBuild(tree, channel, List.of(), Instant.EPOCH, ProvdListener.SILENT).run();
    }

    @Test
    void anUnchangedTreePasses() throws Exception {
        VersionCheck.Report report = check(channel.toString());

        assertThat(report.problems()).isEmpty();
        assertThat(report.plugins()).isEqualTo(4);
        assertThat(report.changed()).isZero();
    }

    @Test
    void aChangeInCommonWithoutABumpIsReportedForEveryPluginOfTheFamily() throws Exception {
        ProvdTrees.write(tree.resolve("wazo_acme/common/common.py"), "# shared by every Acme plugin\nCOMMON = 2\n");

        VersionCheck.Report report = check(channel.toString());

        assertThat(report.problems()).extracting(Problem::format).containsExactly(
                "wazo_acme/v1/plugin-info:2: version \"1.0.9\" must be higher than 1.0.9 (in " + channel
                        + "): wazo-acme-1.0 changed: wazo_acme/common/common.py",
                "wazo_acme/v2/plugin-info:2: version \"2.0.0\" must be higher than 2.0.0 (in " + channel
                        + "): wazo-acme-2.0 changed: wazo_acme/common/common.py");
        assertThat(report.changed()).isEqualTo(2);
    }

    @Test
    void aNumericBumpIsAcceptedWhere1Point0Point10FollowsPoint9() throws Exception {
        ProvdTrees.write(tree.resolve("wazo_acme/v1/templates/A1.tpl"), "A1 from v1, fixed\n");
        ProvdTrees.write(tree.resolve("wazo_acme/v1/plugin-info"), ProvdTrees.pluginInfo("1.0.10", "Acme A1 and A2, firmware 1"));

        VersionCheck.Report report = check(channel.toString());

        assertThat(report.problems()).isEmpty();
        assertThat(report.changed()).isEqualTo(1);
    }

    @Test
    void aLowerVersionIsRefusedEvenWhenItChangedEverything() throws Exception {
        ProvdTrees.write(tree.resolve("wazo_beta/v1_0/plugin-info"), ProvdTrees.pluginInfo("0.9", "Beta"));

        assertThat(check(channel.toString()).problems()).extracting(Problem::format).singleElement().asString()
                .startsWith("wazo_beta/v1_0/plugin-info:2: version \"0.9\" must be higher than 1.0")
                .endsWith("wazo-beta-1.0 changed: wazo_beta/v1_0/plugin-info");
    }

    @Test
    void plugininfoAndPkgsDbProblemsAreReportedWithFileAndLine() throws Exception {
        ProvdTrees.write(tree.resolve("wazo_acme/v2/plugin-info"), "{\n  \"version\": \"2.0.1\"\n}\n");
        ProvdTrees.write(tree.resolve("wazo_acme/v1/pkgs/pkgs.db"), ProvdTrees.PKGS_DB
                .replace("sha1sum: 0000000000000000000000000000000000000000", "sha1sum: 0123456789abcdef0123456789abcdef")
                .replace("size: 1", "size: big")
                .replace("files: a1-fw", "files: a1-fw a2-fw")
                + "\n[install_unused]\na-b: cp * x/\n");

        assertThat(check(channel.toString()).problems()).extracting(Problem::format).containsExactlyInAnyOrder(
                "wazo_acme/v2/plugin-info: description is missing",
                "wazo_acme/v2/plugin-info: capabilities is missing: wazo-provd lists a plugin by its capabilities",
                "wazo_acme/v1/pkgs/pkgs.db:6: pkg_a1-fw.files \"a2-fw\" names no [file_a2-fw] section",
                "wazo_acme/v1/pkgs/pkgs.db:16: file_a1-fw.size \"big\" must be a number of bytes",
                "wazo_acme/v1/pkgs/pkgs.db:17: file_a1-fw.sha1sum \"0123456789abcdef0123456789abcdef\" must be 40 hex"
                        + " digits (it has 32 characters)",
                "wazo_acme/v1/pkgs/pkgs.db:19: [install_unused] is used by no pkg_ section's install",
                "wazo_acme/v1/plugin-info:2: version \"1.0.9\" must be higher than 1.0.9 (in " + channel
                        + "): wazo-acme-1.0 changed: wazo_acme/v1/pkgs/pkgs.db");
    }

    @Test
    void aGitRefOfTheTreeIsAnEarlierStateToo() throws Exception {
        git("init", "-q", "-b", "main");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "plugins");
        ProvdTrees.write(tree.resolve("wazo_beta/common/templates/base.tpl"), "beta base, changed\n");

        VersionCheck.Report report = check("HEAD");

        assertThat(report.problems()).extracting(Problem::format).containsExactly(
                "wazo_beta/v1_0/plugin-info:2: version \"1.0\" must be higher than 1.0 (in HEAD): wazo-beta-1.0"
                        + " changed: wazo_beta/common/templates/base.tpl");
    }

    private VersionCheck.Report check(String against) throws Exception {
        return new VersionCheck(tree, against, ProvdListener.SILENT).run();
    }

    private void git(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", tree.toString()));
        command.addAll(List.of(args));
        Commands.stdoutOf(command.toArray(String[]::new));
    }
}
