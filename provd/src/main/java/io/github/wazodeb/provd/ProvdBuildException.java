package io.github.wazodeb.provd;

import io.github.wazodeb.deb.BuildException;

/**
 * A provisioning-plugin command failed for a reason other than invalid input: a target that failed or could
 * not run, an unreadable channel, I/O. Its message names the target or file and what went wrong; nothing was
 * written.
 */
public class ProvdBuildException extends BuildException {

    public ProvdBuildException(String message) {
        super(message);
    }

    public ProvdBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
