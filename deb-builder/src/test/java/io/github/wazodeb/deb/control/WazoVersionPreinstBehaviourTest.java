package io.github.wazodeb.deb.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.BusyboxUserland;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.HostDpkg;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.deb.testing.SplitResult;
import io.github.wazodeb.model.PluginDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the generated {@code preinst}, unchanged, in a throw-away chroot that holds a static busybox and the
 * host's real dpkg (a Wazo server has dpkg; busybox's cannot compare versions), with whatever
 * {@code /usr/share/wazo/WAZO-VERSION} the test writes.
 */
class WazoVersionPreinstBehaviourTest {

    private static final String PACKAGE = "wazo-plugind-gate-demo";

    @TempDir
    Path root;

    @BeforeEach
    void buildTheChroot() {
        Requirements.assumeAvailable(Requirement.ROOT, Requirement.CHROOT, Requirement.BUSYBOX, Requirement.DPKG);
        BusyboxUserland.installInto(root);
        HostDpkg.installInto(root);
    }

    @ParameterizedTest
    @ValueSource(strings = {"install", "upgrade"})
    void refusesAServerBelowTheMinimum(String argument) throws IOException {
        wazoVersion("23.01\n");

        SplitResult result = run(preinst("25.01", null), argument, "1.0");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(PACKAGE + ": requires Wazo >= 25.01, this server runs 23.01\n");
        assertThat(result.stdout()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"install", "upgrade"})
    void refusesAServerAboveTheMaximum(String argument) throws IOException {
        wazoVersion("25.01\n");

        SplitResult result = run(preinst("20.01", "23.10"), argument, "1.0");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(PACKAGE + ": requires Wazo <= 23.10, this server runs 25.01\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.01", "22.05", "23.10"})
    void acceptsAServerInsideTheRangeBoundsIncluded(String server) throws IOException {
        wazoVersion(server + "\n");

        SplitResult result = run(preinst("20.01", "23.10"), "install");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout() + result.stderr()).isEmpty();
    }

    @Test
    void comparesTheLiteralTextsAsDebianVersions() throws IOException {
        // YAML would read 20.10 as 20.1, which 20.9 passes; the literal text is above 20.9.
        wazoVersion("20.9\n");

        SplitResult result = run(preinst("20.10", null), "install");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("requires Wazo >= 20.10, this server runs 20.9");
    }

    @Test
    void readsOnlyTheFirstLineWithoutItsSurroundingBlanks() throws IOException {
        wazoVersion("  23.01 \r\n99.99\n");

        SplitResult result = run(preinst("25.01", null), "install");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(PACKAGE + ": requires Wazo >= 25.01, this server runs 23.01\n");
    }

    @Test
    void readsAFileWithoutItsFinalNewline() throws IOException {
        wazoVersion("25.02");

        SplitResult result = run(preinst("25.01", "25.02"), "install");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stderr()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"install", "upgrade"})
    void warnsAndGoesOnWhereThereIsNoWazo(String argument) throws IOException {
        SplitResult result = run(preinst("25.01", "26.01"), argument, "1.0");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stderr()).isEqualTo(PACKAGE + ": warning: /usr/share/wazo/WAZO-VERSION is missing, so this"
                + " is not a Wazo server; not checking that it runs Wazo >= 25.01 and <= 26.01\n");
    }

    @Test
    void warnsAndGoesOnWhenTheFileHoldsNoVersion() throws IOException {
        wazoVersion("\n");

        SplitResult result = run(preinst("25.01", null), "install");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stderr()).contains("warning").contains("holds no version");
    }

    @Test
    void warnsAndGoesOnWhenDpkgCannotReadTheVersion() throws IOException {
        wazoVersion("-not-a-version\n");

        SplitResult result = run(preinst("25.01", null), "install");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stderr()).contains(PACKAGE + ": warning: cannot compare Wazo -not-a-version with 25.01");
    }

    @Test
    void abortUpgradeDoesNothingEvenOutsideTheRange() throws IOException {
        wazoVersion("23.01\n");

        SplitResult result = run(preinst("25.01", null), "abort-upgrade", "1.0");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout() + result.stderr()).isEmpty();
    }

    @Test
    void refusesAnUnknownArgument() throws IOException {
        wazoVersion("25.01\n");

        SplitResult result = run(preinst("25.01", null), "bogus-arg");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("preinst").contains("bogus-arg");
    }

    @Test
    void aBoundIsNeverReadAsShell() throws IOException {
        wazoVersion("23.01\n");
        // No blank in it, so that dpkg still compares it (with a warning) and the refusal prints it back.
        String hostile = "25.01';touch${IFS}/injected;'$(touch${IFS}/injected)`touch${IFS}/injected`\\c";

        SplitResult result = run(preinst(hostile, null), "install");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stderr()).contains(PACKAGE + ": requires Wazo >= " + hostile + ", this server runs 23.01\n");
        assertThat(root.resolve("injected")).doesNotExist();
    }

    @Test
    void aBoundWithBlanksIsNeverReadAsShellEither() throws IOException {
        wazoVersion("23.01\n");
        String hostile = "25.01'; touch /injected; echo '";

        SplitResult result = run(preinst(hostile, null), "install");

        assertThat(result.stderr()).contains("cannot compare Wazo 23.01 with " + hostile);
        assertThat(root.resolve("injected")).doesNotExist();
    }

    @Test
    void theServersVersionIsNeverReadAsShell() throws IOException {
        wazoVersion("$(touch /injected)`touch /injected`\n");

        SplitResult result = run(preinst("25.01", null), "install");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stderr()).contains("cannot compare Wazo $(touch /injected)`touch /injected` with 25.01");
        assertThat(root.resolve("injected")).doesNotExist();
    }

    private static String preinst(String min, String max) {
        PluginDescriptor plugin = Descriptors.withWazoRange(Optional.ofNullable(min), Optional.ofNullable(max));
        return MaintainerScripts.of(plugin).preinst().orElseThrow();
    }

    private void wazoVersion(String content) throws IOException {
        Path file = root.resolve(WazoVersionPreinst.WAZO_VERSION_FILE.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private SplitResult run(String script, String... arguments) throws IOException {
        Files.writeString(root.resolve("script"), script);
        List<String> command = new ArrayList<>(List.of("chroot", root.toString(), "/bin/sh", "/script"));
        command.addAll(List.of(arguments));
        return Commands.runSplit(command, Map.of("PATH", "/usr/bin:/bin"), Commands.DEFAULT_TIMEOUT);
    }
}
