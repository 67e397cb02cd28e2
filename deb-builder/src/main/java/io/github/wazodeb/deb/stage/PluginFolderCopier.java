package io.github.wazodeb.deb.stage;

import io.github.wazodeb.deb.archive.FileNames;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/**
 * Copies the plugin's {@code wazo/} folder into the payload at
 * {@code /usr/lib/wazo-plugind/plugins/<namespace>/<name>/wazo/}, where the maintainer scripts find the
 * rules, with a git checkout's modes ({@link GitModeCopier}); the installed rules are always {@code 0755}.
 */
public final class PluginFolderCopier {

    private PluginFolderCopier() {
    }

    /** The folder's place in the package, relative to the payload root. */
    public static Path installedPath(String namespace, String name) {
        return Path.of("usr", "lib", "wazo-plugind", "plugins", namespace, name, "wazo");
    }

    /**
     * @param wazoFolder the plugin's {@code wazo/}; a link to a directory is shipped as that directory
     *     (links inside it stay links)
     * @param skipped told of each entry that is not a file, directory or link, which is left out
     */
    public static void copy(Path wazoFolder, Path payload, String namespace, String name, Consumer<String> skipped)
            throws IOException {
        Path target = payload.resolve(installedPath(namespace, name).toString());
        createParents(payload, target.getParent());
        GitModeCopier.copy(wazoFolder, target,
                path -> skipped.accept("wazo/" + FileNames.display(path.toString())
                        + " is not a file, directory or link: left out of the package"));
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
            if (Files.isSymbolicLink(current)) {
                throw new FileAlreadyExistsException(payload.relativize(current).toString(), null,
                        "the package step made this a symbolic link, where the plugin's folder must go");
            }
            if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
                Files.setPosixFilePermissions(current, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }
}
