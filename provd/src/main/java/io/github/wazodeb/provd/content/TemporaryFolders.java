package io.github.wazodeb.provd.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing the temporary folders a build or check works in. */
public final class TemporaryFolders {

    private TemporaryFolders() {
    }

    /** Deletes {@code folder} and what it holds (links, not their targets); null does nothing. */
    public static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind does no harm to the result.
        }
    }
}
