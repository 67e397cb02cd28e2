package io.github.wazodeb.cli;

import io.github.wazodeb.deb.UnusableOptionException;
import io.github.wazodeb.model.InvalidPluginException;

/** The exit codes users script against (SPEC section 5). */
final class ExitCodes {

    static final int DONE = 0;
    static final int BUILD_FAILED = 1;
    static final int INVALID_INPUT = 2;

    private ExitCodes() {
    }

    static int of(Throwable failure) {
        if (failure instanceof InvalidPluginException || failure instanceof UsageException
                || failure instanceof UnusableOptionException
                || failure instanceof picocli.CommandLine.ParameterException) {
            return INVALID_INPUT;
        }
        return BUILD_FAILED;
    }
}
