package io.github.wazodeb.repo;

import io.github.wazodeb.repo.sign.ReleaseSigner;
import io.github.wazodeb.repo.sign.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns a folder of {@code .deb} files into a flat apt repository, in place: {@code Packages},
 * {@code Packages.gz}, {@code Packages.xz} and {@code Release}, and with a key {@code InRelease} and
 * {@code Release.gpg}. apt reads it with {@code deb [signed-by=KEY] URI ./}.
 *
 * <pre>{@code
 * RepositoryIndex index = AptRepository.in(folder).signedBy(SigningKey.read(keyFile, passphrase)).write();
 * }</pre>
 *
 * <p>Reproducible: the same folder gives the same bytes. {@code Release}'s {@code Date} is the date given, else
 * the newest file time inside the packages (their build time when they were built reproducibly), never the
 * clock; signatures bear that time too (or the key's creation, if later). Immutable: {@link #dated} and
 * {@link #signedBy} return a changed copy.
 */
public final class AptRepository {

    /** The signature files, written only with a key and removed by an unsigned run, which would make them lie. */
    static final List<String> SIGNATURE_FILES = List.of("InRelease", "Release.gpg");

    private final Path directory;
    private final Optional<Instant> date;
    private final Optional<SigningKey> key;

    private AptRepository(Path directory, Optional<Instant> date, Optional<SigningKey> key) {
        this.directory = directory;
        this.date = date;
        this.key = key;
    }

    /** The repository of the {@code .deb} files directly in {@code directory} (not in its subfolders). */
    public static AptRepository in(Path directory) {
        return new AptRepository(directory, Optional.empty(), Optional.empty());
    }

    /** {@code Release}'s {@code Date}, for instance {@code SOURCE_DATE_EPOCH}. */
    public AptRepository dated(Instant releaseDate) {
        return new AptRepository(directory, Optional.of(releaseDate), key);
    }

    /** Also writes {@code InRelease} and {@code Release.gpg}, signed with {@code signingKey}. */
    public AptRepository signedBy(SigningKey signingKey) {
        return new AptRepository(directory, date, Optional.of(signingKey));
    }

    /**
     * Reads every package, then writes the index. Nothing is written when a package cannot be listed.
     *
     * @throws InvalidRepositoryException when the folder or one of its {@code .deb} files cannot be listed,
     *     with one line per problem
     * @throws IOException when a file cannot be read or written
     */
    public RepositoryIndex write() throws InvalidRepositoryException, IOException {
        List<PackageEntry> entries = readPackages();
        byte[] packages = PackagesIndex.render(entries, "./").getBytes(StandardCharsets.UTF_8);
        List<IndexFile> indexes = List.of(new IndexFile("Packages", packages),
                new IndexFile("Packages.gz", IndexCompression.gzip(packages)),
                new IndexFile("Packages.xz", IndexCompression.xz(packages)));
        Instant releaseDate = date.orElseGet(() -> newestFileTime(entries));
        String release = ReleaseFile.render(releaseDate, indexes);

        List<IndexFile> files = new ArrayList<>(indexes);
        List<Path> stale = new ArrayList<>();
        if (key.isPresent()) {
            // Signed before anything is written: a key that cannot sign leaves the folder as it was.
            ReleaseSigner signer = new ReleaseSigner(key.get());
            files.add(new IndexFile("InRelease", signer.clearSign(release, releaseDate)));
            files.add(new IndexFile("Release", release.getBytes(StandardCharsets.UTF_8)));
            files.add(new IndexFile("Release.gpg",
                    signer.detachedSign(release.getBytes(StandardCharsets.UTF_8), releaseDate)));
        } else {
            files.add(new IndexFile("Release", release.getBytes(StandardCharsets.UTF_8)));
            for (String name : SIGNATURE_FILES) {
                if (Files.exists(directory.resolve(name))) {
                    stale.add(directory.resolve(name));
                }
            }
        }
        List<Path> written = IndexWriter.replace(directory, files, stale);
        List<PackageEntry> listed = entries.stream().sorted(PackagesIndex.ORDER).toList();
        return new RepositoryIndex(listed, written, stale, key.map(SigningKey::fingerprint).orElse(""));
    }

    private List<PackageEntry> readPackages() throws InvalidRepositoryException, IOException {
        if (!Files.isDirectory(directory)) {
            throw new InvalidRepositoryException(List.of(directory + ": no such directory"));
        }
        List<Path> debs;
        try (Stream<Path> files = Files.list(directory)) {
            debs = files.filter(file -> file.getFileName().toString().endsWith(".deb") && Files.isRegularFile(file))
                    .sorted()
                    .toList();
        }
        if (debs.isEmpty()) {
            throw new InvalidRepositoryException(List.of(directory + ": no .deb files to list"));
        }
        List<String> problems = new ArrayList<>();
        List<PackageEntry> entries = new ArrayList<>();
        Map<String, PackageEntry> byIdentity = new HashMap<>();
        for (Path deb : debs) {
            PackageReader.Result result = PackageReader.read(deb);
            result.problem().ifPresent(problems::add);
            if (result.entry().isEmpty()) {
                continue;
            }
            PackageEntry entry = result.entry().get();
            String identity = entry.name() + " " + entry.version() + " " + entry.architecture();
            PackageEntry same = byIdentity.putIfAbsent(identity, entry);
            if (same != null) {
                problems.add(deb + ": " + entry.name() + " " + entry.version() + " (" + entry.architecture()
                        + ") is also " + same.fileName() + "; apt could fetch either, keep one");
            } else {
                entries.add(entry);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRepositoryException(problems);
        }
        return entries;
    }

    private static Instant newestFileTime(List<PackageEntry> entries) {
        return entries.stream().map(PackageEntry::newestFileTime).max(Instant::compareTo).orElseThrow();
    }
}
