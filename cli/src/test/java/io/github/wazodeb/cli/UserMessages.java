package io.github.wazodeb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** What every message wazo-deb shows a user must be: words, not Java's internals. */
final class UserMessages {

    private static final Pattern EXCEPTION_NAME = Pattern.compile("[A-Z][a-zA-Z]+Exception");

    private UserMessages() {
    }

    /** {@code printed} names no Java exception class and holds no stack trace. */
    static void assertPlain(String printed) {
        assertThat(printed).as("a message a user reads").doesNotContainPattern(EXCEPTION_NAME).doesNotContain("\tat ");
    }
}
