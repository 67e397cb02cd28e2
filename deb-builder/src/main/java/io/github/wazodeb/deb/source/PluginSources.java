package io.github.wazodeb.deb.source;

import io.github.wazodeb.deb.BuildListener;
import io.github.wazodeb.deb.ShutdownCancellation;
import io.github.wazodeb.deb.source.GitSourceException.Reason;
import io.github.wazodeb.deb.stage.Staging;
import io.github.wazodeb.deb.stage.TreeRemover;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Checks a plugin out of git the way {@code wazo-plugind-cli install git URL --ref REF} builds it: the
 * committed tree at that ref, in a private folder, then handed to the one-plugin pipeline:
 *
 * <pre>{@code
 * try (SourceCheckout checkout = PluginSources.checkout(GitSource.of(url).withRef("v1.2"), tmp, listener)) {
 *     new DebBuilder(options).build(checkout.directory());
 * }
 * }</pre>
 *
 * <p><b>The {@code git} command, not JGit.</b> Measured on this project's machine (2 cores shared by five
 * builds, load average 15; a bare repository of 31 commits and 6,000 files of 2.7 KB, 28 MB, with a
 * submodule added after the tag; file:// URL). git 2.39, medians of 3: a tag at depth 1 1.9 s, a commit id
 * at depth 1 1.9 s, a tag at depth 1 from the plain path 2.3 s, a full clone 30.5 s. JGit 7.4 in one JVM,
 * first and second run: a tag at depth 1 11.9 s and 1.5 s (the CLI always pays the first, cold, figure), a
 * full clone 12.8 s and 6.6 s, and a commit id at depth 1 not at all (its fetch left no ref to check out:
 * RefNotFoundException). Neither fetched the submodule. So git is as fast where it counts, serves every kind
 * of ref, and is already on every Wazo server and CI image with the user's own proxy, {@code insteadOf} and
 * ssh setup, where JGit would add a 3.3 MB jar and credential rules of its own to every user of the library.
 * One {@code git fetch --depth 1 URL REF} serves a branch, a tag, a full commit id and the remote's default
 * branch ({@code HEAD}) alike; submodules are not fetched.
 *
 * <p>The private folder is named like the builder's staging folders ({@code wazo-deb-build-*}) and holds a locked
 * {@code lock} file while it lives, so that what a killed run left is removed by a later build in the same
 * temporary directory, never a live one's.
 */
public final class PluginSources {

    private static final String FOLDER_PREFIX = Staging.PREFIX + "git-";
    private static final int FULL_COMMIT_ID = 40;

    private PluginSources() {
    }

    /** {@link #checkout(GitSource, Path, BuildListener)} without progress messages. */
    public static SourceCheckout checkout(GitSource source, Path temporaryDirectory) throws GitSourceException {
        return checkout(source, temporaryDirectory, BuildListener.SILENT);
    }

