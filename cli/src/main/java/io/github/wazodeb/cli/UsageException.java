package io.github.wazodeb.cli;

/** An option or argument the user gave cannot be used; exits with 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
