package io.github.wazodeb.deb.source;

import io.github.wazodeb.deb.BuildException;

/**
 * A git source could not be checked out. The message names the source with its credentials masked, and
 * carries git's own last lines, masked too. Nothing is left behind.
 */
public final class GitSourceException extends BuildException {

    /** Why: hosts tell the user's mistakes (exit 2, a parameter to change) from failures (exit 1). */
    public enum Reason {
        /** git is not installed or not on the {@code PATH}. */
        GIT_MISSING,
        /** git could not fetch the ref: a wrong URL or ref, no access, no network. */
        FETCH_FAILED,
        /** The tree at that ref has no such subdirectory. */
        NO_SUCH_SUBDIRECTORY,
        /** The checkout was cancelled (thread interrupt, JVM shutdown). */
        CANCELLED
    }

    private final Reason reason;

    public GitSourceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public GitSourceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the source named does not exist as given: the caller's mistake rather than a failure. */
    public boolean isInvalidInput() {
        return reason == Reason.NO_SUCH_SUBDIRECTORY;
    }
}
