package io.github.wazodeb.repo;

import io.github.wazodeb.model.DebianVersionOrder;
import io.github.wazodeb.repo.sign.SigningKey;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Publishes packages into a standard apt repository that CI jobs share (SPEC section 7): files in
 * {@code pool/main/}, one index per suite in {@code dists/SUITE/main/binary-all/}, read with
 * {@code deb [signed-by=KEY] URI SUITE main}.
 *
 * <pre>{@code
 * PublishResult result = Publisher.into(root).suite("testing").signedBy(key).keeping(5).publish(debs);
 * Publisher.into(root).signedBy(key).promote("testing", "stable", List.of("wazo-plugind-foo-acme"));
 * }</pre>
 *
 * <p>A published version is immutable: the same name and version with other bytes is refused. Publishers of
 * one repository take turns on a lock and read the suite inside it, so none loses another's package; only the
 * packages added are read, what the suite lists is known from its index and the {@link PoolCache}. Immutable:
 * each setter returns a changed copy.
 */
public final class Publisher {

    /** The suite written when none is named. */
    public static final String DEFAULT_SUITE = "stable";

    private final RepositoryLayout layout;
    private final String suite;
    private final Optional<SigningKey> key;
    private final OptionalInt keep;
    private final Optional<Instant> date;
    private final Consumer<Path> onWait;

    private Publisher(RepositoryLayout layout, String suite, Optional<SigningKey> key, OptionalInt keep,
            Optional<Instant> date, Consumer<Path> onWait) {
        this.layout = layout;
        this.suite = suite;
        this.key = key;
        this.keep = keep;
        this.date = date;
        this.onWait = onWait;
    }

    /** Publishes into the repository whose root is {@code root} (created if missing). */
    public static Publisher into(Path root) {
        return new Publisher(new RepositoryLayout(root), DEFAULT_SUITE, Optional.empty(), OptionalInt.empty(),
                Optional.empty(), lockFile -> { });
    }

    /** The suite {@link #publish} writes. */
    public Publisher suite(String name) {
        return new Publisher(layout, name, key, keep, date, onWait);
    }

    /** Signs each suite's {@code Release} ({@code InRelease}, {@code Release.gpg}). */
    public Publisher signedBy(SigningKey signingKey) {
        return new Publisher(layout, suite, Optional.of(signingKey), keep, date, onWait);
    }

    /** After publishing, keeps only the {@code versions} newest versions (dpkg order) of each package of the suite. */
    public Publisher keeping(int versions) {
        if (versions < 1) {
            throw new IllegalArgumentException("keep at least one version, not " + versions);
        }
        return new Publisher(layout, suite, key, OptionalInt.of(versions), date, onWait);
    }

    /** {@code Release}'s {@code Date}, for instance {@code SOURCE_DATE_EPOCH}. */
    public Publisher dated(Instant releaseDate) {
        return new Publisher(layout, suite, key, keep, Optional.of(releaseDate), onWait);
    }

    /** Told the lock file's path when another publisher holds it and this one waits. */
    public Publisher onWait(Consumer<Path> listener) {
        return new Publisher(layout, suite, key, keep, date, listener);
    }

