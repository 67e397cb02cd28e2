package io.github.wazodeb.repo;

import io.github.wazodeb.repo.sign.ReleaseSigner;
import io.github.wazodeb.repo.sign.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes one suite's indexes so that a client reading during the write never sees a mismatch (what aptly gets
 * from switching a published snapshot): every index is first written under
 * {@code main/binary-all/by-hash/SHA256/DIGEST}, a name no other content can have, which apt fetches when
 * {@code Release} says {@code Acquire-By-Hash: yes}; then the plain names; then {@code Release},
 * {@code Release.gpg} and, last, {@code InRelease}, each replaced by a rename. A client that read the old
 * {@code Release} still finds its indexes by hash: the by-hash files of recent indexes stay.
 */
final class SuiteWriter {

    /** How many successive indexes of a suite keep their by-hash files, however old. */
    static final int KEPT_INDEXES = 4;

    /** How long an index keeps its by-hash files once replaced, however many publishes follow. */
    static final Duration KEPT_FOR = Duration.ofMinutes(15);

    private static final List<String> SIGNATURE_FILES = List.of("Release.gpg", "InRelease");

    private final RepositoryLayout layout;
    private final Optional<SigningKey> key;

    SuiteWriter(RepositoryLayout layout, Optional<SigningKey> key) {
        this.layout = layout;
        this.key = key;
    }

    /**
     * Writes {@code suite}'s index of {@code entries}; returns the files put in place, in order.
     *
     * @param date {@code Release}'s date, or empty for the newest build time of the entries, never earlier than
     *     the suite's previous {@code Release} (apt would take an older one for a replay)
     */
    List<Path> write(String suite, List<PackageEntry> entries, Optional<Instant> date) throws IOException {
        Path suiteDirectory = layout.suiteDirectory(suite);
        byte[] packages = PackagesIndex.render(entries, "").getBytes(StandardCharsets.UTF_8);
        String binary = RepositoryLayout.BINARY_DIRECTORY + "/";
        // No Packages.xz: xz (pure Java) took 0.8-2.3 s on the index of 500 packages where gzip took 40 ms, for a
        // file a quarter smaller; a publish must cost the same into a large repository as into an empty one.
        List<IndexFile> indexes = List.of(new IndexFile(binary + "Packages", packages),
                new IndexFile(binary + "Packages.gz", IndexCompression.gzip(packages)));
        Instant releaseDate = date.orElseGet(() -> newest(entries, previousDate(suiteDirectory)));
        String release = ReleaseFile.render(List.of("Suite: " + suite, "Codename: " + suite,
                "Architectures: all", "Components: main", "Acquire-By-Hash: yes"), releaseDate, indexes);
        byte[] releaseBytes = release.getBytes(StandardCharsets.UTF_8);

        List<IndexFile> files = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (IndexFile index : indexes) {
            String hash = ReleaseFile.sha256(index.content());
            hashes.add(hash);
            files.add(new IndexFile(binary + "by-hash/SHA256/" + hash, index.content()));
        }
        files.addAll(indexes);
        files.add(new IndexFile("Release", releaseBytes));
        List<Path> stale = new ArrayList<>();
        if (key.isPresent()) {
            // Signed before anything is written: a key that cannot sign leaves the suite as it was.
            ReleaseSigner signer = new ReleaseSigner(key.get());
            files.add(new IndexFile("Release.gpg", signer.detachedSign(releaseBytes, releaseDate)));
            files.add(new IndexFile("InRelease", signer.clearSign(release, releaseDate)));
        } else {
            for (String name : SIGNATURE_FILES) {
                if (Files.exists(suiteDirectory.resolve(name))) {
                    stale.add(suiteDirectory.resolve(name));
                }
            }
        }
        List<Path> written = IndexWriter.replace(suiteDirectory, files, stale);
        pruneByHash(suite, hashes);
        return written;
    }

    private static Instant newest(List<PackageEntry> entries, Optional<Instant> previous) {
        Instant newest = entries.stream().map(PackageEntry::newestFileTime).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        return previous.filter(newest::isBefore).orElse(newest);
    }

    private static Optional<Instant> previousDate(Path suiteDirectory) {
        Path release = suiteDirectory.resolve("Release");
        try {
            return Files.isRegularFile(release) ? ReleaseFile.dateOf(Files.readString(release)) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // A Release we cannot read gives no lower bound; the packages' own date still applies.
            return Optional.empty();
        }
    }

    /**
     * Deletes the by-hash files no recent index uses: an index stays reachable while it is one of the last
     * {@link #KEPT_INDEXES} or was replaced less than {@link #KEPT_FOR} ago (a slow client reads a
     * {@code Release}, then fetches its indexes; CI jobs may publish several times meanwhile). The history, one
     * line per index ({@code SECONDS HASH...}: when it became current, its digests), is wazo-deb's own file.
     */
    private void pruneByHash(String suite, List<String> current) throws IOException {
        Path history = layout.byHashHistory(suite);
        List<String> lines = new ArrayList<>(Files.isRegularFile(history)
                ? Files.readAllLines(history, StandardCharsets.UTF_8) : List.of());
        Instant now = Instant.now();
        lines.add(now.getEpochSecond() + " " + String.join(" ", current));
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean lastOnes = i >= lines.size() - KEPT_INDEXES;
            if (lastOnes || replacedAt(lines.get(i + 1)).plus(KEPT_FOR).isAfter(now)) {
                recent.add(lines.get(i));
            }
        }
        Set<String> keep = new LinkedHashSet<>();
        recent.forEach(kept -> keep.addAll(List.of(kept.split(" "))));
        Path byHash = layout.suiteDirectory(suite).resolve(RepositoryLayout.BINARY_DIRECTORY).resolve("by-hash/SHA256");
        try (Stream<Path> files = Files.list(byHash)) {
            for (Path file : files.toList()) {
                if (!keep.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
        Files.createDirectories(history.getParent());
        Path temporary = history.resolveSibling("." + history.getFileName() + ".wazo-deb-tmp");
        Files.writeString(temporary, String.join("\n", recent) + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, history, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** When the index of the history line {@code next} became current, replacing the one before it. */
    private static Instant replacedAt(String next) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(next.substring(0, next.indexOf(' '))));
        } catch (RuntimeException damaged) {
            return Instant.EPOCH;
        }
    }
}
