package io.github.wazodeb.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.BuildListener;
import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.deb.Compression;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageParametersTest {

    private static final Path OUT = Path.of("target", "out");

    @Test
    void everyParameterReachesTheBuildOptions() throws Exception {
        BuildListener listener = new BuildListener() {
        };
        BuildOptions options = new PackageParameters(OUT, "zstd", 12, "Jane Doe <jane@example.org>",
                "2024-01-01T00:00:00Z", "PT2M", false, List.of("/etc/foo.conf"), true, false).toBuildOptions(listener);

        assertThat(options.outputDirectory()).isEqualTo(OUT);
        assertThat(options.compression()).isEqualTo(Compression.ZSTD);
        assertThat(options.compressionLevel()).isEqualTo(12);
        assertThat(options.maintainer()).isEqualTo("Jane Doe <jane@example.org>");
        assertThat(options.timestamp()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(options.stepTimeout()).contains(Duration.ofMinutes(2));
        assertThat(options.runRules()).isFalse();
        assertThat(options.conffiles()).containsExactly("/etc/foo.conf");
        assertThat(options.inPlace()).isTrue();
        assertThat(options.wazoVersionCheck()).isFalse();
        assertThat(options.listener()).isSameAs(listener);
    }

    @Test
    void unsetParametersTakeTheBuildOptionsDefaults() throws Exception {
        BuildOptions options = new PackageParameters(OUT, null, null, null, null, null, true, null, false, true)
                .toBuildOptions(BuildListener.SILENT);

        assertThat(options.compression()).isEqualTo(Compression.XZ);
        assertThat(options.compressionLevel()).isEqualTo(Compression.XZ.defaultLevel());
        assertThat(options.maintainer()).isEqualTo(BuildOptions.DEFAULT_MAINTAINER);
        assertThat(options.stepTimeout()).isEmpty();
        assertThat(options.conffiles()).isEmpty();
        assertThat(options.wazoVersionCheck()).isTrue();
    }

    @Test
    void unsetTimestampFallsBackAsTheBuildOptionsDo() throws Exception {
        BuildOptions options = new PackageParameters(OUT, null, null, null, "", null, true, null, false, true)
                .toBuildOptions(BuildListener.SILENT);

        assertThat(options.timestamp()).isEqualTo(
                BuildOptions.sourceDateEpoch(System.getenv()).orElse(BuildOptions.DEFAULT_TIMESTAMP));
    }

    @Test
    void levelOutsideTheCompressionsRangeNamesTheParameterItsPropertyAndTheRange() {
        assertThatThrownBy(() -> new PackageParameters(OUT, "gzip", 12, null, null, null, true, null, false, true)
                .toBuildOptions(BuildListener.SILENT))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Parameter <compressionLevel> (property wazo.compressionLevel) is \"12\": "
                        + "must be 1 to 9 for gzip compression");
    }

    @Test
    void maintainerWithoutAddressNamesTheParameterAndItsProperty() {
        assertThatThrownBy(() -> new PackageParameters(OUT, null, null, "Jane Doe", null, null, true, null, false, true)
                .toBuildOptions(BuildListener.SILENT))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Parameter <maintainer> (property wazo.maintainer) is \"Jane Doe\": "
                        + "must read \"Full Name <address>\" on one line");
    }

    @Test
    void relativeConffileNamesTheParameterAndItsProperty() {
        assertThatThrownBy(() -> new PackageParameters(OUT, null, null, null, null, null, true,
                List.of("/etc/a.conf", "etc/b.conf"), false, true).toBuildOptions(BuildListener.SILENT))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Parameter <conffiles> (property wazo.conffiles) is \"/etc/a.conf,etc/b.conf\": "
                        + "conffile \"etc/b.conf\" must be an absolute file path");
    }

    @Test
    void conffileGivenTwiceNamesTheParameterAndItsProperty() {
        assertThatThrownBy(() -> new PackageParameters(OUT, null, null, null, null, null, true,
                List.of("/etc/a.conf", "/etc/a.conf"), false, true).toBuildOptions(BuildListener.SILENT))
                .isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("Parameter <conffiles> (property wazo.conffiles) is ")
                .hasMessageEndingWith("conffile \"/etc/a.conf\" is listed twice");
    }

    @Test
    void timestampBeyondWhatTarHoldsNamesTheParameterAndItsProperty() {
        assertThatThrownBy(() -> new PackageParameters(OUT, null, null, null, "5000-01-01T00:00:00Z", null, true,
                null, false, true).toBuildOptions(BuildListener.SILENT))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Parameter <timestamp> (property wazo.timestamp) is \"5000-01-01T00:00:00Z\": "
                        + "must lie between 1970 and 4147, the times a tar header can hold");
    }
}
