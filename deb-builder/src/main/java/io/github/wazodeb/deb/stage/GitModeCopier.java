package io.github.wazodeb.deb.stage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Copies a tree with the modes a git checkout gives under wazo-plugind's umask 022, whoever copies it and
 * under whatever umask: directories 0755, files 0755 when any execute bit is set, else 0644. Symbolic links
 * stay links (their targets byte for byte); what git cannot hold (FIFOs, sockets, devices) is skipped and
 * reported. Names are copied as bytes, whatever the JVM's locale.
 */
final class GitModeCopier {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> EXECUTABLE = DIRECTORY;
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");

    private GitModeCopier() {
    }

    /**
     * Copies {@code source} (a directory, links to it followed) to {@code target}, which may exist.
     *
     * @param skipped told the relative path of each entry that is not a directory, file or link
     */
    static void copy(Path source, Path target, Consumer<Path> skipped) throws IOException {
        Path from = source.toRealPath();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                checkInterrupted();
                Path copy = target.resolve(from.relativize(dir));
                if (!Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(copy);
                }
                Files.setPosixFilePermissions(copy, DIRECTORY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                checkInterrupted();
                Path relative = from.relativize(file);
                Path copy = target.resolve(relative);
                if (Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(copy.toString(), null,
                            "a directory stands where a file is to be copied");
                }
                if (attrs.isSymbolicLink()) {
                    Files.deleteIfExists(copy);
                    Files.createSymbolicLink(copy, Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    Files.deleteIfExists(copy);
                    Files.copy(file, copy);
                    Files.setPosixFilePermissions(copy, hasExecuteBit(file) ? EXECUTABLE : PLAIN);
                } else {
                    skipped.accept(relative);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean hasExecuteBit(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        return permissions.contains(PosixFilePermission.OWNER_EXECUTE)
                || permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                || permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    private static void checkInterrupted() throws java.io.InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException("interrupted while copying");
        }
    }
}
