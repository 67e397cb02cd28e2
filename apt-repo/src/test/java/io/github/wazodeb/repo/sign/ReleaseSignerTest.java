package io.github.wazodeb.repo.sign;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wazodeb.deb.testing.CommandResult;
import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import io.github.wazodeb.repo.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our signatures, checked by gpgv, the verifier apt runs. */
class ReleaseSignerTest {

    /** Trailing blanks and a line starting with a dash: the two cases clear-signing treats specially. */
    private static final String TEXT = "Date: Tue, 14 Nov 2023 22:13:20 UTC\nNote: trailing blanks  \n-dash: first\n";
    private static final Instant DATE = Instant.ofEpochSecond(1_700_000_000L);

    @TempDir
    Path work;

    private TestKeys.TestKey key;
    private ReleaseSigner signer;

    @BeforeEach
    void signer() throws Exception {
        Requirements.assumeAvailable(Requirement.GPGV);
        key = TestKeys.generate(work.resolve("key"), "pass");
        signer = new ReleaseSigner(SigningKey.read(key.secretKeyFile(), "pass".toCharArray()));
    }

    @Test
    void gpgvAcceptsTheClearSignedTextAndGivesBackWhatWasSigned() throws Exception {
        Path inRelease = Files.write(work.resolve("InRelease"), signer.clearSign(TEXT, DATE));
        Path output = work.resolve("verified");

        CommandResult gpgv = gpgv("--output", output.toString(), inRelease.toString());

        assertThat(gpgv.succeeded()).as(gpgv.describe()).isTrue();
        assertThat(gpgv.output()).contains("Good signature").contains(key.fingerprint());
        // What is signed, and so what a verifier hands on, is each line without its trailing blanks.
        assertThat(Files.readString(output)).isEqualTo(TEXT.replace("blanks  \n", "blanks\n"));
    }

    @Test
    void gpgvAcceptsTheDetachedSignatureOfTheSameBytesOnly() throws Exception {
        byte[] release = TEXT.getBytes(StandardCharsets.UTF_8);
        Path releaseFile = Files.write(work.resolve("Release"), release);
        Path signature = Files.write(work.resolve("Release.gpg"), signer.detachedSign(release, DATE));

        CommandResult good = gpgv(signature.toString(), releaseFile.toString());
        Files.writeString(releaseFile, TEXT.replace("2023", "2024"));
        CommandResult tampered = gpgv(signature.toString(), releaseFile.toString());

        assertThat(good.succeeded()).as(good.describe()).isTrue();
        assertThat(tampered.succeeded()).as(tampered.describe()).isFalse();
        assertThat(tampered.output()).contains("BAD signature");
    }

    @Test
    void aDateBeforeTheKeyIsSignedAtTheKeysCreation() throws Exception {
        SigningKey signingKey = SigningKey.read(key.secretKeyFile(), "pass".toCharArray());

        assertThat(signer.signatureTime(DATE)).isEqualTo(signingKey.created());
        assertThat(signer.signatureTime(signingKey.created().plusSeconds(60))).isEqualTo(signingKey.created().plusSeconds(60));
    }

    @Test
    void theSameTextDateAndKeyGiveTheSameBytes() {
        assertThat(signer.clearSign(TEXT, DATE)).isEqualTo(signer.clearSign(TEXT, DATE));
        byte[] release = TEXT.getBytes(StandardCharsets.UTF_8);
        assertThat(signer.detachedSign(release, DATE)).isEqualTo(signer.detachedSign(release, DATE));
    }

    private CommandResult gpgv(String... arguments) {
        List<String> command = new ArrayList<>(List.of("gpgv", "--keyring", key.publicKeyring().toString()));
        command.addAll(List.of(arguments));
        return Commands.run(command);
    }
}
