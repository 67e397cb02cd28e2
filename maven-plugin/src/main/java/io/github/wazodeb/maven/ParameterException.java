package io.github.wazodeb.maven;

/**
 * A mojo parameter holds a value the build cannot use. The message names the parameter and the
 * {@code -Dwazo.*} property that sets it, so the user knows which POM element or flag to change.
 */
final class ParameterException extends Exception {

    ParameterException(String parameter, String property, Object value, String rule) {
        super("Parameter <" + parameter + "> (property " + property + ") is \"" + value + "\": " + rule);
    }

    /** A rule {@code BuildOptions} enforces across values; its message already names the value. */
    ParameterException(String optionsMessage) {
        super("Invalid wazo-maven-plugin configuration: " + optionsMessage);
    }
}
