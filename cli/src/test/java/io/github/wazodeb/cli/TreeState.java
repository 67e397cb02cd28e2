package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a directory tree holds, links not followed: for each entry below the root its kind, permission
 * bits, size and content (a file's SHA-256, a link's target). Equal snapshots mean nothing was added,
 * removed or changed: the tests take one of the plugin directory before a build and one after.
 *
 * @param entries by path relative to the root
 */
record TreeState(Map<String, String> entries) {

    TreeState {
        entries = Map.copyOf(entries);
    }

    static TreeState of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (!path.equals(root)) {
                    entries.put(root.relativize(path).toString(), describe(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeState(entries);
    }

    private static String describe(Path path) throws IOException {
        PosixFileAttributes attributes =
                Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String mode = PosixFilePermissions.toString(attributes.permissions());
        if (attributes.isSymbolicLink()) {
            return "link " + mode + " -> " + Files.readSymbolicLink(path);
        }
        if (attributes.isDirectory()) {
            return "directory " + mode;
        }
        if (attributes.isRegularFile()) {
            return "file " + mode + " " + attributes.size() + " bytes sha256 " + sha256(path);
        }
        return "special " + mode;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names directly in {@code directory}, which must exist. */
    static List<String> namesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A failed build left nothing: no file at all in {@code outputDirectory} (no package, no temporary file)
     * and no {@code wazo-deb-*} staging in {@code temporaryDirectory}.
     */
    static void assertNothingLeft(Path outputDirectory, Path temporaryDirectory) {
        if (Files.exists(outputDirectory)) {
            assertThat(namesIn(outputDirectory)).as("files left in the output directory").isEmpty();
        }
        assertThat(namesIn(temporaryDirectory)).as("staging left in the temporary directory")
                .noneMatch(name -> name.startsWith("wazo-deb-"));
    }
}
