package io.github.wazodeb.provd;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The tree as it was at a git ref: {@code git archive REF:PREFIX} of the folder, unpacked into a temporary
 * folder (links and executable bits kept), so an earlier state builds exactly as the current one.
 */
final class GitSnapshot {

    private GitSnapshot() {
    }

    /** Unpacks {@code folder} as of {@code ref} into {@code into}; returns the unpacked folder. */
    static Path checkout(Path folder, String ref, Path into) throws ProvdBuildException {
        String top = git(folder, "rev-parse", "--show-toplevel").strip();
        String prefix = git(folder, "rev-parse", "--show-prefix").strip();
        Process process = start(Path.of(top), List.of("git", "archive", "--format=tar", ref + ":" + prefix));
        try (InputStream out = process.getInputStream(); TarArchiveInputStream tar = new TarArchiveInputStream(out)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into) || throughLink(into, target)) {
                    // Never write outside the snapshot, not even through a link the tree itself holds.
                    throw new ProvdBuildException("cannot read the tree at " + ref + ": " + entry.getName()
                            + " would be written outside it");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    Files.setPosixFilePermissions(target,
                            PosixFilePermissions.fromString((entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new ProvdBuildException("cannot read the tree at " + ref + ": git archive says: " + errors);
            }
            return into;
        } catch (IOException e) {
            throw new ProvdBuildException("cannot read the tree at " + ref + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvdBuildException("interrupted while reading the tree at " + ref, e);
        }
    }

    private static boolean throughLink(Path root, Path target) {
        for (Path parent = target.getParent(); parent != null && !parent.equals(root); parent = parent.getParent()) {
            if (Files.isSymbolicLink(parent)) {
                return true;
            }
        }
        return false;
    }

    private static String git(Path folder, String... args) throws ProvdBuildException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = start(folder, command);
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new ProvdBuildException(folder + " is not a folder of a git repository, so a ref cannot be read"
                        + " there: " + err.strip());
            }
            return out;
        } catch (IOException e) {
            throw new ProvdBuildException("cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvdBuildException("interrupted while running git", e);
        }
    }

    /** git's output, or empty when git is missing or fails (not a checkout): for what git may or may not know. */
    static Optional<String> tryGit(Path folder, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Process start(Path directory, List<String> command) throws ProvdBuildException {
        try {
            return new ProcessBuilder(command).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new ProvdBuildException("cannot run " + command.get(0) + " (is git installed?): " + e.getMessage(), e);
        }
    }
}
