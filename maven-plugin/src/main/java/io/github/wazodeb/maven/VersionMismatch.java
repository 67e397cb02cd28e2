package io.github.wazodeb.maven;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The package's version comes from {@code plugin.yml}, but Maven attaches it under the POM's version: when
 * the two differ, {@code mvn install} and {@code deploy} put the package where nobody would look for it.
 */
final class VersionMismatch {

    private VersionMismatch() {
    }

    /** The warning to log, or empty when the two versions are the same. */
    static Optional<String> warning(String projectVersion, String packageVersion, Path debFile) {
        if (projectVersion.equals(packageVersion)) {
            return Optional.empty();
        }
        return Optional.of("wazo/plugin.yml's version " + packageVersion + " differs from the project's version "
                + projectVersion + ": " + debFile.getFileName() + " is attached to the build as version "
                + projectVersion + " (type deb), so install and deploy store it under " + projectVersion
                + "; give <version> in pom.xml and version in wazo/plugin.yml the same value");
    }
}
