package io.github.wazodeb.repo.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wazodeb.repo.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the repository owner's secret key file, and the one-line reasons it cannot sign. */
class SigningKeyTest {

    @TempDir
    Path work;

    @Test
    void theRightPassphraseUnlocksTheKey() throws Exception {
        TestKeys.TestKey key = TestKeys.generate(work, "open sesame");

        SigningKey signingKey = SigningKey.read(key.secretKeyFile(), "open sesame".toCharArray());

        assertThat(signingKey.fingerprint()).isEqualTo(key.fingerprint());
    }

    @Test
    void aWrongPassphraseIsRefusedNamingTheFileAndTheKey() {
        TestKeys.TestKey key = TestKeys.generate(work, "open sesame");

        assertThatThrownBy(() -> SigningKey.read(key.secretKeyFile(), "open barley".toCharArray()))
                .isInstanceOfSatisfying(SigningKeyException.class, e -> assertThat(e.wrongPassphrase()).isTrue())
                .hasMessage(key.secretKeyFile() + ": the passphrase does not unlock secret key " + key.fingerprint());
    }

    @Test
    void aPublicKeyIsNotASecretKey() {
        TestKeys.TestKey key = TestKeys.generate(work, "open sesame");

        assertThatThrownBy(() -> SigningKey.read(key.publicKeyring(), "open sesame".toCharArray()))
                .isInstanceOfSatisfying(SigningKeyException.class, e -> assertThat(e.wrongPassphrase()).isFalse())
                .hasMessageStartingWith(key.publicKeyring() + ": not an OpenPGP secret key");
    }

    @Test
    void aFileOfSomethingElseIsNotASecretKey() throws Exception {
        Path notes = Files.writeString(work.resolve("notes.txt"), "hello\n");

        assertThatThrownBy(() -> SigningKey.read(notes, new char[0]))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageStartingWith(notes + ": not an OpenPGP secret key");
    }

    @Test
    void thePassphraseComesFromItsEnvironmentVariable() throws Exception {
        TestKeys.TestKey key = TestKeys.generate(work, "open sesame");

        SigningKey signingKey = SigningKey.read(key.secretKeyFile(), Map.of("WAZO_DEB_KEY_PASSPHRASE", "open sesame"));

        assertThat(signingKey.fingerprint()).isEqualTo(key.fingerprint());
    }

    @Test
    void aWrongPassphraseFromTheEnvironmentSaysWhereItCameFrom() {
        TestKeys.TestKey key = TestKeys.generate(work, "open sesame");

        assertThatThrownBy(() -> SigningKey.read(key.secretKeyFile(), Map.of("WAZO_DEB_KEY_PASSPHRASE", "no")))
                .hasMessageEndingWith(" (the passphrase is read from WAZO_DEB_KEY_PASSPHRASE)");
        assertThatThrownBy(() -> SigningKey.read(key.secretKeyFile(), Map.of()))
                .hasMessageEndingWith(" (the passphrase is read from WAZO_DEB_KEY_PASSPHRASE, which is not set)");
    }
}
