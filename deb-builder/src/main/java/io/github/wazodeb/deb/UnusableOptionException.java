package io.github.wazodeb.deb;

/**
 * An option cannot serve this build (an output directory that is a file, a temporary directory inside the
 * plugin directory): the caller's mistake, found before anything ran. Hosts name their own spelling of
 * {@link #option()} (a CLI flag, a Maven parameter).
 */
public final class UnusableOptionException extends BuildException {

    /** The options a build checks against the plugin directory and the file system. */
    public enum Option {
        OUTPUT_DIRECTORY,
        TEMPORARY_DIRECTORY
    }

    private final Option option;

    public UnusableOptionException(Option option, String message) {
        super(message);
        this.option = option;
    }

    public Option option() {
        return option;
    }
}
