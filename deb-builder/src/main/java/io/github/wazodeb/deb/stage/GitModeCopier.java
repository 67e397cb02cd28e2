package io.github.wazodeb.deb.stage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Copies a tree with the modes a git checkout gives under wazo-plugind's umask 022, whoever copies it and
 * under whatever umask: directories 0755, files 0755 when any execute bit is set, else 0644. Symbolic links
 * stay links (their targets byte for byte); what git cannot hold (FIFOs, sockets, devices) is skipped and
 * reported. Names are copied as bytes, whatever the JVM's locale.
 *
 * <p>Written for few system calls, since every build makes such a copy: one {@code lstat} per entry gives
 * both its type and its mode (a {@code Files.walkFileTree} visitor would need a second), each entry is
 * created with its final mode, and a {@code chmod} follows only where the umask (or a default ACL) took
 * bits away, which the first directory made shows once for the whole copy.
 */
final class GitModeCopier {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> EXECUTABLE = DIRECTORY;
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> ANY_EXECUTE = EnumSet.of(PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Set<StandardOpenOption> NEW_FILE = EnumSet.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);

    private final Path from;
    private final Path target;
    private final Consumer<Path> skipped;
    /** Whether the modes asked of mkdir and open survive the umask; known once the top directory exists. */
    private boolean modesKept;

    private GitModeCopier(Path from, Path target, Consumer<Path> skipped) {
        this.from = from;
        this.target = target;
        this.skipped = skipped;
    }

    /**
     * Copies {@code source} (a directory, links to it followed) to {@code target}, which may exist; what
     * {@code target} already holds is replaced where the copy puts an entry of the same name (a directory
     * where a file is to go fails).
     *
     * @param skipped told the relative path of each entry that is not a directory, file or link
     */
    static void copy(Path source, Path target, Consumer<Path> skipped) throws IOException {
        // Not toRealPath (a readlink per component): listing a link to a directory lists the directory.
        new GitModeCopier(source, target, skipped).copyTop();
    }

    private void copyTop() throws IOException {
        checkInterrupted();
        try {
            Files.createDirectory(target, attribute(DIRECTORY));
            modesKept = Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .permissions().equals(DIRECTORY);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            modesKept = false; // nothing made yet to tell: set every mode
        }
        if (!modesKept) {
            Files.setPosixFilePermissions(target, DIRECTORY);
        }
        copyEntries(from, target);
    }

    private void copyEntries(Path dir, Path copyOfDir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                checkInterrupted();
                copyEntry(entry, copyOfDir.resolve(entry.getFileName()));
            }
        }
    }

    private void copyEntry(Path entry, Path copy) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(entry, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (attributes.isDirectory()) {
            makeDirectory(copy);
            copyEntries(entry, copy);
        } else if (attributes.isSymbolicLink()) {
            Path link = Files.readSymbolicLink(entry);
            try {
                Files.createSymbolicLink(copy, link);
            } catch (FileAlreadyExistsException e) {
                replaceable(copy);
                Files.createSymbolicLink(copy, link);
            }
        } else if (attributes.isRegularFile()) {
            boolean executable = attributes.permissions().stream().anyMatch(ANY_EXECUTE::contains);
            copyFile(entry, copy, attributes.size(), executable ? EXECUTABLE : PLAIN);
        } else {
            skipped.accept(from.relativize(entry));
        }
    }

    private void makeDirectory(Path copy) throws IOException {
        try {
            Files.createDirectory(copy, attribute(DIRECTORY));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
            Files.setPosixFilePermissions(copy, DIRECTORY);
            return;
        }
        if (!modesKept) {
            Files.setPosixFilePermissions(copy, DIRECTORY);
        }
    }

    /** The file's bytes into a new file made with its final mode: open, open, sendfile, close, close. */
    private void copyFile(Path file, Path copy, long size, Set<PosixFilePermission> mode) throws IOException {
        try (FileChannel out = newFile(copy, mode); FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            // The size the lstat saw: one sendfile for a file under 2 GiB, not a second to find the end.
            for (long done = 0, n; done < size; done += n) {
                n = in.transferTo(done, size - done, out);
                if (n <= 0) {
                    break; // shorter than when it was looked at: what is there is copied
                }
            }
        }
        if (!modesKept) {
            Files.setPosixFilePermissions(copy, mode);
        }
    }

    private static FileChannel newFile(Path copy, Set<PosixFilePermission> mode) throws IOException {
        try {
            return FileChannel.open(copy, NEW_FILE, attribute(mode));
        } catch (FileAlreadyExistsException e) {
            replaceable(copy);
            return FileChannel.open(copy, NEW_FILE, attribute(mode));
        }
    }

    /** An entry that stands where a file or link is to go is removed, unless it is a directory. */
    private static void replaceable(Path copy) throws IOException {
        if (Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(copy.toString(), null,
                    "a directory stands where a file is to be copied");
        }
        Files.delete(copy);
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> mode) {
        return PosixFilePermissions.asFileAttribute(mode);
    }

    private static void checkInterrupted() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted while copying");
        }
    }
}
