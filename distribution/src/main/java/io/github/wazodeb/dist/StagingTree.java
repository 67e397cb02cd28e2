package io.github.wazodeb.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A directory laid out as a distribution installs, every mode set explicitly (directories {@code 0755}),
 * so the archives made from it do not depend on the umask of whoever builds. Removed on close.
 */
final class StagingTree implements AutoCloseable {

    private final Path root;

    private StagingTree(Path root) {
        this.root = root;
    }

    static StagingTree create(Path parent) throws IOException {
        Path root = Files.createTempDirectory(parent, "staging");
        Files.setPosixFilePermissions(root, permissions(0755));
        return new StagingTree(root);
    }

    Path root() {
        return root;
    }

    /** Writes {@code content} at {@code path} (relative, '/'-separated) with {@code mode}. */
    StagingTree file(String path, byte[] content, int mode) throws IOException {
        Files.write(target(path), content);
        Files.setPosixFilePermissions(root.resolve(path), permissions(mode));
        return this;
    }

    /** Copies {@code source} to {@code path} with {@code mode}. */
    StagingTree copy(String path, Path source, int mode) throws IOException {
        Files.copy(source, target(path), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(root.resolve(path), permissions(mode));
        return this;
    }

    private Path target(String path) throws IOException {
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("staged path \"" + path + "\" must name a file inside the tree");
        }
        createDirectories(target.getParent());
        return target;
    }

    private void createDirectories(Path directory) throws IOException {
        if (!directory.equals(root) && !Files.isDirectory(directory)) {
            createDirectories(directory.getParent());
            Files.createDirectory(directory);
            Files.setPosixFilePermissions(directory, permissions(0755));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder text = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            text.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the staging directory " + root, e);
        }
    }
}
