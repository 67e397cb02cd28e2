package io.github.wazodeb.deb;

import java.util.Locale;

/** The {@code wazo/rules} commands run while building. The others run on the server, from the package. */
public enum RulesStep {
    BUILD,
    PACKAGE;

    /** The argument passed to {@code wazo/rules}. */
    public String argument() {
        return name().toLowerCase(Locale.ROOT);
    }
}
