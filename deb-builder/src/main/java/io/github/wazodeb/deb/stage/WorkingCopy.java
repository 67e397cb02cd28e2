package io.github.wazodeb.deb.stage;

import io.github.wazodeb.deb.archive.FileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The private copy of a plugin directory that the rules steps run in, as wazo-plugind builds from a fresh
 * clone: the plugin directory itself is never written to, and nothing a step leaves behind can reach a
 * later build. Modes are a git checkout's ({@link GitModeCopier}), so the steps see the same tree whoever
 * made the checkout and under whatever umask.
 */
public final class WorkingCopy {

    private WorkingCopy() {
    }

    /**
     * Copies {@code pluginDirectory} to {@code target} and returns {@code target}.
     *
     * @param skipped told of each entry git could not hold (FIFO, socket, device), which is left out
     */
    public static Path make(Path pluginDirectory, Path target, Consumer<String> skipped) throws IOException {
        GitModeCopier.copy(pluginDirectory, target,
                path -> skipped.accept(FileNames.display(path.toString())
                        + " in the plugin directory is not a file, directory or link: left out"));
        // A wazo/ that is a link to a directory elsewhere (a repository that keeps the metadata apart) is
        // copied as that directory, so that the copy's wazo/ does not depend on where the copy lives.
        Path wazo = pluginDirectory.resolve("wazo");
        if (Files.isSymbolicLink(wazo) && Files.isDirectory(wazo)) {
            Path copy = target.resolve("wazo");
            Files.delete(copy);
            GitModeCopier.copy(wazo, copy, path -> skipped.accept("wazo/" + FileNames.display(path.toString())
                    + " is not a file, directory or link: left out"));
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the working copy " + target + " was not made");
        }
        return target;
    }
}
