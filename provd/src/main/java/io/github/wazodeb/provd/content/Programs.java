package io.github.wazodeb.provd.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program on the {@code PATH} the build inherited. */
final class Programs {

    private Programs() {
    }

    static Optional<Path> locate(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(":")) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
