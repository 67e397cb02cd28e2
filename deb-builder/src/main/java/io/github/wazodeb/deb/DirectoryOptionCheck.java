package io.github.wazodeb.deb;

import io.github.wazodeb.model.validation.LinkTarget;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Checks, before anything runs, that the folders the options name can be made and written: the output
 * directory (the package goes there) and the temporary directory (the staging goes there). A file, a link
 * to nothing or a folder the builder may not write is found in a second, not after a long build.
 *
 * <p>Hosts that do work of their own before the build (a git checkout) call {@link #check(BuildOptions)}
 * first; {@link DebBuilder} calls it again, so a build is never started without it.
 */
public final class DirectoryOptionCheck {

    private DirectoryOptionCheck() {
    }

    /**
     * @throws UnusableOptionException the output or the temporary directory is, or lies under, a file or a
     *     link to nothing, or the folder it would be made in may not be written to
     */
    public static void check(BuildOptions options) throws UnusableOptionException {
        writableDirectory(options.outputDirectory(), UnusableOptionException.Option.OUTPUT_DIRECTORY);
        writableDirectory(options.temporaryDirectory(), UnusableOptionException.Option.TEMPORARY_DIRECTORY);
    }

    /**
     * Checks one folder, which need not exist yet: its nearest entry that exists (itself or an ancestor)
     * must be a directory, links followed, that the builder may write to and search.
     *
     * @return the folder, absolute
     */
    static Path writableDirectory(Path directory, UnusableOptionException.Option option)
            throws UnusableOptionException {
        String named = (option == UnusableOptionException.Option.OUTPUT_DIRECTORY ? "the output directory "
                : "the temporary directory ") + directory;
        Path absolute = directory.toAbsolutePath().normalize();
        for (Path path = absolute; path != null; path = path.getParent()) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String which = path.equals(absolute) ? "" : ": " + path;
            if (Files.isSymbolicLink(path) && !Files.exists(path)) {
                throw new UnusableOptionException(option, named + (which.isEmpty() ? "" : " cannot be made" + which)
                        + " is a link to " + LinkTarget.of(path) + ", which does not exist");
            }
            if (!Files.isDirectory(path)) {
                throw new UnusableOptionException(option, named + " is not a directory"
                        + (which.isEmpty() ? "" : which + " is a file"));
            }
            if (!Files.isWritable(path) || !Files.isExecutable(path)) {
                throw new UnusableOptionException(option, named + " cannot be written to: " + path
                        + ": permission denied");
            }
            return absolute;
        }
        return absolute;
    }
}
