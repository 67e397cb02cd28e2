package io.github.wazodeb.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a publish knows of the pool files without reading them: for each, the size and modification time it
 * had, its SHA-256 and the newest file time inside it. A listed file whose size and time still match is
 * trusted as it was read; any other is read again. Lost or damaged, the cache only costs a slower publish.
 */
final class PoolCache {

    /** One pool file as it was read. */
    record Known(long size, long modifiedMillis, String sha256, Instant newestFileTime) {
    }

    private final Path file;
    private final Map<String, Known> known;
    private boolean changed;

    private PoolCache(Path file, Map<String, Known> known) {
        this.file = file;
        this.known = known;
    }

    static PoolCache load(Path file) throws IOException {
        Map<String, Known> known = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t");
                if (parts.length == 5) {
                    try {
                        known.put(parts[0], new Known(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3],
                                Instant.ofEpochSecond(Long.parseLong(parts[4]))));
                    } catch (NumberFormatException damaged) {
                        // A damaged line: that file is read again.
                    }
                }
            }
        }
        return new PoolCache(file, known);
    }

    /** The SHA-256 and newest time of {@code poolPath} (under {@code root}) when its size and time are unchanged. */
    Optional<Known> trusted(Path root, String poolPath) throws IOException {
        Known entry = known.get(poolPath);
        if (entry == null) {
            return Optional.empty();
        }
        Path pooled = root.resolve(poolPath);
        if (!Files.isRegularFile(pooled)) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(pooled, BasicFileAttributes.class);
        boolean unchanged = attributes.size() == entry.size()
                && attributes.lastModifiedTime().toMillis() == entry.modifiedMillis();
        return unchanged ? Optional.of(entry) : Optional.empty();
    }

    /** Records {@code entry}, whose file is {@code root}/{@code entry.fileName()}, as just read. */
    void remember(Path root, PackageEntry entry) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(root.resolve(entry.fileName()), BasicFileAttributes.class);
        Known now = new Known(attributes.size(), attributes.lastModifiedTime().toMillis(), entry.sha256(),
                entry.newestFileTime());
        changed |= !now.equals(known.put(entry.fileName(), now));
    }

    void forget(String poolPath) {
        changed |= known.remove(poolPath) != null;
    }

    /** Writes the cache when it changed: a publish with nothing to do leaves every byte as it was. */
    void save() throws IOException {
        if (!changed) {
            return;
        }
        StringBuilder text = new StringBuilder();
        known.forEach((path, entry) -> text.append(path).append('\t').append(entry.size()).append('\t')
                .append(entry.modifiedMillis()).append('\t').append(entry.sha256()).append('\t')
                .append(entry.newestFileTime().getEpochSecond()).append('\n'));
        Path temporary = file.resolveSibling("." + file.getFileName() + ".wazo-deb-tmp");
        Files.createDirectories(file.getParent());
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
