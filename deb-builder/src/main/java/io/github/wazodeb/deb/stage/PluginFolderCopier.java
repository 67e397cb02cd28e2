package io.github.wazodeb.deb.stage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Copies the plugin's {@code wazo/} folder into the payload at
 * {@code /usr/lib/wazo-plugind/plugins/<namespace>/<name>/wazo/}, where the maintainer scripts find the
 * rules. Symbolic links stay links and modes are kept; the installed rules are always {@code 0755}.
 */
public final class PluginFolderCopier {

    private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

    private PluginFolderCopier() {
    }

    /** The folder's place in the package, relative to the payload root. */
    public static Path installedPath(String namespace, String name) {
        return Path.of("usr", "lib", "wazo-plugind", "plugins", namespace, name, "wazo");
    }

    public static void copy(Path wazoFolder, Path payload, String namespace, String name) throws IOException {
        Path target = payload.resolve(installedPath(namespace, name));
        createParents(payload, target.getParent());
        // The folder itself may be a link to a directory (a repository that keeps the metadata elsewhere):
        // walking the link would copy it as a link, dangling once installed, with no rules where the
        // maintainer scripts call them. Ship the directory it names; links inside it stay links.
        Path source = wazoFolder.toRealPath();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(dir).toString());
                if (!Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(copy);
                }
                Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(copy.toString(), null,
                            "the package step created a directory where the plugin's wazo/ folder has a file");
                }
                // Without COPY_ATTRIBUTES the copy's mode would depend on the umask.
                Files.copy(file, copy, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        Path rules = target.resolve("rules");
        if (Files.isRegularFile(rules, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(rules, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Creates the directories leading to the folder with a fixed mode, whatever the umask. */
    private static void createParents(Path payload, Path dir) throws IOException {
        Path current = payload;
        for (Path part : payload.relativize(dir)) {
            current = current.resolve(part.toString());
            if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
                Files.setPosixFilePermissions(current, DIRECTORY_MODE);
            }
        }
    }
}
