package io.github.wazodeb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Every package goes through the real {@code dpkg-deb -x}; its payload must be the generated one. */
final class Checks {

    private Checks() {
    }

    static void extracted(Processes processes, Path deb, Path payload, Shape shape, Path work)
            throws IOException, InterruptedException {
        Path into = work.resolve("extracted");
        Processes.deleteTree(into);
        processes.run(List.of("dpkg-deb", "-x", deb.toString(), into.toString()));
        String expected = summary(payload);
        String found = summary(into.resolve("usr/share/bench"));
        if (!expected.equals(found)) {
            throw new IllegalStateException(deb + " (" + shape.id + "): dpkg-deb -x gave " + found + ", expected "
                    + expected);
        }
        Processes.deleteTree(into);
    }

    /** Regular files, their bytes, symbolic links. */
    private static String summary(Path root) throws IOException {
        long files = 0;
        long bytes = 0;
        long links = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(path)) {
                    links++;
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    files++;
                    bytes += Files.size(path);
                }
            }
        }
        return files + " files, " + bytes + " bytes, " + links + " links";
    }
}
