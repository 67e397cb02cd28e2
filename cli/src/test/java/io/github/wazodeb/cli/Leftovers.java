package io.github.wazodeb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** What a build may leave in the folders a test gave it: staging, partial packages, packages. */
final class Leftovers {

    private Leftovers() {
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

    private static List<String> names(Path directory, Predicate<String> wanted) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).filter(wanted).sorted().toList();
        }
    }
}