    /**
     * Puts {@code debs} in the pool and lists them in the suite.
     *
     * @throws InvalidRepositoryException when a package cannot be published (unreadable, a forged index field,
     *     not {@code Architecture: all}), the suite name is not one, with one line per problem; nothing written
     * @throws PublishConflictException when a version already published has other bytes; nothing written
     * @throws IOException when a file cannot be read or written
     */
    public PublishResult publish(List<Path> debs) throws InvalidRepositoryException, PublishConflictException,
            IOException {
        checkSuite(suite);
        // The added packages are read before the lock: the slow part, and it touches nothing shared.
        List<Incoming> incoming = read(debs);
        try (PublishLock lock = PublishLock.acquire(layout.lockFile(), onWait)) {
            PoolCache cache = PoolCache.load(layout.poolCache());
            SuiteListing listing = new SuiteListing(layout, cache);
            Map<String, PackageEntry> listed = byPoolPath(listing.read(suite));
            List<Incoming> toCopy = new ArrayList<>();
            List<String> conflicts = new ArrayList<>();
            for (Incoming candidate : incoming) {
                Optional<String> pooledSha = pooledSha256(cache, candidate.entry().fileName());
                if (pooledSha.isEmpty()) {
                    toCopy.add(candidate);
                } else if (!pooledSha.get().equals(candidate.entry().sha256())) {
                    conflicts.add(candidate.source() + ": " + candidate.entry().name() + " "
                            + candidate.entry().version() + " is already published as " + candidate.entry().fileName()
                            + " with SHA256 " + pooledSha.get() + "; this file has SHA256 "
                            + candidate.entry().sha256() + ": a published version never changes, give it a new"
                            + " version");
                }
            }
            if (!conflicts.isEmpty()) {
                throw new PublishConflictException(conflicts);
            }
            List<Path> written = new ArrayList<>();
            for (Incoming copy : toCopy) {
                written.add(copyToPool(copy));
                cache.remember(layout.root(), copy.entry());
            }
            List<PackageEntry> added = new ArrayList<>();
            List<PackageEntry> already = new ArrayList<>();
            Map<String, PackageEntry> next = new TreeMap<>(listed);
            for (Incoming candidate : incoming) {
                PackageEntry entry = candidate.entry();
                (listed.containsKey(entry.fileName()) ? already : added).add(entry);
                next.put(entry.fileName(), entry);
            }
            List<PackageEntry> dropped = keep.isPresent() ? beyondNewest(next.values(), keep.getAsInt()) : List.of();
            dropped.forEach(entry -> next.remove(entry.fileName()));
            List<Path> removed = List.of();
            if (!added.isEmpty() || !dropped.isEmpty()) {
                written.addAll(new SuiteWriter(layout, key).write(suite, List.copyOf(next.values()), date));
                removed = removeUnlisted(dropped, listing.listedByAnySuite(), cache);
            }
            cache.save();
            return new PublishResult(suite, added, already, dropped, removed, written, signedBy());
        }
    }

