package io.github.wazodeb.deb.source;

import io.github.wazodeb.deb.stage.TreeRemover;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A git source checked out in a private folder: build {@link #directory()}, then close, which removes the
 * folder (also after a failed or cancelled build). Not thread-safe.
 */
public final class SourceCheckout implements AutoCloseable {

    private final GitSource source;
    private final Path privateFolder;
    private final Path directory;
    private final String commit;
    private final FileChannel lock;
    private final AutoCloseable cancellation;
    private final Consumer<String> onCleanupFailure;

    SourceCheckout(GitSource source, Path privateFolder, Path directory, String commit, FileChannel lock,
            AutoCloseable cancellation, Consumer<String> onCleanupFailure) {
        this.source = source;
        this.privateFolder = privateFolder;
        this.directory = directory;
        this.commit = commit;
        this.lock = lock;
        this.cancellation = cancellation;
        this.onCleanupFailure = onCleanupFailure;
    }

    /** What was checked out. */
    public GitSource source() {
        return source;
    }

    /** The plugin directory: the checked-out tree, or its subdirectory. */
    public Path directory() {
        return directory;
    }

    /** The full id of the commit checked out. */
    public String commit() {
        return commit;
    }

    /** Removes the private folder; a failure to remove it is reported, not thrown (the build is decided). */
    @Override
    public void close() {
        try {
            TreeRemover.remove(privateFolder);
        } catch (IOException e) {
            // Its lock is released below: the next build in the same temporary directory removes it.
            onCleanupFailure.accept("could not remove the git checkout " + privateFolder + ": " + e.getMessage()
                    + "; the next build in " + privateFolder.getParent() + " removes it");
        } finally {
            closeQuietly(lock);
            closeQuietly(cancellation);
        }
    }

    static void closeQuietly(AutoCloseable resource) {
        try {
            if (resource != null) {
                resource.close();
            }
        } catch (Exception e) {
            // A lock or a shutdown hook: the process's end releases either anyway.
        }
    }
}
