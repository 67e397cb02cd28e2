package io.github.wazodeb.deb.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * A package being written: a hidden temporary file beside its target, locked for as long as its writer
 * lives, moved into place when complete and removed otherwise. A writer killed outright (SIGKILL, power
 * loss) cannot remove it; the operating system drops its lock, and {@link #removeAbandoned} lets the next
 * build in that folder remove it, never touching a file whose writer is alive.
 */
final class PartialDebFile implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("\\..+\\.deb\\.[0-9]+\\.tmp");

    private final Path file;
    private final FileChannel channel;
    private boolean moved;

    private PartialDebFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static PartialDebFile create(Path target) throws IOException {
        // Made and locked under a name the sweep of another build does not look at, then renamed: that
        // sweep must never find a partial file it can lock while this build is between creating and
        // locking it. The lock belongs to the open file, so it survives the rename.
        Path unlocked = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".new");
        FileChannel channel = null;
        try {
            // READ too: the package's SHA-256 is read back once its data member's size is filled in.
            channel = FileChannel.open(unlocked, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.lock();
            String name = unlocked.getFileName().toString();
            Path file = unlocked.resolveSibling(name.substring(0, name.length() - ".new".length()) + ".tmp");
            Files.move(unlocked, file, StandardCopyOption.ATOMIC_MOVE);
            return new PartialDebFile(file, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(unlocked);
            throw e;
        }
    }

    FileChannel channel() {
        return channel;
    }

    /**
     * Starts writing the file's bytes to the disk on another thread, for {@link #moveIntoPlace(Path,
     * CompletableFuture)} to wait for.
     */
    CompletableFuture<Void> flushToDiskInBackground() {
        return CompletableFuture.runAsync(() -> {
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "wazo-deb-fsync");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * Makes the file durable and world-readable (as dpkg-deb leaves a package), then renames it to
     * {@code target}, replacing it atomically: the target appears complete or not at all.
     *
     * @param flushing a flush begun earlier, waited for
     * @throws InterruptedIOException the thread was interrupted (the build is being cancelled): nothing
     *     is moved into place
     */
    void moveIntoPlace(Path target, CompletableFuture<Void> flushing) throws IOException {
        try {
            flushing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        channel.force(true);
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            // createTempFile made it 0600.
            posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted before the package was moved into place");
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on odd filesystems; a plain replace is the best left.
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
        moved = true;
    }

    /** Releases the lock; removes the file unless it was moved into place. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (!moved) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Removes the partial packages in {@code directory} whose writers are gone. */
    static void removeAbandoned(Path directory) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                f -> NAME.matcher(f.getFileName().toString()).matches())) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && isAbandoned(file)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static boolean isAbandoned(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false; // written by another build in this JVM
        } catch (IOException e) {
            return false; // not ours to judge (another user's file, say)
        }
    }
}
