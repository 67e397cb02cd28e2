package io.github.wazodeb.cli;

import io.github.wazodeb.repo.InvalidRepositoryException;
import io.github.wazodeb.repo.PackageEntry;
import io.github.wazodeb.repo.PublishConflictException;
import io.github.wazodeb.repo.PublishResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * How {@code publish} and {@code promote} tell what they did: the files written on standard output, one line
 * per package and the suite's state on standard error; a refusal as one line per problem and its exit code.
 */
final class PublishReport {

    private final Path root;
    private final PrintWriter out;
    private final PrintWriter err;

    PublishReport(Path root, PrintWriter out, PrintWriter err) {
        this.root = root;
        this.out = out;
        this.err = err;
    }

    /** Said once when another publisher holds the repository's lock. */
    void waiting(Path lockFile) {
        err.println("wazo-deb: " + root + ": another publisher is at work, waiting for it to finish (lock "
                + lockFile + ")");
        err.flush();
    }

    int done(PublishResult result, String verb) {
        result.written().forEach(out::println);
        out.flush();
        for (PackageEntry entry : result.added()) {
            err.println("wazo-deb: " + verb + " " + entry.name() + " " + entry.version() + " to " + result.suite()
                    + " (" + entry.fileName() + ")");
        }
        for (PackageEntry entry : result.alreadyListed()) {
            err.println("wazo-deb: " + entry.name() + " " + entry.version() + " is already in " + result.suite()
                    + " with the same bytes: nothing to do");
        }
        for (PackageEntry entry : result.dropped()) {
            err.println("wazo-deb: " + result.suite() + " no longer lists " + entry.name() + " " + entry.version()
                    + " (--keep)");
        }
        for (Path removed : result.poolFilesRemoved()) {
            err.println("wazo-deb: removed " + removed + ", which no suite lists");
        }
        err.println("wazo-deb: " + root + ": suite " + result.suite() + (result.changed()
                ? " written" + (result.signed() ? ", signed by " + result.signedBy() : ", unsigned")
                : " unchanged"));
        err.flush();
        return ExitCodes.DONE;
    }

    int invalid(InvalidRepositoryException invalid) {
        return refused(invalid.problems(), ExitCodes.INVALID_INPUT);
    }

    int conflict(PublishConflictException conflict) {
        return refused(conflict.conflicts(), ExitCodes.BUILD_FAILED);
    }

    int failed(IOException failure) {
        String reason;
        if (failure instanceof NoSuchFileException missing) {
            reason = missing.getFile() + ": no such file or folder";
        } else if (failure instanceof AccessDeniedException denied) {
            reason = denied.getFile() + ": permission denied";
        } else if (failure instanceof FileSystemException system && system.getReason() != null) {
            reason = system.getFile() + ": " + system.getReason();
        } else {
            reason = String.valueOf(failure.getMessage());
        }
        return refused(List.of(reason), ExitCodes.BUILD_FAILED);
    }

    private int refused(List<String> problems, int exitCode) {
        problems.forEach(problem -> err.println("wazo-deb: " + problem));
        err.println("wazo-deb: " + root + ": nothing was published");
        err.flush();
        return exitCode;
    }
}
