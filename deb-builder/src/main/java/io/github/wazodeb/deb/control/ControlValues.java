package io.github.wazodeb.deb.control;

import io.github.wazodeb.model.PluginDescriptor;
import java.util.regex.Pattern;

/**
 * Guards for the values this package writes into control files and shell scripts. The plugin model
 * already validates all of them; these checks exist so that a descriptor built some other way (a record
 * constructed by hand, a future reader) can never inject a control field or a shell command. They throw
 * {@link IllegalArgumentException} rather than repair the value: a repaired value would hide the bug
 * that let it through.
 */
final class ControlValues {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]+");

    private ControlValues() {
    }

    /** The plugin's name and namespace follow the contract, so they are safe in paths and package names. */
    static void requireValidIdentity(PluginDescriptor plugin) {
        requireIdentity(plugin.name(), plugin.namespace());
    }

    static void requireIdentity(String name, String namespace) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("plugin name \"" + printable(name) + "\" must match ^[a-z0-9-]+$");
        }
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException(
                    "plugin namespace \"" + printable(namespace) + "\" must match ^[a-z0-9]+$");
        }
    }

    /**
     * A value that must stay on its field's line: not blank, no control character (so no line break),
     * no leading or trailing whitespace (dpkg would strip it and the value would not be what was asked).
     */
    static String requireSingleLine(String field, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        int bad = firstControlCharacter(value);
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format("%s \"%s\" holds control character U+%04X",
                    field, printable(value), value.codePointAt(bad)));
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException(field + " \"" + value + "\" must not start or end with whitespace");
        }
        return value;
    }

    /** Index of the first ISO control character (C0, DEL, C1), or -1. */
    static int firstControlCharacter(String value) {
        for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
            if (Character.isISOControl(value.codePointAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The value with control characters shown as escapes, for an error message that stays on one line. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
