package io.github.wazodeb.provd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.provd.testing.ProvdTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code provd firmware}: the size and SHA-1 of [file_*] sections, checked and rewritten in place. */
class FirmwareSumsTest {

    private static final String FIRMWARE = "pretend firmware\n";

    @TempDir
    Path work;

    @Test
    void updateRewritesOnlyTheSumsAndConfigparserReadsTheResult() throws Exception {
        Requirements.assumeAvailable(Requirement.PYTHON3);
        Path pkgs = ProvdTrees.standard(work).resolve("wazo_acme/v1/pkgs/pkgs.db");
        Path firmware = Files.writeString(work.resolve("A1-1.0.zip"), FIRMWARE);
        String sha1 = io.github.wazodeb.provd.channel.Channel.sha1(firmware);

        List<FirmwareSums.Difference> changed = new FirmwareSums(pkgs, List.of(firmware)).update();

        assertThat(changed).extracting(FirmwareSums.Difference::key).containsExactly("size", "sha1sum");
        assertThat(Files.readString(pkgs)).isEqualTo(ProvdTrees.PKGS_DB
                .replace("size: 1\n", "size: " + FIRMWARE.length() + "\n")
                .replace("0000000000000000000000000000000000000000", sha1));
        String read = Commands.stdoutOf("python3", "-c", """
                import sys
                from configparser import RawConfigParser
                config = RawConfigParser()
                with open(sys.argv[1]) as f:
                    config.read_file(f)
                print(config.getint('file_a1-fw', 'size'), config.get('file_a1-fw', 'sha1sum'), config.sections())
                """, pkgs.toString());
        assertThat(read.strip()).isEqualTo(FIRMWARE.length() + " " + sha1
                + " ['pkg_a1-fw', 'install_acme-fw', 'file_a1-fw']");
        assertThat(new FirmwareSums(pkgs, List.of(firmware)).verify()).isEmpty();
    }

    @Test
    void verifyNamesEachWrongValueAndChangesNothing() throws Exception {
        Path pkgs = ProvdTrees.standard(work).resolve("wazo_acme/v1/pkgs/pkgs.db");
        Path firmware = Files.writeString(work.resolve("A1-1.0.zip"), FIRMWARE);

        List<FirmwareSums.Difference> wrong = new FirmwareSums(pkgs, List.of(firmware)).verify();

        assertThat(wrong).extracting(difference -> difference.line() + " " + difference.key() + " " + difference.written())
                .containsExactly("16 size 1", "17 sha1sum 0000000000000000000000000000000000000000");
        assertThat(Files.readString(pkgs)).isEqualTo(ProvdTrees.PKGS_DB);
    }

    @Test
    void aFileNoSectionNamesIsInvalidInput() throws Exception {
        Path pkgs = ProvdTrees.standard(work).resolve("wazo_acme/v1/pkgs/pkgs.db");
        Path firmware = Files.writeString(work.resolve("other.zip"), FIRMWARE);

        assertThatThrownBy(() -> new FirmwareSums(pkgs, List.of(firmware)).update())
                .isInstanceOf(InvalidPluginException.class)
                .hasMessageContaining("\"other.zip\" is the name of no [file_*] section");
        assertThat(Files.readString(pkgs)).isEqualTo(ProvdTrees.PKGS_DB);
    }
}
