package io.github.wazodeb.deb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks the invoker verify scripts share: each one passes on a good build and fails on a bad one. */
class InvokerChecksTest {

    private static final String DEB = "wazo-plugind-hello-world-demo_0.0.1_all.deb";

    @TempDir
    Path basedir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void theChecksRunSilentlyWhenNothingIsMissing() {
        assertThat(InvokerChecks.available("the dpkg-deb checks", List.of(), "1", out)).isTrue();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMissingToolSkipsTheChecksWithTheReasonPrinted() {
        boolean available = InvokerChecks.available("the dpkg-deb checks", List.of("tar is not on PATH"), null, out);

        assertThat(available).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("SKIPPED the dpkg-deb checks: tar is not on PATH" + System.lineSeparator());
    }

    @Test
    void aMissingToolFailsTheChecksWhenDpkgIsRequired() {
        assertThatThrownBy(() -> InvokerChecks.available("the dpkg-deb checks",
                List.of("tar is not on PATH", "dpkg-deb is not on PATH"), "1", out))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the dpkg-deb checks")
                .hasMessageContaining("tar is not on PATH; dpkg-deb is not on PATH")
                .hasMessageContaining("WAZODEB_REQUIRE_DPKG=1");
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aPackageTheBuildDidNotWriteFailsNamingThePackagesThatAreThere() throws IOException {
        write("target/wazo-plugind-hello-world-demo_0.0.2_all.deb", "other version");

        assertThatThrownBy(() -> InvokerChecks.packageIn(basedir.toFile(), "target/" + DEB))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(DEB)
                .hasMessageContaining("[wazo-plugind-hello-world-demo_0.0.2_all.deb]");
    }

    @Test
    void aPackageTheBuildWroteIsReturned() throws IOException {
        Path deb = write("target/" + DEB, "package");

        assertThat(InvokerChecks.packageIn(basedir.toFile(), "target/" + DEB)).isEqualTo(deb.toFile());
    }

    @Test
    void aSecondRunWithTheSameBytesPasses() throws IOException {
        Path deb = write("target/" + DEB, "package");
        write("target/second-run/" + DEB, "package");

        assertThatCode(() -> InvokerChecks.sameBytesAsSecondRun(deb.toFile())).doesNotThrowAnyException();
    }

    @Test
    void aSecondRunWithOtherBytesFails() throws IOException {
        Path deb = write("target/" + DEB, "package");
        write("target/second-run/" + DEB, "packagf");

        assertThatThrownBy(() -> InvokerChecks.sameBytesAsSecondRun(deb.toFile()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("second-run/" + DEB)
                .hasMessageContaining("same bytes");
    }

    @Test
    void aMissingSecondRunFails() throws IOException {
        Path deb = write("target/" + DEB, "package");

        assertThatThrownBy(() -> InvokerChecks.sameBytesAsSecondRun(deb.toFile()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("second-run/" + DEB);
    }

    @Test
    void theLocalRepositoryIsSearchedAtTheMavenLayoutOfTheCoordinates() throws IOException {
        Path installed = write("repo/io/github/wazodeb/examples/hello-world/0.0.1/hello-world-0.0.1.deb", "package");

        assertThat(InvokerChecks.installedInLocalRepository(basedir.resolve("repo").toFile(),
                "io.github.wazodeb.examples", "hello-world", "0.0.1")).isEqualTo(installed.toFile());
    }

    @Test
    void anArtifactMissingFromTheLocalRepositoryFailsNamingWhereItShouldBe() throws IOException {
        write("repo/io/github/wazodeb/examples/hello-world/0.0.1/hello-world-0.0.1.deb", "package");

        assertThatThrownBy(() -> InvokerChecks.installedInLocalRepository(basedir.resolve("repo").toFile(),
                "io.github.wazodeb.examples", "hello-world", "0.0.1", "jar"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io/github/wazodeb/examples/hello-world/0.0.1/hello-world-0.0.1.jar");
    }

    private Path write(String relativePath, String content) throws IOException {
        Path file = basedir.resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
