package io.github.wazodeb.deb.stage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One build's private scratch space, outside the plugin directory: {@code source/} (the working copy the
 * rules steps run in), {@code payload/} (the {@code pkgdir} the package step fills) and {@code work/}
 * (temporary archive members). Closing removes all of it, whether the build succeeded or not.
 *
 * <p>A build killed outright cannot clean up. Each staging directory holds a {@code lock} file, locked
 * for as long as its build lives; the operating system drops the lock when the process dies, so the next
 * build that stages in the same folder removes what dead builds left, and never a live build's. A staging
 * directory without its lock, holding some of what a staging holds but not all, was made again after its
 * build removed it (by a process a rules step left writing into it): the next build removes it too.
 */
public final class Staging implements AutoCloseable {

    /**
     * Staging folders, and every folder a build makes beside them (git checkouts), are named with this: the
     * sweep removes only what a build made. It is more than "wazo-deb-": a user's own folder in the same
     * temporary directory, such as the unpacked archive wazo-deb-VERSION/, must never be taken for a build's.
     */
    public static final String PREFIX = "wazo-deb-build-";
    private static final String LOCK = "lock";
    /** A staging directory without a lock file older than this was left by a build killed while it was
     *  being made (or by a wazo-deb from before locks). */
    private static final Duration UNLOCKED_AGE = Duration.ofHours(1);

    /**
     * Heap held back for the removal: a build that ran out of memory still removes its staging while
     * what its frames hold stays reachable, and the walk needs a little to allocate.
     */
    private static final int CLEANUP_RESERVE = 1 << 20;

    private final Path root;
    private final FileChannel lockChannel;
    private final Consumer<String> onCleanupFailure;
    private byte[] cleanupReserve = new byte[CLEANUP_RESERVE];

    private Staging(Path root, FileChannel lockChannel, Consumer<String> onCleanupFailure) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.onCleanupFailure = onCleanupFailure;
    }

    /**
     * Removes what dead builds left under {@code parent}, then makes a new staging area there.
     *
     * @param onCleanupFailure told, in words, when removing the staging area fails on close: by then the
     *     build's outcome is decided, so that is a warning, not a failure
     * @throws IllegalArgumentException when {@code parent} lies inside the plugin directory, whose files
     *     must stay untouched
     */
    public static Staging create(Path parent, Path pluginDirectory, Consumer<String> onCleanupFailure)
            throws IOException {
        if (isInside(parent, pluginDirectory)) {
            throw new IllegalArgumentException("the temporary directory " + parent
                    + " is inside the plugin directory " + pluginDirectory + ": choose one outside it");
        }
        Path realParent = Files.createDirectories(parent).toRealPath();
        removeAbandoned(realParent);
        Path root = Files.createTempDirectory(realParent, PREFIX);
        FileChannel lock = null;
        try {
            // Locked under another name, then renamed: another build's sweep must never find a "lock" it
            // can take while this build is between creating the file and locking it.
            Path unlocked = root.resolve(LOCK + ".new");
            lock = FileChannel.open(unlocked, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            lock.lock();
            Files.move(unlocked, root.resolve(LOCK), StandardCopyOption.ATOMIC_MOVE);
            Path payload = Files.createDirectory(root.resolve("payload"));
            Files.createDirectory(root.resolve("work"));
            // The payload root becomes the package's "./" entry: give it a directory's usual mode rather
            // than the 0700 of a private temporary directory.
            Files.setPosixFilePermissions(payload, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new Staging(root, lock, onCleanupFailure);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            TreeRemover.remove(root);
            throw e;
        }
    }

    /**
     * Whether {@code candidate}, which need not exist yet, is {@code directory} or lies inside it, links
     * resolved: checked before anything is created there.
     */
    public static boolean isInside(Path candidate, Path directory) throws IOException {
        return realPathOfPossiblyMissing(candidate).startsWith(directory.toRealPath());
    }

    private static Path realPathOfPossiblyMissing(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
    }

    /** The {@code pkgdir}: what is under it becomes the package's payload, at the same paths. */
    public Path payload() {
        return root.resolve("payload");
    }

    /** Where the working copy of the plugin directory goes. */
    public Path source() {
        return root.resolve("source");
    }

    /** Scratch space for files the build writes before the package is assembled. */
    public Path work() {
        return root.resolve("work");
    }

    @Override
    public void close() {
        cleanupReserve = null;
        try {
            TreeRemover.remove(root);
        } catch (IOException e) {
            onCleanupFailure.accept("could not remove the staging directory " + root + ": " + e.getMessage()
                    + "; the next build in " + root.getParent() + " removes it");
        } finally {
            try {
                lockChannel.close();
            } catch (IOException e) {
                // The lock goes with the process anyway; nothing is left to do.
            }
        }
    }

    private static void removeAbandoned(Path parent) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path dir : dirs) {
                try {
                    if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && isAbandoned(dir)) {
                        TreeRemover.remove(dir);
                    }
                } catch (IOException e) {
                    // Another user's leftovers: theirs to remove, not a reason to fail this build.
                }
            }
        } catch (IOException e) {
            // A folder we may not list: nothing of ours can be in it.
        }
    }

    /**
     * Whether a staging without its lock was made again after its build removed it: it holds something
     * (a live one holds at most its lock being made) but not the {@code payload/} and {@code work/} a live
     * one has from the start. A process a step left writing makes only the folders of what it writes.
     */
    private static boolean madeAgainAfterRemoval(Path dir) throws IOException {
        boolean holdsMore = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                holdsMore |= !entry.getFileName().toString().equals(LOCK + ".new");
            }
        }
        return holdsMore && !(Files.isDirectory(dir.resolve("payload"), LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(dir.resolve("work"), LinkOption.NOFOLLOW_LINKS));
    }

    private static boolean isAbandoned(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK);
        if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            // A live build's staging has its lock from before anything else is made in it (see create).
            FileTime modified = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS);
            return madeAgainAfterRemoval(dir)
                    || modified.toInstant().isBefore(Instant.now().minus(UNLOCKED_AGE));
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false; // a live build in this JVM
        }
    }
}
