package io.github.wazodeb.model.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code case} pattern as the shell matches it: quoted characters stand for themselves, unquoted
 * {@code *}, {@code ?} and {@code [...]} are wildcards. Internal to plugin-model.
 */
final class ShellPattern {

    private ShellPattern() {
    }

    /**
     * The pattern as a regular expression, or empty when what it matches is only known when the script runs
     * (it holds a {@code $} expansion or a command substitution).
     */
    static Optional<Pattern> compile(String raw) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            switch (c) {
                case '\'' -> {
                    int end = raw.indexOf('\'', i + 1);
                    int stop = end < 0 ? raw.length() : end;
                    regex.append(Pattern.quote(raw.substring(i + 1, stop)));
                    i = stop + 1;
                }
                case '"' -> {
                    i++;
                    while (i < raw.length() && raw.charAt(i) != '"') {
                        char q = raw.charAt(i);
                        if (q == '$' || q == '`') {
                            return Optional.empty();
                        }
                        if (q == '\\' && i + 1 < raw.length() && "$`\"\\".indexOf(raw.charAt(i + 1)) >= 0) {
                            i++;
                        }
                        regex.append(Pattern.quote(String.valueOf(raw.charAt(i))));
                        i++;
                    }
                    i++;
                }
                case '\\' -> {
                    if (i + 1 < raw.length()) {
                        regex.append(Pattern.quote(String.valueOf(raw.charAt(i + 1))));
                    }
                    i += 2;
                }
                case '$', '`' -> {
                    return Optional.empty();
                }
                case '*' -> {
                    regex.append(".*");
                    i++;
                }
                case '?' -> {
                    regex.append('.');
                    i++;
                }
                case '[' -> i = bracket(raw, i, regex);
                default -> {
                    regex.append(Pattern.quote(String.valueOf(c)));
                    i++;
                }
            }
        }
        return Optional.of(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** Whether the pattern matches every argument, as {@code *} does. */
    static boolean isCatchAll(String raw) {
        return compile(raw).map(p -> p.pattern().equals(".*")).orElse(false);
    }

    /** Appends {@code [...]} as a character class; a {@code [} without its {@code ]} is literal. */
    private static int bracket(String raw, int open, StringBuilder regex) {
        int i = open + 1;
        boolean negated = i < raw.length() && (raw.charAt(i) == '!' || raw.charAt(i) == '^');
        if (negated) {
            i++;
        }
        int first = i;
        if (i < raw.length() && raw.charAt(i) == ']') {
            i++; // a ']' right after '[' or '[!' is a member
        }
        int close = raw.indexOf(']', i);
        if (close < 0) {
            regex.append(Pattern.quote("["));
            return open + 1;
        }
        StringBuilder members = new StringBuilder();
        for (int j = first; j < close; j++) {
            char m = raw.charAt(j);
            boolean range = m == '-' && j > first && j < close - 1;
            members.append(range ? "-" : (Character.isLetterOrDigit(m) ? String.valueOf(m) : "\\" + m));
        }
        regex.append('[').append(negated ? "^" : "").append(members).append(']');
        return close + 1;
    }
}
