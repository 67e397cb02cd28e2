package io.github.wazodeb.deb.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code git} command for a checkout: no prompt (a missing password fails instead of waiting on a
 * terminal nobody watches), no credential helper (a token in the URL is never stored in the user's
 * {@code ~/.git-credentials}), output to a file (so waiting stays interruptible), and every text it returns
 * masked with {@link CredentialMask}.
 */
final class GitCommand {

    /** What a git command printed, masked, and how it ended. */
    record Result(int exitStatus, String output) {

        boolean succeeded() {
            return exitStatus == 0;
        }

        /** The last few lines, for an error message. */
        String tail() {
            List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        }
    }

    private static final long GRACE_SECONDS = 5;
    /** What {@code git rev-parse --local-env-vars} lists (git 2.39). */
    private static final List<String> LOCAL_REPOSITORY_VARIABLES = List.of("GIT_ALTERNATE_OBJECT_DIRECTORIES",
            "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GIT_OBJECT_DIRECTORY", "GIT_DIR",
            "GIT_WORK_TREE", "GIT_IMPLICIT_WORK_TREE", "GIT_GRAFT_FILE", "GIT_INDEX_FILE", "GIT_NO_REPLACE_OBJECTS",
            "GIT_REPLACE_REF_BASE", "GIT_PREFIX", "GIT_INTERNAL_SUPER_PREFIX", "GIT_SHALLOW_FILE", "GIT_COMMON_DIR");

    private final String url;
    private final Path outputFile;

    /**
     * @param url the URL whose credentials must never be shown
     * @param outputFile where each command's output goes, outside the tree being checked out
     */
    GitCommand(String url, Path outputFile) {
        this.url = url;
        this.outputFile = outputFile;
    }

    /**
     * Runs {@code git ARGS} in {@code directory}.
     *
     * @throws InterruptedException the thread was interrupted: git and whatever it started are stopped first
     * @throws GitSourceException git cannot be started (not installed)
     * @throws IOException its output cannot be read
     */
    Result run(Path directory, List<String> arguments) throws IOException, InterruptedException,
            GitSourceException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "credential.helper=",
                "-c", "core.autocrlf=false", "-c", "advice.detachedHead=false"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        // Set when wazo-deb runs from a git hook or an IDE's git task: they would point every command at the
        // caller's repository instead of the checkout's.
        LOCAL_REPOSITORY_VARIABLES.forEach(builder.environment()::remove);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new GitSourceException(GitSourceException.Reason.GIT_MISSING,
                    "cannot run git, which building from a git source needs: " + e.getMessage()
                            + "; install git (apt-get install git) or put it on the PATH", e);
        }
        try {
            int status = process.waitFor();
            return new Result(status, CredentialMask.mask(
                    new String(Files.readAllBytes(outputFile), StandardCharsets.UTF_8), url));
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        }
    }

    /** TERM to git and its children (remote helpers, ssh), then KILL after a grace. */
    private static void stop(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException again) {
            all.forEach(ProcessHandle::destroyForcibly);
        }
        Thread.currentThread().interrupt();
    }
}
