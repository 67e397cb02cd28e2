package io.github.wazodeb.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a suite lists, read back from its own {@code Packages} index: the index is the suite's state, so what
 * apt reads and what the next publish starts from can never differ. The file fields come from the index, the
 * pool file's identity from the {@link PoolCache}; a pool file the cache cannot vouch for is read again.
 */
final class SuiteListing {

    private final RepositoryLayout layout;
    private final PoolCache cache;

    SuiteListing(RepositoryLayout layout, PoolCache cache) {
        this.layout = layout;
        this.cache = cache;
    }

    /** The entries {@code suite} lists (none for a suite not yet written), each at its pool path. */
    List<PackageEntry> read(String suite) throws IOException, PublishConflictException {
        Path index = layout.packagesIndex(suite);
        if (!Files.isRegularFile(index)) {
            return List.of();
        }
        ControlText.Parsed parsed = ControlText.paragraphs(Files.readString(index, StandardCharsets.UTF_8));
        if (parsed.problem().isPresent()) {
            throw new IOException(index + ": damaged index, " + parsed.problem().get());
        }
        List<PackageEntry> entries = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (Map<String, String> stanza : parsed.paragraphs()) {
            Map<String, String> fields = new LinkedHashMap<>(stanza);
            String fileName = required(fields, "Filename", index);
            long size = Long.parseLong(required(fields, "Size", index));
            String md5 = required(fields, "MD5sum", index);
            String sha256 = required(fields, "SHA256", index);
            Optional<PoolCache.Known> known = cache.trusted(layout.root(), fileName);
            if (known.isPresent() && known.get().sha256().equals(sha256)) {
                entries.add(new PackageEntry(fileName, fields, size, md5, sha256, known.get().newestFileTime()));
                continue;
            }
            Path pooled = layout.root().resolve(fileName);
            if (!Files.isRegularFile(pooled)) {
                throw new IOException(pooled + ": missing, yet suite " + suite + " lists it");
            }
            PackageReader.Result reread = PackageReader.read(pooled);
            if (reread.entry().isEmpty() || !reread.entry().get().sha256().equals(sha256)) {
                conflicts.add(fileName + ": suite " + suite + " lists SHA256 " + sha256 + " but the file has "
                        + sha256Of(pooled) + " (changed outside wazo-deb: put the published file back)");
                continue;
            }
            PackageEntry entry = reread.entry().get().at(fileName);
            cache.remember(layout.root(), entry);
            entries.add(new PackageEntry(fileName, fields, size, md5, sha256, entry.newestFileTime()));
        }
        if (!conflicts.isEmpty()) {
            throw new PublishConflictException(conflicts);
        }
        return entries;
    }

    /** The pool paths any suite of the repository lists, read from the indexes' {@code Filename} lines only. */
    Set<String> listedByAnySuite() throws IOException {
        Set<String> listed = new TreeSet<>();
        if (!Files.isDirectory(layout.distributions())) {
            return listed;
        }
        List<Path> suites;
        try (Stream<Path> folders = Files.list(layout.distributions())) {
            suites = folders.filter(Files::isDirectory).toList();
        }
        for (Path suite : suites) {
            Path index = layout.packagesIndex(suite.getFileName().toString());
            if (Files.isRegularFile(index)) {
                try (Stream<String> lines = Files.lines(index, StandardCharsets.UTF_8)) {
                    lines.filter(line -> line.startsWith("Filename: ")).map(line -> line.substring(10).strip())
                            .forEach(listed::add);
                }
            }
        }
        return listed;
    }

    /** Takes out {@code name}'s value: the file fields are the index's, the rest the package's control fields. */
    private static String required(Map<String, String> fields, String name, Path index) throws IOException {
        String value = fields.remove(name);
        if (value == null) {
            throw new IOException(index + ": damaged index, a stanza has no " + name + " field");
        }
        return value;
    }

    static String sha256Of(Path file) throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