    /**
     * Lists in suite {@code to} the pool files suite {@code from} lists for {@code packages}: each {@code NAME}
     * (its newest version in {@code from}) or {@code NAME=VERSION}. Nothing is copied.
     *
     * @throws InvalidRepositoryException when a suite name is not one or a package is not in {@code from}
     */
    public PublishResult promote(String from, String to, List<String> packages) throws InvalidRepositoryException,
            PublishConflictException, IOException {
        List<String> problems = new ArrayList<>();
        RepositoryLayout.suiteProblem(from).ifPresent(problems::add);
        RepositoryLayout.suiteProblem(to).ifPresent(problems::add);
        if (from.equals(to)) {
            problems.add("suite " + from + " cannot be promoted to itself");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRepositoryException(problems);
        }
        try (PublishLock lock = PublishLock.acquire(layout.lockFile(), onWait)) {
            PoolCache cache = PoolCache.load(layout.poolCache());
            SuiteListing listing = new SuiteListing(layout, cache);
            List<PackageEntry> source = listing.read(from);
            Map<String, PackageEntry> listed = byPoolPath(listing.read(to));
            List<PackageEntry> chosen = new ArrayList<>();
            for (String wanted : packages) {
                Optional<PackageEntry> found = find(source, wanted);
                if (found.isEmpty()) {
                    problems.add(wanted + ": not in suite " + from
                            + (Files.isRegularFile(layout.packagesIndex(from)) ? "" : " (there is no such suite)"));
                } else {
                    chosen.add(found.get());
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidRepositoryException(problems);
            }
            List<PackageEntry> added = new ArrayList<>();
            List<PackageEntry> already = new ArrayList<>();
            Map<String, PackageEntry> next = new TreeMap<>(listed);
            for (PackageEntry entry : chosen) {
                if (next.putIfAbsent(entry.fileName(), entry) == null) {
                    added.add(entry);
                } else if (!already.contains(entry)) {
                    already.add(entry);
                }
            }
            List<Path> written = added.isEmpty() ? List.of()
                    : new SuiteWriter(layout, key).write(to, List.copyOf(next.values()), date);
            cache.save();
            return new PublishResult(to, added, already, List.of(), List.of(), written, signedBy());
        }
    }

    private String signedBy() {
        return key.map(SigningKey::fingerprint).orElse("");
    }

    private static void checkSuite(String suite) throws InvalidRepositoryException {
        Optional<String> problem = RepositoryLayout.suiteProblem(suite);
        if (problem.isPresent()) {
            throw new InvalidRepositoryException(List.of(problem.get()));
        }
    }

    /** A package to publish: the file given and its entry at its pool path. */
    private record Incoming(Path source, PackageEntry entry) {
    }

    /** Reads every package given; all problems at once, one line each. Two copies of one file count once. */
    private static List<Incoming> read(List<Path> debs) throws InvalidRepositoryException, IOException {
        if (debs.isEmpty()) {
            throw new InvalidRepositoryException(List.of("no package to publish"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Incoming> byPoolPath = new LinkedHashMap<>();
        for (Path deb : debs) {
            if (!Files.isRegularFile(deb)) {
                problems.add(deb + ": no such file");
                continue;
            }
            PackageReader.Result result = PackageReader.read(deb);
            result.problem().ifPresent(problems::add);
            if (result.entry().isEmpty()) {
                continue;
            }
            PackageEntry entry = result.entry().get();
            if (!entry.architecture().equals("all")) {
                problems.add(deb + ": Architecture " + entry.architecture() + ": a suite lists packages of"
                        + " Architecture all only (main/binary-all); `wazo-deb repo` makes a flat repository of any");
                continue;
            }
            PackageEntry pooled = entry.at(RepositoryLayout.poolPath(entry));
            Incoming same = byPoolPath.putIfAbsent(pooled.fileName(), new Incoming(deb, pooled));
            if (same != null && !same.entry().sha256().equals(pooled.sha256())) {
                problems.add(deb + ": " + entry.name() + " " + entry.version() + " is also " + same.source()
                        + ", with other bytes; publish one");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRepositoryException(problems);
        }
        return List.copyOf(byPoolPath.values());
    }

    /** The SHA-256 of the pool file at {@code poolPath}, from the cache when it can vouch for it; empty if none. */
    private Optional<String> pooledSha256(PoolCache cache, String poolPath) throws IOException {
        Path pooled = layout.root().resolve(poolPath);
        if (!Files.isRegularFile(pooled)) {
            return Optional.empty();
        }
        Optional<PoolCache.Known> known = cache.trusted(layout.root(), poolPath);
        return Optional.of(known.isPresent() ? known.get().sha256() : SuiteListing.sha256Of(pooled));
    }

    /** Copies beside its place, then renames: a reader or a killed publisher never leaves half a package. */
    private Path copyToPool(Incoming incoming) throws IOException {
        Path target = layout.root().resolve(incoming.entry().fileName());
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".wazo-deb-tmp");
        Files.copy(incoming.source(), temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static Map<String, PackageEntry> byPoolPath(List<PackageEntry> entries) {
        Map<String, PackageEntry> byPath = new TreeMap<>();
        entries.forEach(entry -> byPath.put(entry.fileName(), entry));
        return byPath;
    }

    /** The versions of each package older than its {@code versions} newest, in dpkg order. */
    private static List<PackageEntry> beyondNewest(Iterable<PackageEntry> entries, int versions) {
        Map<String, List<PackageEntry>> byName = new TreeMap<>();
        entries.forEach(entry -> byName.computeIfAbsent(entry.name(), name -> new ArrayList<>()).add(entry));
        List<PackageEntry> dropped = new ArrayList<>();
        for (List<PackageEntry> versionsOfOne : byName.values()) {
            versionsOfOne.sort(Comparator.comparing(PackageEntry::version, DebianVersionOrder.INSTANCE).reversed());
            dropped.addAll(versionsOfOne.subList(Math.min(versions, versionsOfOne.size()), versionsOfOne.size()));
        }
        return dropped;
    }

    /** {@code NAME}'s newest version in {@code entries}, or {@code NAME=VERSION}'s entry. */
    private static Optional<PackageEntry> find(List<PackageEntry> entries, String wanted) {
        int equals = wanted.indexOf('=');
        String name = equals < 0 ? wanted : wanted.substring(0, equals);
        Optional<String> version = equals < 0 ? Optional.empty() : Optional.of(wanted.substring(equals + 1));
        return entries.stream().filter(entry -> entry.name().equals(name))
                .filter(entry -> version.isEmpty() || entry.version().equals(version.get()))
                .max(Comparator.comparing(PackageEntry::version, DebianVersionOrder.INSTANCE));
    }

    /** Deletes the pool files of {@code dropped} no suite lists any more, and their emptied folders. */
    private List<Path> removeUnlisted(List<PackageEntry> dropped, Set<String> stillListed, PoolCache cache)
            throws IOException {
        List<Path> removed = new ArrayList<>();
        for (PackageEntry entry : dropped) {
            if (stillListed.contains(entry.fileName())) {
                continue;
            }
            Path pooled = layout.root().resolve(entry.fileName());
            if (Files.deleteIfExists(pooled)) {
                removed.add(pooled);
            }
            cache.forget(entry.fileName());
            Path pool = layout.root().resolve("pool");
            for (Path folder = pooled.getParent(); !folder.equals(pool); folder = folder.getParent()) {
                try {
                    Files.deleteIfExists(folder);
                } catch (DirectoryNotEmptyException stillUsed) {
                    break;
                }
            }
        }
        return removed;
    }
}
