package io.github.wazodeb.deb;

/** The build failed for a reason other than invalid input: a rules step, or I/O. Nothing was written. */
public class BuildException extends Exception {

    public BuildException(String message) {
        super(message);
    }

    public BuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
