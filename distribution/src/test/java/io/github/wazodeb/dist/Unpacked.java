package io.github.wazodeb.dist;

import io.github.wazodeb.deb.testing.Commands;
import io.github.wazodeb.deb.testing.Requirement;
import io.github.wazodeb.deb.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The distribution archive unpacked by the real tar, as a user unpacks it. */
final class Unpacked {

    private Unpacked() {
    }

    /** Unpacks the archive into {@code into}; returns its top folder, {@code wazo-deb-<version>}. */
    static Path archive(Path into) throws IOException {
        Requirements.assumeAvailable(Requirement.TAR);
        Files.createDirectories(into);
        Commands.stdoutOf("tar", "-xzf", Built.tarball().toString(), "-C", into.toString());
        return into.resolve("wazo-deb-" + Built.version());
    }
}