    /**
     * Fetches {@code source}'s ref at depth 1 into a new private folder under {@code temporaryDirectory} and
     * checks it out. A thread interrupt, or the JVM being asked to stop, cancels it; from then until the
     * checkout is closed, a stopping JVM waits for the folder to be removed.
     *
     * @param listener told what is fetched and which commit it is, and of a folder that could not be removed
     * @throws GitSourceException git is missing, the ref cannot be fetched, the subdirectory is not in the
     *     tree, or it was cancelled; the private folder is gone
     */
    public static SourceCheckout checkout(GitSource source, Path temporaryDirectory, BuildListener listener)
            throws GitSourceException {
        ShutdownCancellation cancellation = ShutdownCancellation.forCurrentThread();
        Path folder = null;
        FileChannel lock = null;
        try {
            folder = Files.createTempDirectory(Files.createDirectories(temporaryDirectory), FOLDER_PREFIX);
            // Locked under another name, then renamed, as the staging's: a sweep must never find a "lock" it
            // can take while this run is between creating the file and locking it.
            lock = FileChannel.open(folder.resolve("lock.new"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            lock.lock();
            Files.move(folder.resolve("lock.new"), folder.resolve("lock"), StandardCopyOption.ATOMIC_MOVE);
            Path tree = Files.createDirectory(folder.resolve("tree"));
            listener.progress("Fetching " + source);
            String commit = fetchAndCheckOut(source, new GitCommand(source.url(), folder.resolve("git.out")), tree);
            listener.progress("Checked out commit " + commit);
            return new SourceCheckout(source, folder, pluginDirectory(source, tree, commit), commit, lock,
                    cancellation, listener::warning);
        } catch (InterruptedException e) {
            discard(folder, lock, cancellation);
            Thread.currentThread().interrupt();
            throw cancelled(source, e);
        } catch (IOException e) {
            discard(folder, lock, cancellation);
            // An interrupt shows up as one of several I/O exceptions (ClosedByInterruptException,
            // FileLockInterruptionException, InterruptedIOException): the flag says which it was.
            if (Thread.currentThread().isInterrupted() || e instanceof InterruptedIOException
                    || e instanceof ClosedByInterruptException || e instanceof FileLockInterruptionException) {
                Thread.currentThread().interrupt();
                throw cancelled(source, e);
            }
            throw new GitSourceException(Reason.FETCH_FAILED, "cannot check out " + source + ": "
                    + CredentialMask.mask(String.valueOf(e.getMessage()), source.url()), e);
        } catch (GitSourceException | RuntimeException e) {
            discard(folder, lock, cancellation);
            throw e;
        }
    }

    private static GitSourceException cancelled(GitSource source, Exception cause) {
        return new GitSourceException(Reason.CANCELLED, "fetching " + source + " was cancelled", cause);
    }

    private static String fetchAndCheckOut(GitSource source, GitCommand git, Path tree)
            throws IOException, InterruptedException, GitSourceException {
        // No templates: no hooks from the user's init.templateDir run in the checkout.
        require(git.run(tree, List.of("init", "-q", "--template=", ".")), source, "git init");
        String ref = source.ref().orElse("HEAD");
        GitCommand.Result fetch = git.run(tree, List.of("fetch", "-q", "--depth", "1", "--no-tags",
                "--no-recurse-submodules", "--", fetchable(source.url()), ref));
        if (!fetch.succeeded()) {
            String hint = ref.matches("[0-9a-f]{4," + (FULL_COMMIT_ID - 1) + "}")
                    ? " (a commit must be given by its full " + FULL_COMMIT_ID + "-character id)" : "";
            throw new GitSourceException(Reason.FETCH_FAILED, "cannot fetch " + source.displayUrl() + " at "
                    + (source.ref().isPresent() ? ref : "its default branch") + hint + "; git said:\n" + fetch.tail());
        }
        require(git.run(tree, List.of("checkout", "-q", "--detach", "FETCH_HEAD")), source, "git checkout");
        String commit = require(git.run(tree, List.of("rev-parse", "HEAD")), source, "git rev-parse").output().strip();
        // FETCH_HEAD names the URL it came from; nothing of the URL stays in the tree a build may copy.
        Files.deleteIfExists(tree.resolve(".git/FETCH_HEAD"));
        return commit;
    }

    /**
     * A local path made absolute: git runs in the checkout, not where the user named the path. Git reads a
     * URL as a local path when it has no {@code scheme://} and no ':' before its first '/' (else it is
     * ssh's {@code host:path}).
     */
    static String fetchable(String url) {
        int colon = url.indexOf(':');
        int slash = url.indexOf('/');
        boolean localPath = !url.contains("://") && (colon < 0 || (slash >= 0 && slash < colon));
        return localPath ? Path.of(url).toAbsolutePath().normalize().toString() : url;
    }

    private static GitCommand.Result require(GitCommand.Result result, GitSource source, String what)
            throws GitSourceException {
        if (!result.succeeded()) {
            throw new GitSourceException(Reason.FETCH_FAILED, what + " failed for " + source + " with exit status "
                    + result.exitStatus() + ":\n" + result.tail());
        }
        return result;
    }

    /** The subdirectory, which must be a directory of the tree itself, not a link out of it. */
    private static Path pluginDirectory(GitSource source, Path tree, String commit)
            throws IOException, GitSourceException {
        if (source.subdirectory().isEmpty()) {
            return tree;
        }
        Path directory = tree.resolve(source.subdirectory().get());
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)
                || !directory.toRealPath().startsWith(tree.toRealPath())) {
            throw new GitSourceException(Reason.NO_SUCH_SUBDIRECTORY, "subdirectory \"" + source.subdirectory().get()
                    + "\" is not a directory in " + source.displayUrl() + " at commit " + commit);
        }
        return directory;
    }

    private static void discard(Path folder, FileChannel lock, ShutdownCancellation cancellation) {
        try {
            if (folder != null) {
                TreeRemover.remove(folder);
            }
        } catch (IOException e) {
            // Reported by the next build, which removes what this one left: its lock is released below.
        } finally {
            SourceCheckout.closeQuietly(lock);
            cancellation.close();
        }
    }
}
