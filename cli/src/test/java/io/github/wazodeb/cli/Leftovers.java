package io.github.wazodeb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a build may leave in the folders a test gave it, and the unique marker that lets a test find the
 * processes a build started: the marker goes into the {@code --temp-dir} path, so every process running
 * the working copy's {@code wazo/rules} has it on its command line, and into the name of a {@code sleep}
 * link the test's rules start.
 */
final class Leftovers {

    private Leftovers() {
    }

    /** A marker no other process on the machine has on its command line. */
    static String newMarker() {
        return "wazoit" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The staging directories ({@code wazo-deb-*}) in {@code temporaryDirectory}. */
    static List<String> stagingDirectories(Path temporaryDirectory) throws IOException {
        return names(temporaryDirectory, name -> name.startsWith("wazo-deb-"));
    }

    /** The hidden partial packages ({@code .<name>.deb.<digits>.tmp}) in {@code outputDirectory}. */
    static List<String> partialPackages(Path outputDirectory) throws IOException {
        return names(outputDirectory, name -> name.matches("\\..+\\.deb\\.[0-9]+\\.tmp"));
    }

    /** The {@code .deb} files in {@code outputDirectory}. */
    static List<Path> packages(Path outputDirectory) throws IOException {
        return names(outputDirectory, name -> name.endsWith(".deb") && !name.startsWith(".")).stream()
                .map(outputDirectory::resolve).toList();
    }

    private static List<String> names(Path directory, java.util.function.Predicate<String> wanted) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).filter(wanted).sorted().toList();
        }
    }

    /**
     * Shell lines for a rules step that leaves processes behind, all carrying {@code marker}: a
     * {@code sleep} link named after it, one copy double-forked (reparented away from the step) and
     * ignoring SIGTERM, one plain background child.
     */
    static String lingeringChildren(String marker) {
        return "ln -sf \"$(command -v sleep)\" \"./sleep-" + marker + "\"\n"
                + "( (trap '' TERM; exec \"./sleep-" + marker + "\" 600) & )\n"
                + "\"./sleep-" + marker + "\" 600 &\n";
    }
}
