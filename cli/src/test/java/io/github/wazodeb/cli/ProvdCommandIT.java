package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wazo-deb provd ...}, run from the built jar on a small provd plugins tree. */
class ProvdCommandIT {

    private static final Map<String, String> EPOCH = Map.of("SOURCE_DATE_EPOCH", "1700000000");

    @TempDir
    Path work;

    Path tree;

    @BeforeEach
    void writeTree() throws Exception {
        tree = ProvdTreeFixture.acme(work.resolve("plugins")).root();
    }

    @Test
    void buildWritesTheArchivesAndTheIndex() throws Exception {
        CliRun run = CliRun.wazoDeb(work, EPOCH, "provd", "build", tree.toString(), "-o", "testing");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).containsExactly(Path.of("testing", "wazo-acme-1-1.0.9.tar.bz2").toString(),
                Path.of("testing", "wazo-acme-2-2.0.tar.bz2").toString());
        assertThat(run.err()).contains("wazo_acme target v1 (wazo-acme-1): copying in-process");
        assertThat(Files.readString(work.resolve("testing/plugins.db")))
                .startsWith("{\"wazo-acme-1\":{\"capabilities\":{")
                .contains("\"filename\":\"wazo-acme-1-1.0.9.tar.bz2\"");
    }

    @Test
    void buildFailsNamingATargetThatFailsAndWritesNothing() throws Exception {
        write("wazo_broken/build.py", """
                @target('1.0', 'wazo-broken-1.0')
                def build(path):
                    raise RuntimeError('no firmware list')
                """);

        CliRun run = CliRun.wazoDeb(work, EPOCH, "provd", "build", tree.toString(), "-o", "testing");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("wazo_broken target 1.0 (wazo-broken-1.0) failed with exit status 1")
                .contains("RuntimeError: no firmware list").doesNotContain("\tat ");
        assertThat(work.resolve("testing")).doesNotExist();
    }

    @Test
    void buildFailsWithoutPythonEvenForCopyOnlyTargets() throws Exception {
        Path emptyPath = Files.createDirectories(work.resolve("empty-bin"));

        CliRun run = CliRun.wazoDeb(work, Map.of("PATH", emptyPath.toString()), "provd", "build", tree.toString(),
                "-o", "testing");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("python3 is needed to load each build.py as the tree's own builder does,"
                + " and it is not on PATH");
        assertThat(work.resolve("testing")).doesNotExist();
    }

    @Test
    void buildOfAFolderWithoutFamiliesIsInvalidInput() throws Exception {
        CliRun run = CliRun.wazoDeb(work, EPOCH, "provd", "build", work.resolve("plugins/wazo_acme/v1").toString(),
                "-o", "testing");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("holds no plugin family");
    }

    @Test
    void checkReportsAChangeWithoutABumpAndPassesOnceBumped() throws Exception {
        assertThat(CliRun.wazoDeb(work, EPOCH, "provd", "build", tree.toString(), "-o", "stable").exitCode()).isZero();
        write("wazo_acme/common/templates/base.tpl", "base, fixed\n");

        CliRun refused = CliRun.wazoDeb(work, Map.of(), "provd", "check", tree.toString(), "--against", "stable");
        write("wazo_acme/v1/plugin-info", info("1.0.10"));
        write("wazo_acme/v2/plugin-info", info("2.1"));
        CliRun accepted = CliRun.wazoDeb(work, Map.of(), "provd", "check", tree.toString(), "--against", "stable");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("wazo_acme/v1/plugin-info:2: version \"1.0.9\" must be higher than 1.0.9"
                + " (in stable): wazo-acme-1 changed: wazo_acme/common/templates/base.tpl")
                .contains("wazo_acme/v2/plugin-info:2: version \"2.0\" must be higher than 2.0");
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(accepted.err()).contains("2 plugins checked against stable, 2 changed");
    }

    @Test
    void firmwareVerifiesThenUpdatesTheSums() throws Exception {
        Path firmware = Files.writeString(work.resolve("A1.zip"), "firmware bytes\n");
        Path pkgs = tree.resolve("wazo_acme/v1/pkgs/pkgs.db");

        CliRun verify = CliRun.wazoDeb(work, Map.of(), "provd", "firmware", pkgs.toString(), firmware.toString());
        CliRun update = CliRun.wazoDeb(work, Map.of(), "provd", "firmware", pkgs.toString(), firmware.toString(), "--update");

        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(2);
        assertThat(verify.err()).contains(pkgs + ":13: file_fw.size \"0\": A1.zip has 15");
        assertThat(update.exitCode()).as(update.toString()).isZero();
        assertThat(Files.readString(pkgs)).contains("# from the vendor\n[file_fw]\nurl: https://example.com/fw/A1.zip\n"
                + "size: 15\nsha1sum: ");
        assertThat(CliRun.wazoDeb(work, Map.of(), "provd", "firmware", pkgs.toString(), firmware.toString()).exitCode())
                .isZero();
    }

    @Test
    void promoteCopiesAPluginAndDiffShowsIt() throws Exception {
        assertThat(CliRun.wazoDeb(work, EPOCH, "provd", "build", tree.toString(), "-o", "testing").exitCode()).isZero();

        CliRun promote = CliRun.wazoDeb(work, Map.of(), "provd", "promote", "testing", "stable", "wazo-acme-2");
        CliRun diff = CliRun.wazoDeb(work, Map.of(), "provd", "diff", "stable", "testing");

        assertThat(promote.exitCode()).as(promote.toString()).isZero();
        assertThat(promote.out().strip()).isEqualTo(Path.of("stable", "wazo-acme-2-2.0.tar.bz2").toString());
        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.out()).isEqualTo("+ wazo-acme-1 1.0.9\n");
    }

    @Test
    void promotingAnUnknownPluginIsInvalidInput() throws Exception {
        assertThat(CliRun.wazoDeb(work, EPOCH, "provd", "build", tree.toString(), "-o", "testing").exitCode()).isZero();

        CliRun run = CliRun.wazoDeb(work, Map.of(), "provd", "promote", "testing", "stable", "wazo-nope");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("\"wazo-nope\" is not a plugin of this channel");
    }

    @Test
    void diffOfAFolderThatIsNoChannelFails() throws Exception {
        Files.createDirectories(work.resolve("empty"));

        CliRun run = CliRun.wazoDeb(work, Map.of(), "provd", "diff", "empty", "empty");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("empty: no plugins.db (not a channel folder)");
    }

    private void write(String path, String text) throws Exception {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String info(String version) {
        return ProvdTreeFixture.info(version);
    }
}
