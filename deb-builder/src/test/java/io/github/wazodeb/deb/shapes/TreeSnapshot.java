package io.github.wazodeb.deb.shapes;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a directory tree holds, read without following links: for every entry below the root its kind,
 * permission bits, content (a file's SHA-256, a link's target) and modification time. Two snapshots are
 * equal when the trees are; {@link #ignoringTimes()} compares trees that were written at different times.
 *
 * @param entries by path relative to the root, '/'-separated
 */
record TreeSnapshot(Map<String, Node> entries) {

    /** One entry; {@code content} is empty for a directory, {@code modified} null once times are ignored. */
    record Node(String kind, String mode, String content, String modified) {
    }

    TreeSnapshot {
        entries = Map.copyOf(entries);
    }

    static TreeSnapshot of(Path root) {
        Map<String, Node> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (!path.equals(root)) {
                    entries.put(root.relativize(path).toString(), node(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(entries);
    }

    private static Node node(Path path) throws IOException {
        PosixFileAttributes attributes =
                Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String mode = PosixFilePermissions.toString(attributes.permissions());
        String modified = attributes.lastModifiedTime().toString();
        if (attributes.isSymbolicLink()) {
            return new Node("link", mode, Files.readSymbolicLink(path).toString(), modified);
        }
        if (attributes.isDirectory()) {
            return new Node("directory", mode, "", modified);
        }
        return new Node("file", mode, sha256(path), modified);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    TreeSnapshot ignoringTimes() {
        Map<String, Node> timeless = new TreeMap<>();
        entries.forEach((path, node) -> timeless.put(path, new Node(node.kind(), node.mode(), node.content(), null)));
        return new TreeSnapshot(timeless);
    }

    /** The entries that are not {@code prefix} itself nor under it, for trees where a step wrote {@code prefix}. */
    TreeSnapshot without(String prefix) {
        Map<String, Node> kept = new TreeMap<>(entries);
        kept.keySet().removeIf(path -> path.equals(prefix) || path.startsWith(prefix + "/"));
        return new TreeSnapshot(kept);
    }
}
