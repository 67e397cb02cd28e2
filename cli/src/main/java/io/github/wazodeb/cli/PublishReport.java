package io.github.wazodeb.cli;

import io.github.wazodeb.deb.IoMessages;
import io.github.wazodeb.repo.InvalidRepositoryException;
import io.github.wazodeb.repo.PackageEntry;
import io.github.wazodeb.repo.PublishConflictException;
import io.github.wazodeb.repo.PublishResult;
import io.github.wazodeb.repo.Publisher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How {@code publish} and {@code promote} run and tell what they did: the files written on standard output,
 * one line per package and the suite's state on standard error; a refusal as one line per problem and its
 * exit code.
 */
final class PublishReport {

    /** What a command does with its configured publisher. */
    @FunctionalInterface
    interface Action {
        PublishResult apply(Publisher publisher) throws InvalidRepositoryException, PublishConflictException,
                IOException;
    }

    private final Path root;
    private final PrintWriter out;
    private final PrintWriter err;

    private PublishReport(Path root, PrintWriter out, PrintWriter err) {
        this.root = root;
        this.out = out;
        this.err = err;
    }

    /**
     * Gives {@code publisher} the date of {@code SOURCE_DATE_EPOCH}, the key of {@code keyFile} (when not null)
     * and this report as its waiting line, runs {@code action}, and tells the outcome; returns the exit code.
     */
    static int run(Path root, Path keyFile, Publisher publisher, CommandSpec spec, String verb, Action action)
            throws UsageException, IOException {
        Map<String, String> environment = System.getenv();
        Optional<Instant> date = RepositoryInputs.sourceDateEpoch(environment);
        Publisher configured = date.isPresent() ? publisher.dated(date.get()) : publisher;
        if (keyFile != null) {
            configured = configured.signedBy(RepositoryInputs.signingKey(keyFile, environment));
        }
        PublishReport report = new PublishReport(root, spec.commandLine().getOut(), spec.commandLine().getErr());
        try {
            return report.done(action.apply(configured.onWait(report::waiting)), verb);
        } catch (InvalidRepositoryException invalid) {
            return report.refused(invalid.problems(), ExitCodes.INVALID_INPUT);
        } catch (PublishConflictException conflict) {
            return report.refused(conflict.conflicts(), ExitCodes.BUILD_FAILED);
        } catch (IOException failure) {
            return report.failed(failure);
        }
    }

    /** Said once when another publisher holds the repository's lock. */
    private void waiting(Path lockFile) {
        err.println("wazo-deb: " + root + ": another publisher is at work, waiting for it to finish (lock "
                + lockFile + ")");
        err.flush();
    }

    private int done(PublishResult result, String verb) {
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

    private int failed(IOException failure) {
        return refused(List.of(IoMessages.describe(failure)), ExitCodes.BUILD_FAILED);
    }

    private int refused(List<String> problems, int exitCode) {
        problems.forEach(problem -> err.println("wazo-deb: " + problem));
        err.println("wazo-deb: " + root + ": nothing was published");
        err.flush();
        return exitCode;
    }
}
