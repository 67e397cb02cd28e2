package io.github.wazodeb.maven;

import io.github.wazodeb.deb.BuildOptions;
import io.github.wazodeb.repo.sign.SigningKey;
import io.github.wazodeb.repo.sign.SigningKeyException;
import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What {@code wazo:repo} and {@code wazo:publish} read alike: the release date and the signing key. */
final class RepositoryParameters {

    private RepositoryParameters() {
    }

    /** {@code SOURCE_DATE_EPOCH}, when set, for {@code Release}'s {@code Date}. */
    static Optional<Instant> sourceDateEpoch(Map<String, String> environment) throws ParameterException {
        try {
            return BuildOptions.sourceDateEpoch(environment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(e.getMessage());
        }
    }

    /**
     * The key of the {@code keyFile} parameter, unlocked with the passphrase of
     * {@link SigningKey#PASSPHRASE_VARIABLE}; empty when the parameter is unset.
     */
    static Optional<SigningKey> signingKey(File keyFile, Map<String, String> environment)
            throws ParameterException, IOException {
        if (keyFile == null) {
            return Optional.empty();
        }
        if (!keyFile.isFile()) {
            throw new ParameterException("keyFile", "wazo.keyFile", keyFile, "there is no such file");
        }
        try {
            return Optional.of(SigningKey.read(keyFile.toPath(), environment));
        } catch (SigningKeyException e) {
            throw new ParameterException("keyFile", "wazo.keyFile", keyFile, e.getMessage());
        }
    }
}
