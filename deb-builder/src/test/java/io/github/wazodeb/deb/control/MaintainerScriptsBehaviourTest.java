package io.github.wazodeb.deb.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.control.ExternalTools.Result;
import io.github.wazodeb.model.PluginDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the generated scripts, unchanged, inside a throw-away chroot that holds only a static busybox, the
 * plugin's rules script at its installed path, and whatever the test puts there: the host's /usr/lib and
 * /var/lib are never touched. Every rules script the tests install appends {@code "$0 $1"} to
 * {@code /calls.log}, so a test sees which copy was called with what, and how many times.
 */
class MaintainerScriptsBehaviourTest {

    private static final String RECORD = "echo \"$0 $1\" >> /calls.log\n";

    @TempDir
    Path root;

    private Path chroot;
    private final PluginDescriptor format0 = Descriptors.withFormat(0);
    private final PluginDescriptor format1 = Descriptors.withFormat(1);
    private final String rules = MaintainerScripts.rulesPath(format1);
    private final String backup = MaintainerScripts.backupPath(format1);

    @BeforeEach
    void buildTheChroot() throws IOException {
        ExternalTools.requireRoot();
        chroot = ExternalTools.require("chroot");
        Path busybox = ExternalTools.require("busybox");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.copy(busybox, bin.resolve("busybox"));
        for (String applet : ExternalTools.run(List.of(busybox.toString(), "--list"), Map.of()).stdout().split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
    }

    // postinst

    @Test
    void postinstConfigureRunsRulesInstallOnce() throws IOException {
        installExecutable(rules, RECORD);

        Result result = run(MaintainerScripts.of(format1).postinst(), "configure", "1.0");

        assertThat(result.status()).as(result.describe()).isZero();
        assertThat(calls()).containsExactly(rules + " install");
    }

    @Test
    void postinstFailsWhenRulesInstallFails() throws IOException {
        installExecutable(rules, RECORD + "exit 3\n");

        Result result = run(MaintainerScripts.of(format1).postinst(), "configure");

        assertThat(result.status()).isNotZero();
        assertThat(calls()).containsExactly(rules + " install");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abort-upgrade", "abort-remove", "abort-deconfigure"})
    void postinstDoesNothingFor(String argument) throws IOException {
        installExecutable(rules, RECORD);

        Result result = run(MaintainerScripts.of(format1).postinst(), argument, "1.0");

        assertThat(result.status()).as(result.describe()).isZero();
        assertThat(calls()).isEmpty();
        assertThat(result.stdout() + result.stderr()).isEmpty();
    }

    // prerm

    @Test
    void prermRemoveCreatesTheBackupDirectoryCopiesRulesAndUninstalls() throws IOException {
        installExecutable(rules, RECORD);
        assertThat(inRoot(MaintainerScripts.BACKUP_DIRECTORY)).doesNotExist();

        Result result = run(MaintainerScripts.of(format1).prerm(), "remove");

        assertThat(result.status()).as(result.describe()).isZero();
        assertThat(calls()).containsExactly(rules + " uninstall");
        assertThat(inRoot(backup)).hasSameBinaryContentAs(inRoot(rules)).isExecutable();
        assertThat(Files.getPosixFilePermissions(inRoot(backup))).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void prermRemoveReplacesAStaleBackupAndKeepsItExecutable() throws IOException {
        installExecutable(rules, RECORD);
        Path stale = Files.createDirectories(inRoot(backup).getParent()).resolve(inRoot(backup).getFileName());
        Files.writeString(stale, "#!/bin/sh\necho stale >> /calls.log\n");
        Files.setPosixFilePermissions(stale, PosixFilePermissions.fromString("rw-------"));

        Result result = run(MaintainerScripts.of(format1).prerm(), "remove");

        assertThat(result.status()).as(result.describe()).isZero();
        assertThat(inRoot(backup)).hasSameBinaryContentAs(inRoot(rules));
        assertThat(Files.getPosixFilePermissions(inRoot(backup))).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"upgrade", "deconfigure", "failed-upgrade"})
    void prermDoesNothingFor(String argument) throws IOException {
        installExecutable(rules, RECORD);

        Result result = run(MaintainerScripts.of(format1).prerm(), argument, "2.0");

        assertThat(result.status()).as(result.describe()).isZero();
        assertThat(calls()).isEmpty();
        assertThat(inRoot(MaintainerScripts.BACKUP_DIRECTORY)).doesNotExist();
    }

    // postrm

    @ParameterizedTest
    @ValueSource(strings = {"remove", "purge"})
    void postrmRunsTheBackupPostrmOnceThenDeletesIt(String argument) throws IOException {
        installExecutable(backup, RECORD);

        Result result = run(MaintainerScripts.of(format1).postrm(), argument);

        assertThat(result.status()).as(result.describe()).isZero();
        assertThat(calls()).containsExactly(backup + " postrm");
        assertThat(inRoot(backup)).doesNotExist();
    }

    @Test
    void postrmPurgeAfterRemoveSucceedsAndCallsNothing() throws IOException {
        installExecutable(backup, RECORD);
        run(MaintainerScripts.of(format1).postrm(), "remove");

        Result purge = run(MaintainerScripts.of(format1).postrm(), "purge");

        assertThat(purge.status()).as(purge.describe()).isZero();
        assertThat(calls()).containsExactly(backup + " postrm");
        assertThat(purge.stderr()).isEmpty();
    }

    @Test
    void postrmWarnsAndSucceedsWhenThePluginPostrmFails() throws IOException {
        installExecutable(backup, RECORD + "exit 1\n");

        Result result = run(MaintainerScripts.of(format1).postrm(), "remove");

        assertThat(result.status()).as(result.describe()).isZero();
        assertThat(calls()).containsExactly(backup + " postrm");
        assertThat(result.stderr()).contains("warning").contains(backup + " postrm").contains("status 1");
        assertThat(inRoot(backup)).doesNotExist();
    }

    @Test
    void postrmSucceedsWhenRulesHaveNoPostrmBranchAndIgnoreIt() throws IOException {
        installExecutable(backup, "case \"$1\" in\n    install|uninstall) " + RECORD + "        ;;\nesac\n");

        Result result = run(MaintainerScripts.of(format1).postrm(), "remove");

        assertThat(result.status()).as(result.describe()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(inRoot(backup)).doesNotExist();
    }

    @Test
    void postrmSucceedsWhenRulesHaveNoPostrmBranchAndRefuseIt() throws IOException {
        installExecutable(backup, "case \"$1\" in\n    install|uninstall) ;;\n    *) echo \"unknown $1\" >&2; exit 1 ;;\nesac\n");

        Result result = run(MaintainerScripts.of(format1).postrm(), "remove");

        assertThat(result.status()).as(result.describe()).isZero();
        assertThat(result.stderr()).contains("unknown postrm").contains("warning");
        assertThat(inRoot(backup)).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"remove", "purge"})
    void postrmOfFormat0NeverCallsTheBackupButDeletesIt(String argument) throws IOException {
        installExecutable(MaintainerScripts.backupPath(format0), RECORD);

        Result result = run(MaintainerScripts.of(format0).postrm(), argument);

        assertThat(result.status()).as(result.describe()).isZero();
        assertThat(calls()).isEmpty();
        assertThat(inRoot(MaintainerScripts.backupPath(format0))).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"upgrade", "failed-upgrade", "abort-install", "abort-upgrade", "disappear"})
    void postrmDoesNothingFor(String argument) throws IOException {
        installExecutable(backup, RECORD);

        Result result = run(MaintainerScripts.of(format1).postrm(), argument, "1.0");

        assertThat(result.status()).as(result.describe()).isZero();
        assertThat(calls()).isEmpty();
        assertThat(inRoot(backup)).exists();
    }

    // the remove sequence dpkg runs

    @Test
    void removeThenPurgeRunsUninstallThenPluginPostrmFromTheCopy() throws IOException {
        installExecutable(rules, RECORD);
        MaintainerScripts scripts = MaintainerScripts.of(format1);

        assertThat(run(scripts.prerm(), "remove").status()).isZero();
        Files.delete(inRoot(rules)); // dpkg removes the package's files between prerm and postrm
        assertThat(run(scripts.postrm(), "remove").status()).isZero();
        assertThat(run(scripts.postrm(), "purge").status()).isZero();

        assertThat(calls()).containsExactly(rules + " uninstall", backup + " postrm");
        assertThat(inRoot(backup)).doesNotExist();
    }

    // unknown arguments

    @Test
    void everyScriptRefusesAnUnknownArgument() throws IOException {
        installExecutable(rules, RECORD);
        installExecutable(backup, RECORD);
        MaintainerScripts scripts = MaintainerScripts.of(format1);
        List<String> names = List.of("postinst", "prerm", "postrm");
        List<String> texts = List.of(scripts.postinst(), scripts.prerm(), scripts.postrm());

        for (int i = 0; i < names.size(); i++) {
            Result result = run(texts.get(i), "bogus-arg");

            assertThat(result.status()).as(names.get(i)).isEqualTo(1);
            assertThat(result.stderr()).as(names.get(i)).contains(names.get(i)).contains("bogus-arg");
            assertThat(result.stdout()).isEmpty();
        }
        assertThat(calls()).isEmpty();
        assertThat(inRoot(backup)).exists();
    }

    private Result run(String script, String... arguments) throws IOException {
        Files.writeString(root.resolve("script"), script);
        List<String> command = new ArrayList<>(List.of(chroot.toString(), root.toString(), "/bin/sh", "/script"));
        command.addAll(List.of(arguments));
        return ExternalTools.run(command, Map.of("PATH", "/bin", "LC_ALL", "C"));
    }

    private void installExecutable(String absolutePath, String body) throws IOException {
        Path file = inRoot(absolutePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Path inRoot(String absolutePath) {
        return root.resolve(absolutePath.substring(1));
    }

    private List<String> calls() throws IOException {
        Path log = root.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
