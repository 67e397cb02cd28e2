package io.github.wazodeb.model;

import java.util.Objects;

/**
 * One thing wrong with a plugin directory, with everything a person needs to find and fix it.
 *
 * @param severity whether it refuses the plugin or only warns
 * @param file the file, as the user would name it (relative to the plugin directory, e.g. {@code wazo/plugin.yml})
 * @param line 1-based line in {@code file}, or 0 when the problem has no position (a missing file, a missing key)
 * @param column 1-based column, or 0 when unknown
 * @param key the key path the problem is about ({@code name}, {@code depends[1].namespace}), or empty
 * @param value the offending value as written, or {@code null} when there is none
 * @param rule what the value breaks, as a sentence fragment ({@code must match ^[a-z0-9-]+$ (...)})
 */
public record Problem(Severity severity, String file, int line, int column, String key, String value, String rule) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rule, "rule");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The one-line form users see, {@code file:line:column: key "value" rule}, for example
     * {@code wazo/plugin.yml:2:7: name "no_underscore" must match ^[a-z0-9-]+$ (lower-case letters, digits and '-')}.
     * Warnings carry a {@code warning: } prefix after the position.
     */
    public String format() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (severity == Severity.WARNING) {
            text.append("warning: ");
        }
        if (!key.isEmpty()) {
            text.append(key).append(' ');
        }
        if (value != null) {
            text.append('"').append(printable(value)).append("\" ");
        }
        return text.append(rule).toString();
    }

    @Override
    public String toString() {
        return format();
    }

    /** Keeps a problem on one line whatever the bad value holds, and long values short. */
    private static String printable(String raw) {
        StringBuilder out = new StringBuilder();
        raw.codePoints().limit(80).forEach(cp -> {
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(cp)) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        if (raw.codePointCount(0, raw.length()) > 80) {
            out.append("...");
        }
        return out.toString();
    }
}
