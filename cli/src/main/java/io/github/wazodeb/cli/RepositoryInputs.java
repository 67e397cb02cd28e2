package io.github.wazodeb.cli;

import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.repo.sign.SigningKey;
import io.github.wazodeb.repo.sign.SigningKeyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What {@code repo}, {@code publish} and {@code promote} read alike: the signing key and the release date. */
final class RepositoryInputs {

    private RepositoryInputs() {
    }

    /** The key of {@code --key}, unlocked with the passphrase of {@link SigningKey#PASSPHRASE_VARIABLE}. */
    static SigningKey signingKey(Path keyFile, Map<String, String> environment) throws UsageException, IOException {
        if (!Files.isRegularFile(keyFile)) {
            throw new UsageException(keyFile + ": no such file (--key)");
        }
        try {
            return SigningKey.read(keyFile, environment);
        } catch (SigningKeyException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code SOURCE_DATE_EPOCH}, when set, for {@code Release}'s {@code Date}. */
    static Optional<Instant> sourceDateEpoch(Map<String, String> environment) throws UsageException {
        try {
            return BuildOptions.sourceDateEpoch(environment);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
