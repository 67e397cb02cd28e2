package io.github.wazodeb.cli;

import io.github.wazodeb.deb.BuildException;
import io.github.wazodeb.deb.IoMessages;
import io.github.wazodeb.deb.UnusableOptionException;
import io.github.wazodeb.model.InvalidPluginException;
import io.github.wazodeb.model.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns what a command threw into lines on standard error and an exit code: a user's mistake, a failed
 * step or a file the system refused is explained in words; only a bug in wazo-deb itself shows a stack
 * trace.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine,
            CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (failure instanceof InvalidPluginException invalid) {
            for (Problem problem : invalid.problems()) {
                err.println(problem.format());
            }
            err.println("wazo-deb: " + count(invalid.problems().size()) + ": nothing was built");
        } else if (failure instanceof UnusableOptionException unusable) {
            err.println("wazo-deb: " + unusable.getMessage() + " (" + flag(unusable.option()) + ")");
        } else if (failure instanceof UsageException || failure instanceof BuildException) {
            err.println("wazo-deb: " + failure.getMessage());
        } else if (failure instanceof IOException || failure instanceof UncheckedIOException) {
            // The file system refused (a full disk, a folder where a file must go, no permission): the
            // machine's doing, not a bug in wazo-deb, so the reason in words and no trace.
            err.println("wazo-deb: " + IoMessages.describe(failure));
        } else {
            err.println("wazo-deb: internal error, please report it with this trace:");
            failure.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.of(failure);
    }

    /**
     * Ends a run out of heap in one line. Called once the command's frames are gone (a package build has
     * removed its staging by then), so what they held is free for the message.
     */
    static int outOfMemory(PrintWriter err) {
        err.println("wazo-deb: " + MemoryAdvice.forThisJvm());
        err.flush();
        return ExitCodes.BUILD_FAILED;
    }

    private static String flag(UnusableOptionException.Option option) {
        return switch (option) {
            case OUTPUT_DIRECTORY -> "-o/--output";
            case TEMPORARY_DIRECTORY -> "--temp-dir";
        };
    }

    private static String count(int errors) {
        return errors == 1 ? "1 error" : errors + " errors";
    }
}
